import { randomBytes } from 'node:crypto';
import type { SelfRegisteredRole } from '@jiebang/contracts';
import type supertest from 'supertest';

type Http = ReturnType<typeof supertest>;

const unique = (): string => randomBytes(4).toString('hex');

export interface Registration {
  email: string;
  password: string;
  displayName: string;
  role: SelfRegisteredRole;
  organisation?: { name: string; kind: 'enterprise' | 'university' | 'institute' | 'company' };
  joinCode?: string;
}

/** A valid self-registration; override what the test is about. */
export function aRegistration(overrides: Partial<Registration> = {}): Registration {
  const id = unique();
  const role = overrides.role ?? 'enterprise';
  return {
    email: `user-${id}@example.cn`,
    password: 'correct-horse-battery',
    displayName: '测试用户',
    role,
    ...(overrides.joinCode
      ? {}
      : {
          organisation: {
            name: `绵阳测试${role === 'team' ? '研究院' : '科技有限公司'}${id}`,
            kind: role === 'team' ? 'institute' : 'enterprise',
          },
        }),
    ...overrides,
  };
}

export interface Account {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  organisationId: string | null;
  joinCode: string | null;
  bearer: { Authorization: string };
}

interface TokenBody {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; organisation: { id: string; joinCode: string } | null };
}

export function toAccount(body: TokenBody, password: string): Account {
  return {
    id: body.user.id,
    email: body.user.email,
    password,
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    organisationId: body.user.organisation?.id ?? null,
    joinCode: body.user.organisation?.joinCode ?? null,
    bearer: { Authorization: `Bearer ${body.accessToken}` },
  };
}

/** Registers through the API and returns the signed-in account. */
export async function registered(http: Http, overrides: Partial<Registration> = {}): Promise<Account> {
  const registration = aRegistration(overrides);
  const response = await http.post('/api/v1/auth/register').send(registration).expect(201);
  return toAccount(response.body as TokenBody, registration.password);
}

export async function signedIn(http: Http, email: string, password: string): Promise<Account> {
  const response = await http.post('/api/v1/auth/login').send({ email, password }).expect(200);
  return toAccount(response.body as TokenBody, password);
}

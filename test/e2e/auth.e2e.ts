import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UsersService } from '@jiebang/identity';
import { TokenService } from '@jiebang/platform';
import { JwtService } from '@nestjs/jwt';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { matchingService } from '../../apps/matching-service/src/matching.definition';
import { eventually } from '../harness/eventually';
import { aRegistration, registered, signedIn, type Account } from '../harness/factories';
import { startTestService, TEST_JWT_SECRET, type TestService } from '../harness/test-app';

describe('identity: registration, sign-in, tokens and roles', () => {
  let service: TestService;
  let admin: Account;

  beforeAll(async () => {
    service = await startTestService(marketplace);
    await service.app.get(UsersService).ensureAdmin('office@example.cn', 'office-password-1');
    admin = await signedIn(service.http, 'office@example.cn', 'office-password-1');
  });

  afterAll(() => service.close());

  describe('registration', () => {
    it('creates an enterprise account with its organisation and signs it in', async () => {
      const registration = aRegistration({
        role: 'enterprise',
        organisation: { name: '绵阳九洲测试电子有限公司', kind: 'enterprise' },
      });
      const response = await service.http.post('/api/v1/auth/register').send(registration).expect(201);
      expect(response.body).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: 900,
        user: {
          email: registration.email,
          role: 'enterprise',
          organisation: { name: '绵阳九洲测试电子有限公司', kind: 'enterprise' },
        },
      });
      expect(response.body.user).not.toHaveProperty('passwordHash');
    });

    it('lets a colleague join with the join code, and refuses a wrong code', async () => {
      const founder = await registered(service.http, {
        role: 'team',
        organisation: { name: '西南科技测试大学实验室', kind: 'university' },
      });
      const colleague = await registered(service.http, {
        role: 'team',
        organisation: undefined,
        joinCode: founder.joinCode!,
      });
      expect(colleague.organisationId).toBe(founder.organisationId);

      const wrong = await service.http
        .post('/api/v1/auth/register')
        .send(aRegistration({ organisation: undefined, joinCode: 'NOSUCHCODE' }))
        .expect(400);
      expect(wrong.body).toMatchObject({ code: 'JOIN_CODE_UNKNOWN', errors: [{ field: 'joinCode' }] });
    });

    it('needs exactly one of a new organisation and a join code', async () => {
      const { organisation: _omitted, ...withoutOrganisation } = aRegistration();
      const response = await service.http.post('/api/v1/auth/register').send(withoutOrganisation).expect(400);
      expect(response.body.code).toBe('ORGANISATION_CHOICE_INVALID');
    });

    it('refuses self-registration as advisor or admin', async () => {
      for (const role of ['advisor', 'admin']) {
        const response = await service.http
          .post('/api/v1/auth/register')
          .send({ ...aRegistration(), role })
          .expect(400);
        expect(response.body.errors).toEqual([expect.objectContaining({ field: 'role' })]);
      }
    });

    it('refuses a duplicate email (any case) and a duplicate organisation name with 409', async () => {
      const first = aRegistration();
      await service.http.post('/api/v1/auth/register').send(first).expect(201);
      const sameEmail = await service.http
        .post('/api/v1/auth/register')
        .send(aRegistration({ email: first.email.toUpperCase() }))
        .expect(409);
      expect(sameEmail.body).toMatchObject({ code: 'EMAIL_TAKEN', errors: [{ field: 'email' }] });
      const sameOrganisation = await service.http
        .post('/api/v1/auth/register')
        .send(aRegistration({ organisation: first.organisation }))
        .expect(409);
      expect(sameOrganisation.body.code).toBe('ORGANISATION_EXISTS');
    });

    it('keeps a team out of an enterprise-only kind mismatch', async () => {
      const response = await service.http
        .post('/api/v1/auth/register')
        .send(aRegistration({ role: 'enterprise', organisation: { name: '某测试大学', kind: 'university' } }))
        .expect(400);
      expect(response.body.code).toBe('ORGANISATION_KIND_NOT_ALLOWED');
    });
  });

  describe('sign-in and tokens', () => {
    it('signs in and returns the account at /me', async () => {
      const account = await registered(service.http);
      const again = await signedIn(service.http, account.email, account.password);
      const me = await service.http.get('/api/v1/auth/me').set(again.bearer).expect(200);
      expect(me.body).toMatchObject({ id: account.id, email: account.email, role: 'enterprise' });
    });

    it('answers a wrong password and an unknown email alike with 401', async () => {
      const account = await registered(service.http);
      const wrong = await service.http
        .post('/api/v1/auth/login')
        .send({ email: account.email, password: 'wrong-password' })
        .expect(401);
      const unknown = await service.http
        .post('/api/v1/auth/login')
        .send({ email: 'nobody@example.cn', password: 'whatever-pass' })
        .expect(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
      expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('refuses a request without a token with 401 AUTH_REQUIRED', async () => {
      const response = await service.http.get('/api/v1/auth/me').expect(401);
      expect(response.body.code).toBe('AUTH_REQUIRED');
    });

    it('refuses an expired token with 401 TOKEN_EXPIRED', async () => {
      const account = await registered(service.http);
      const jwt = service.app.get(JwtService);
      const expired = await jwt.signAsync(
        {
          sub: account.id,
          role: 'enterprise',
          org: account.organisationId,
          typ: 'access',
          exp: Math.floor(Date.now() / 1000) - 60,
        },
        { secret: TEST_JWT_SECRET, issuer: 'jiebang' },
      );
      const response = await service.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${expired}`).expect(401);
      expect(response.body.code).toBe('TOKEN_EXPIRED');
    });

    it('refuses forged and tampered tokens with 401 TOKEN_INVALID', async () => {
      const account = await registered(service.http);
      const jwt = service.app.get(JwtService);
      const forged = await jwt.signAsync(
        { sub: account.id, role: 'admin', org: null, typ: 'access' },
        { secret: 'someone-elses-secret-of-sufficient-length', issuer: 'jiebang', expiresIn: 600 },
      );
      const [header, , signature] = account.accessToken.split('.');
      const escalated = Buffer.from(
        JSON.stringify({ sub: account.id, role: 'admin', org: null, typ: 'access', iss: 'jiebang', exp: 9999999999 }),
      ).toString('base64url');
      const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${escalated}.`;
      for (const token of [forged, `${header}.${escalated}.${signature}`, unsigned, 'not-a-jwt']) {
        const response = await service.http.get('/api/v1/users').set('Authorization', `Bearer ${token}`).expect(401);
        expect(response.body.code).toBe('TOKEN_INVALID');
      }
      const scheme = await service.http
        .get('/api/v1/auth/me')
        .set('Authorization', `Basic ${account.accessToken}`)
        .expect(401);
      expect(scheme.body.code).toBe('TOKEN_INVALID');
    });

    it('refuses a signed token missing exp, iat or iss with 401 TOKEN_INVALID', async () => {
      const account = await registered(service.http);
      const jwt = service.app.get(JwtService);
      const claims = { sub: account.id, role: 'enterprise', org: account.organisationId, typ: 'access' };
      const tokens = [
        await jwt.signAsync(claims, { secret: TEST_JWT_SECRET, issuer: 'jiebang' }),
        await jwt.signAsync(claims, { secret: TEST_JWT_SECRET, issuer: 'jiebang', expiresIn: 600, noTimestamp: true }),
        await jwt.signAsync(claims, { secret: TEST_JWT_SECRET, expiresIn: 600 }),
      ];
      for (const token of tokens) {
        const response = await service.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
        expect(response.body.code).toBe('TOKEN_INVALID');
      }
    });

    it('rotates refresh tokens and revokes the family when a spent one is replayed', async () => {
      const account = await registered(service.http);
      const first = await service.http
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: account.refreshToken })
        .expect(200);
      expect(first.body.refreshToken).not.toBe(account.refreshToken);
      await service.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(200);

      // Replaying the spent token is refused and ends the session family...
      const replay = await service.http
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: account.refreshToken })
        .expect(401);
      expect(replay.body.code).toBe('REFRESH_TOKEN_INVALID');
      // ...so the token issued by the rotation is dead too.
      await service.http.post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
      await service.http
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: '00000000-0000-0000-0000-000000000000.nope' })
        .expect(401);
    });

    it('limits sign-in attempts per client', async () => {
      const limited = await startTestService(marketplace, { config: { authRateLimitPerMinute: 3 } });
      try {
        const attempt = () =>
          limited.http.post('/api/v1/auth/login').send({ email: 'x@example.cn', password: 'guess-guess' });
        const answered = [];
        for (let i = 0; i < 3; i += 1) answered.push(await attempt());
        expect(answered.map((response) => [response.status, response.headers.ratelimit])).toEqual(
          [2, 1, 0].map((left) => [401, expect.stringMatching(new RegExp(`^"auth"; r=${left}; t=\\d+$`))]),
        );
        expect(answered[0].headers['ratelimit-policy']).toBe('"auth"; q=3; w=60');
        const refused = await attempt()
          .expect(429)
          .expect('content-type', /problem\+json/);
        expect(refused.body.code).toBe('RATE_LIMITED');
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        // Refused by a middleware, still with the id that ties it to the logs.
        expect(refused.headers['x-request-id']).toBe(refused.body.requestId);
      } finally {
        await limited.close();
      }
    });
  });

  describe('deactivation', () => {
    const deactivate = (id: string, caller: Account = admin) =>
      service.http.post(`/api/v1/users/${id}/deactivate`).set(caller.bearer);
    const reactivate = (id: string, caller: Account = admin) =>
      service.http.post(`/api/v1/users/${id}/reactivate`).set(caller.bearer);

    it('ends the sessions of a deactivated account, refuses its sign-in and tokens, and lets it back in', async () => {
      const account = await registered(service.http);
      const response = await deactivate(account.id).expect(200);
      expect(response.body).toMatchObject({ id: account.id, active: false, deactivatedAt: expect.any(String) });
      await deactivate(account.id).expect(200);

      const login = await service.http
        .post('/api/v1/auth/login')
        .send({ email: account.email, password: account.password })
        .expect(403);
      expect(login.body.code).toBe('ACCOUNT_DISABLED');
      const refresh = await service.http
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: account.refreshToken })
        .expect(401);
      expect(refresh.body.code).toBe('REFRESH_TOKEN_INVALID');
      // The access token still out dies at once in the process that deactivated it, reads included.
      const write = await service.http.post('/api/v1/notifications/read-all').set(account.bearer).expect(401);
      expect(write.body.code).toBe('TOKEN_INVALID');
      await service.http.get('/api/v1/auth/me').set(account.bearer).expect(401);

      const back = await reactivate(account.id).expect(200);
      expect(back.body).toMatchObject({ active: true, deactivatedAt: null });
      const again = await signedIn(service.http, account.email, account.password);
      await service.http.post('/api/v1/notifications/read-all').set(again.bearer).expect(200);
      // The sessions ended by the deactivation stay ended.
      await service.http.post('/api/v1/auth/refresh').send({ refreshToken: account.refreshToken }).expect(401);
    });

    it('refuses the token in another service on the same database within seconds', async () => {
      const matching = await startTestService(matchingService, { databaseUrl: service.config.databaseUrl });
      try {
        const account = await registered(service.http);
        // Both services have read the account as active...
        await matching.http.post('/api/v1/notifications/read-all').set(account.bearer).expect(200);
        await deactivate(account.id).expect(200);
        // ...and the other one stops trusting its cached reading within its few seconds.
        const refused = await eventually(
          () => matching.http.post('/api/v1/notifications/read-all').set(account.bearer).expect(401),
          { timeoutMs: 10_000 },
        );
        expect(refused.body.code).toBe('TOKEN_INVALID');
      } finally {
        await matching.close();
      }
    });

    it('is for admins only, never on oneself, and names an unknown account', async () => {
      const account = await registered(service.http);
      const other = await registered(service.http);
      expect((await deactivate(other.id, account).expect(403)).body.code).toBe('FORBIDDEN');
      await reactivate(other.id, account).expect(403);
      expect((await deactivate(admin.id).expect(409)).body.code).toBe('CANNOT_DEACTIVATE_SELF');
      expect((await deactivate('00000000-0000-4000-8000-000000000000').expect(404)).body.code).toBe('USER_NOT_FOUND');
      await service.http.post('/api/v1/auth/login').send({ email: other.email, password: other.password }).expect(200);
    });
  });

  describe('roles', () => {
    it('forbids a route to a role it is not for with 403', async () => {
      const enterprise = await registered(service.http);
      const response = await service.http.get('/api/v1/users').set(enterprise.bearer).expect(403);
      expect(response.body.code).toBe('FORBIDDEN');
      await service.http.post('/api/v1/users').set(enterprise.bearer).send({}).expect(403);
    });

    it('lets an admin create an advisor and assign the enterprises it serves', async () => {
      const enterprise = await registered(service.http);
      const advisorEmail = `advisor-${Date.now()}@example.cn`;
      const created = await service.http
        .post('/api/v1/users')
        .set(admin.bearer)
        .send({ email: advisorEmail, password: 'advisor-password', displayName: '李顾问', role: 'advisor' })
        .expect(201);
      expect(created.body).toMatchObject({ role: 'advisor', email: advisorEmail });

      await service.http
        .put(`/api/v1/advisors/${created.body.id}/organisations`)
        .set(admin.bearer)
        .send({ organisationIds: [enterprise.organisationId] })
        .expect(200);
      const advisor = await signedIn(service.http, advisorEmail, 'advisor-password');
      const me = await service.http.get('/api/v1/auth/me').set(advisor.bearer).expect(200);
      expect(me.body.servedOrganisations).toEqual([expect.objectContaining({ id: enterprise.organisationId })]);

      // An advisor sees its own portfolio, not another advisor's, and cannot assign.
      await service.http.get(`/api/v1/advisors/${advisor.id}/organisations`).set(advisor.bearer).expect(200);
      await service.http.get(`/api/v1/advisors/${admin.id}/organisations`).set(advisor.bearer).expect(404);
      await service.http
        .put(`/api/v1/advisors/${advisor.id}/organisations`)
        .set(advisor.bearer)
        .send({ organisationIds: [] })
        .expect(403);
    });

    it('refuses to assign an advisor to a non-enterprise, naming the entry', async () => {
      const lab = await registered(service.http, { role: 'team' });
      const advisor = await service.http
        .post('/api/v1/users')
        .set(admin.bearer)
        .send({
          email: `advisor-${Date.now()}-b@example.cn`,
          password: 'advisor-password',
          displayName: '赵顾问',
          role: 'advisor',
        })
        .expect(201);
      const response = await service.http
        .put(`/api/v1/advisors/${advisor.body.id}/organisations`)
        .set(admin.bearer)
        .send({ organisationIds: [lab.organisationId] })
        .expect(400);
      expect(response.body).toMatchObject({ code: 'NOT_AN_ENTERPRISE', errors: [{ field: 'organisationIds.0' }] });
    });

    it('shows the join code to members and admin only', async () => {
      const member = await registered(service.http);
      const outsider = await registered(service.http);
      const path = `/api/v1/organisations/${member.organisationId}`;
      expect((await service.http.get(path).set(member.bearer).expect(200)).body.joinCode).toBe(member.joinCode);
      expect((await service.http.get(path).set(admin.bearer).expect(200)).body.joinCode).toBe(member.joinCode);
      expect((await service.http.get(path).set(outsider.bearer).expect(200)).body).not.toHaveProperty('joinCode');
      expect((await service.http.get(path).expect(200)).body).not.toHaveProperty('joinCode');
    });

    it('signs tokens that any service verifies with the shared secret alone', async () => {
      const account = await registered(service.http);
      await expect(service.app.get(TokenService).verifyAccess(account.accessToken)).resolves.toEqual({
        userId: account.id,
        role: 'enterprise',
        organisationId: account.organisationId,
      });
    });
  });
});

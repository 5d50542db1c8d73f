import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ORGANISATION_KINDS_BY_ROLE, type Principal, principalOf } from '@jiebang/contracts';
import { APP_CONFIG, type AppConfig, EventBus, isUniqueViolation, TokenService, Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { AdvisorAssignmentRepository } from '../advisors/advisor-assignment.repository';
import { identityError } from '../identity.errors';
import { toOrganisationMemberView, toOrganisationView } from '../organisations/organisation.dto';
import type { Organisation } from '../organisations/organisation.entity';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { hashPassword, verifyPassword } from '../password/password-hasher';
import type { MeView } from '../users/user.dto';
import type { User } from '../users/user.entity';
import { userRegistered } from '../users/user-events';
import { UserRepository } from '../users/user.repository';
import type { LoginDto, RefreshDto, RegisterDto, TokenResponse } from './auth.dto';
import { RefreshTokenRepository } from './refresh-token.repository';

// Verified against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = hashPassword('timing-equaliser-password');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function newJoinCode(): string {
  return randomBytes(6).toString('base64url').toUpperCase();
}

@Injectable()
export class AuthService {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
    private readonly assignments: AdvisorAssignmentRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly tokens: TokenService,
    private readonly events: EventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(input: RegisterDto): Promise<TokenResponse> {
    if ((input.organisation == null) === (input.joinCode == null)) {
      throw identityError(
        'ORGANISATION_CHOICE_INVALID',
        'Give either a new organisation or the join code of an existing one.',
        {
          errors: [{ field: 'organisation', message: 'give exactly one of organisation and joinCode' }],
        },
      );
    }
    const passwordHash = await hashPassword(input.password);
    const user = await this.transactions.run(async (manager) => {
      const organisation = input.organisation
        ? await this.createOrganisation(input.organisation.name, input.organisation.kind, manager)
        : await this.organisations.findByJoinCode(input.joinCode!, manager);
      if (!organisation) {
        throw identityError('JOIN_CODE_UNKNOWN', 'No organisation has this join code.', {
          errors: [{ field: 'joinCode', message: 'no organisation has this join code' }],
        });
      }
      if (!ORGANISATION_KINDS_BY_ROLE[input.role].includes(organisation.kind)) {
        throw identityError(
          'ORGANISATION_KIND_NOT_ALLOWED',
          `A ${input.role} account cannot belong to a ${organisation.kind}.`,
          {
            errors: [
              {
                field: input.organisation ? 'organisation.kind' : 'joinCode',
                message: `not allowed for role ${input.role}`,
              },
            ],
          },
        );
      }
      const created = await this.users.insert(
        {
          email: input.email,
          passwordHash,
          displayName: input.displayName,
          role: input.role,
          organisationId: organisation.id,
        },
        manager,
      );
      await this.events.publish(manager, userRegistered(created));
      return created;
    });
    return this.issueTokens(user);
  }

  private async createOrganisation(
    name: string,
    kind: Organisation['kind'],
    manager: EntityManager,
  ): Promise<Organisation> {
    let organisation: Organisation;
    try {
      // A savepoint keeps the transaction usable when the unique index refuses the name.
      organisation = await manager.transaction((inner) =>
        this.organisations.insert({ name, kind, joinCode: newJoinCode() }, inner),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'organisation_name_key')) {
        throw identityError('ORGANISATION_EXISTS', `${name} is already registered; ask a member for its join code.`, {
          errors: [{ field: 'organisation.name', message: 'already registered' }],
        });
      }
      throw error;
    }
    await this.events.publish(
      manager,
      EventBus.envelope('identity.organisation_registered', organisation.id, organisation.version, {
        name: organisation.name,
        kind: organisation.kind,
      }),
    );
    return organisation;
  }

  async login(input: LoginDto): Promise<TokenResponse> {
    const user = await this.users.findByEmail(input.email);
    const valid = await verifyPassword(input.password, user?.passwordHash ?? (await DUMMY_HASH));
    if (!user || !valid) throw identityError('INVALID_CREDENTIALS', 'The email or password is wrong.');
    if (!user.active) throw identityError('ACCOUNT_DISABLED', 'This account has been disabled.');
    return this.issueTokens(user);
  }

  async refresh(input: RefreshDto): Promise<TokenResponse> {
    const invalid = () => identityError('REFRESH_TOKEN_INVALID', 'The refresh token is not valid; sign in again.');
    const [id, secret] = input.refreshToken.split('.');
    if (!id || !secret || !UUID.test(id)) throw invalid();
    // The transaction commits even when the token is refused, so a family revocation sticks.
    const issued = await this.transactions.run(async (manager) => {
      const token = await this.refreshTokens.lock(id, manager);
      if (!token || !timingSafeEqual(token.secretHash, sha256(secret))) return null;
      if (token.used || token.revoked) {
        // Reuse of a rotated token means it leaked: end the whole session family.
        await this.refreshTokens.revokeFamily(token.familyId, manager);
        return null;
      }
      if (token.expired) return null;
      await this.refreshTokens.markUsed(token.id, manager);
      const owner = await this.users.findById(token.userId, manager);
      if (!owner?.active) return null;
      return { user: owner, refreshToken: await this.newRefreshToken(owner.id, token.familyId, manager) };
    });
    if (!issued) throw invalid();
    return this.tokenResponse(issued.user, issued.refreshToken);
  }

  private async issueTokens(user: User): Promise<TokenResponse> {
    const refreshToken = await this.transactions.run((manager) => this.newRefreshToken(user.id, randomUUID(), manager));
    return this.tokenResponse(user, refreshToken);
  }

  private async newRefreshToken(userId: string, familyId: string, manager: EntityManager): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    const id = await this.refreshTokens.insert(
      { userId, familyId, secretHash: sha256(secret) },
      this.config.jwt.refreshTtlSeconds,
      manager,
    );
    return `${id}.${secret}`;
  }

  private async tokenResponse(user: User, refreshToken: string): Promise<TokenResponse> {
    // The user table's check keeps enterprise and team users in an organisation.
    const principal = principalOf(user.id, user.role, user.organisationId);
    if (!principal) throw new Error(`user ${user.id} (${user.role}) has no organisation`);
    return {
      accessToken: await this.tokens.signAccess(principal),
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTtlSeconds,
      refreshToken,
      user: await this.profile(user),
    };
  }

  async me(principal: Principal): Promise<MeView> {
    const user = await this.users.findById(principal.userId);
    if (!user?.active) throw identityError('USER_NOT_FOUND', 'This account no longer exists.');
    return this.profile(user);
  }

  private async profile(user: User): Promise<MeView> {
    const [organisation, served] = await Promise.all([
      user.organisationId ? this.organisations.findById(user.organisationId) : null,
      user.role === 'advisor'
        ? this.assignments.organisationIds(user.id).then((ids) => this.organisations.findByIds(ids))
        : [],
    ]);
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      organisation: organisation ? toOrganisationMemberView(organisation) : null,
      servedOrganisations: served.map(toOrganisationView),
    };
  }
}

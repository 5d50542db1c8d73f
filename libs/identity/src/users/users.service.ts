import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { AccountStatus, EventBus, type Page, pageOf, Transactions } from '@jiebang/platform';
import { RefreshTokenRepository } from '../auth/refresh-token.repository';
import { identityError } from '../identity.errors';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { hashPassword } from '../password/password-hasher';
import { type CreateUserDto, toUserView, type UserQuery, type UserView } from './user.dto';
import { userRegistered } from './user-events';
import { UserRepository } from './user.repository';

@Injectable()
export class UsersService {
  private readonly logger = new Logger('UsersService');

  constructor(
    private readonly transactions: Transactions,
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly accounts: AccountStatus,
    private readonly events: EventBus,
  ) {}

  /** Advisor and admin accounts exist only through an admin (or the first-admin bootstrap). */
  async create(input: CreateUserDto): Promise<UserView> {
    if (input.organisationId && !(await this.organisations.findById(input.organisationId))) {
      throw identityError('ORGANISATION_NOT_FOUND', 'No such organisation.', {
        errors: [{ field: 'organisationId', message: 'no such organisation' }],
      });
    }
    const passwordHash = await hashPassword(input.password);
    const user = await this.transactions.run(async (manager) => {
      const created = await this.users.insert(
        {
          email: input.email,
          passwordHash,
          displayName: input.displayName,
          role: input.role,
          organisationId: input.organisationId ?? null,
        },
        manager,
      );
      await this.events.publish(manager, userRegistered(created));
      return created;
    });
    return toUserView(user);
  }

  async list(query: UserQuery): Promise<Page<UserView>> {
    const [users, total] = await this.users.list({ role: query.role }, query);
    return pageOf(users.map(toUserView), total, query);
  }

  /**
   * Deactivates or reactivates an account; idempotent. Deactivation ends every session (refresh
   * tokens revoked), login is refused, and the access tokens still out are refused by every service
   * within AccountStatus's cache; this process forgets its cached status at once.
   */
  async setActive(id: string, active: boolean, caller: Principal): Promise<UserView> {
    if (!active && id === caller.userId) {
      throw identityError('CANNOT_DEACTIVATE_SELF', 'You cannot deactivate your own account.');
    }
    const user = await this.transactions.run(async (manager) => {
      const found = await this.users.lockById(id, manager);
      if (!found) throw identityError('USER_NOT_FOUND', 'No such account.');
      if (found.active !== active) await this.users.setActive(id, active, caller.userId, manager);
      if (!active) await this.refreshTokens.revokeAllOf(id, manager);
      return (await this.users.findById(id, manager))!;
    });
    this.accounts.forget(id);
    // Identity has no audit table: the structured log records who changed whose access.
    this.logger.log(`${caller.userId} ${active ? 'reactivated' : 'deactivated'} account ${id} (${user.email})`);
    return toUserView(user);
  }

  /** Creates the admin unless an account with that email exists; returns whether it did. */
  async ensureAdmin(email: string, password: string): Promise<boolean> {
    if (await this.users.findByEmail(email)) return false;
    await this.create({ email, password, displayName: '项目办管理员', role: 'admin' });
    this.logger.log(`created the first admin account ${email}`);
    return true;
  }
}

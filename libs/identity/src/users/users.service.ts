import { Injectable, Logger } from '@nestjs/common';
import { EventBus, type Page, pageOf, Transactions } from '@jiebang/platform';
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

  /** Creates the admin unless an account with that email exists; returns whether it did. */
  async ensureAdmin(email: string, password: string): Promise<boolean> {
    if (await this.users.findByEmail(email)) return false;
    await this.create({ email, password, displayName: '项目办管理员', role: 'admin' });
    this.logger.log(`created the first admin account ${email}`);
    return true;
  }
}

import { Injectable } from '@nestjs/common';
import type { Role } from '@jiebang/contracts';
import { isUniqueViolation, type PageQuery, Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { identityError } from '../identity.errors';
import { User } from './user.entity';

@Injectable()
export class UserRepository {
  constructor(private readonly transactions: Transactions) {}

  findById(id: string, manager: EntityManager = this.transactions.manager): Promise<User | null> {
    return manager.findOneBy(User, { id });
  }

  findByEmail(email: string, manager: EntityManager = this.transactions.manager): Promise<User | null> {
    return manager.findOneBy(User, { email: email.toLowerCase() });
  }

  /** Locks the user row for the rest of the transaction. */
  lockById(id: string, manager: EntityManager): Promise<User | null> {
    return manager.createQueryBuilder(User, 'u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
  }

  /** Inserts a user; a duplicate email is EMAIL_TAKEN, decided by the unique index. */
  async insert(
    user: Pick<User, 'email' | 'passwordHash' | 'displayName' | 'role' | 'organisationId'>,
    manager: EntityManager,
  ): Promise<User> {
    try {
      // A savepoint keeps the caller's transaction usable after a refused insert.
      return await manager.transaction((inner) =>
        inner.save(inner.create(User, { ...user, email: user.email.toLowerCase() })),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'user_account_email_key')) {
        throw identityError('EMAIL_TAKEN', 'An account with this email already exists.', {
          errors: [{ field: 'email', message: 'already registered' }],
        });
      }
      throw error;
    }
  }

  /** Deactivates (stamped by the database's clock, with who did it) or reactivates an account. */
  async setActive(id: string, active: boolean, by: string, manager: EntityManager): Promise<void> {
    await manager.update(
      User,
      { id },
      active
        ? { active, deactivatedAt: null, deactivatedBy: null }
        : { active, deactivatedAt: () => 'now()', deactivatedBy: by },
    );
  }

  save(user: User, manager: EntityManager): Promise<User> {
    return manager.save(user);
  }

  list(filter: { role?: Role }, page: PageQuery): Promise<[User[], number]> {
    const query = this.transactions.manager.createQueryBuilder(User, 'u');
    if (filter.role) query.where('u.role = :role', { role: filter.role });
    return query.orderBy('u.createdAt', 'DESC').offset(page.offset).limit(page.pageSize).getManyAndCount();
  }
}

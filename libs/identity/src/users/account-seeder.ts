import { Injectable } from '@nestjs/common';
import { type EventEnvelope, type OrganisationKind, type Principal, principalOf, type Role } from '@jiebang/contracts';
import { EventBus, Transactions } from '@jiebang/platform';
import { newJoinCode } from '../auth/auth.service';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { hashPassword } from '../password/password-hasher';
import { userRegistered } from './user-events';
import { UserRepository } from './user.repository';

export interface SeedAccount {
  email: string;
  displayName: string;
  role: Role;
  organisation?: { name: string; kind: OrganisationKind };
}

/** A seeded account is a principal: the demo acts as its users. */
export type SeededAccount = Principal;

/** The user table's check keeps enterprise and team users in an organisation. */
function seeded(userId: string, role: Role, organisationId: string | null): SeededAccount {
  const principal = principalOf(userId, role, organisationId);
  if (!principal) throw new Error(`seeded ${role} user ${userId} has no organisation`);
  return principal;
}

/**
 * Creates many accounts at once for demo data: one password hash for all (scrypt is slow by
 * design), organisations reused by name, everything in one transaction with its events.
 * Accounts that exist are returned as they are.
 */
@Injectable()
export class AccountSeeder {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
    private readonly events: EventBus,
  ) {}

  async ensure(accounts: SeedAccount[], password: string): Promise<Map<string, SeededAccount>> {
    const passwordHash = await hashPassword(password);
    return this.transactions.run(async (manager) => {
      const accountsByEmail = new Map<string, SeededAccount>();
      const organisationIds = new Map<string, string>();
      // Published together at the end: one statement per table instead of two per account.
      const events: EventEnvelope[] = [];
      for (const account of accounts) {
        const existing = await this.users.findByEmail(account.email, manager);
        if (existing) {
          accountsByEmail.set(account.email, seeded(existing.id, existing.role, existing.organisationId));
          continue;
        }
        let organisationId: string | null = null;
        if (account.organisation) {
          const { name, kind } = account.organisation;
          organisationId =
            organisationIds.get(name) ?? (await this.organisations.findByName(name, manager))?.id ?? null;
          if (!organisationId) {
            const organisation = await this.organisations.insert({ name, kind, joinCode: newJoinCode() }, manager);
            events.push(
              EventBus.envelope('identity.organisation_registered', organisation.id, organisation.version, {
                name,
                kind,
              }),
            );
            organisationId = organisation.id;
          }
          organisationIds.set(name, organisationId);
        }
        const user = await this.users.insert(
          { email: account.email, passwordHash, displayName: account.displayName, role: account.role, organisationId },
          manager,
        );
        events.push(userRegistered(user));
        accountsByEmail.set(account.email, seeded(user.id, user.role, organisationId));
      }
      await this.events.publishMany(manager, events);
      return accountsByEmail;
    });
  }
}

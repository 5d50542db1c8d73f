import { Injectable } from '@nestjs/common';
import type { DemandPublicSnapshot } from '@jiebang/contracts';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import type { Need, Recipient } from './directory.entity';

/** Notifications' own read model of users, needs and advisors' portfolios, written only by event consumers. */
@Injectable()
export class DirectoryRepository {
  constructor(private readonly transactions: Transactions) {}

  async upsertRecipient(recipient: Recipient, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.recipient (user_id, organisation_id, role, email, display_name) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, role = EXCLUDED.role,
         email = EXCLUDED.email, display_name = EXCLUDED.display_name`,
      [recipient.userId, recipient.organisationId, recipient.role, recipient.email, recipient.displayName],
    );
  }

  /** Upserts unless the stored version is newer: a late duplicate never overwrites. */
  async upsertNeed(demand: DemandPublicSnapshot, version: number, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.need (demand_id, title, code, owner_organisation_id, status, bid_deadline, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (demand_id) DO UPDATE SET title = EXCLUDED.title, code = EXCLUDED.code,
         owner_organisation_id = EXCLUDED.owner_organisation_id, status = EXCLUDED.status,
         bid_deadline = EXCLUDED.bid_deadline, version = EXCLUDED.version
       WHERE notifications.need.version < EXCLUDED.version`,
      [demand.id, demand.title, demand.code, demand.ownerOrganisationId, demand.status, demand.bidDeadline, version],
    );
  }

  async findNeed(demandId: string, manager: EntityManager = this.transactions.manager): Promise<Need | null> {
    const rows = await manager.query<Need[]>(
      `SELECT demand_id AS "demandId", title, code, owner_organisation_id AS "ownerOrganisationId", status,
              bid_deadline AS "bidDeadline", version
       FROM notifications.need WHERE demand_id = $1`,
      [demandId],
    );
    return rows[0] ?? null;
  }

  async upsertPortfolio(
    portfolio: { advisorId: string; organisationIds: string[]; version: number },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.advisor_portfolio (advisor_id, organisation_ids, version) VALUES ($1, $2, $3)
       ON CONFLICT (advisor_id) DO UPDATE SET organisation_ids = EXCLUDED.organisation_ids, version = EXCLUDED.version
       WHERE notifications.advisor_portfolio.version < EXCLUDED.version`,
      [portfolio.advisorId, portfolio.organisationIds, portfolio.version],
    );
  }

  /** The advisors serving an enterprise. */
  async advisorsOf(organisationId: string, manager: EntityManager = this.transactions.manager): Promise<string[]> {
    const rows = await manager.query<Array<{ advisor_id: string }>>(
      'SELECT advisor_id FROM notifications.advisor_portfolio WHERE $1 = ANY(organisation_ids) ORDER BY advisor_id',
      [organisationId],
    );
    return rows.map((row) => row.advisor_id);
  }
}

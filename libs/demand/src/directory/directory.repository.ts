import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { AdvisorPortfolio, OrganisationEntry } from './directory.entities';

@Injectable()
export class DirectoryRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Upserts unless the stored version is newer: a late duplicate never overwrites. */
  async upsertOrganisation(entry: OrganisationEntry, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO demand.organisation_directory (id, name, kind, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, version = EXCLUDED.version
       WHERE demand.organisation_directory.version < EXCLUDED.version`,
      [entry.id, entry.name, entry.kind, entry.version],
    );
  }

  async upsertPortfolio(portfolio: AdvisorPortfolio, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO demand.advisor_portfolio (advisor_id, organisation_ids, version) VALUES ($1, $2, $3)
       ON CONFLICT (advisor_id) DO UPDATE SET organisation_ids = EXCLUDED.organisation_ids, version = EXCLUDED.version
       WHERE demand.advisor_portfolio.version < EXCLUDED.version`,
      [portfolio.advisorId, portfolio.organisationIds, portfolio.version],
    );
  }

  async servedBy(advisorId: string, manager: EntityManager = this.transactions.manager): Promise<string[]> {
    const portfolio = await manager.findOneBy(AdvisorPortfolio, { advisorId });
    return portfolio?.organisationIds ?? [];
  }

  async organisationsByName(names: string[], manager: EntityManager): Promise<Map<string, OrganisationEntry>> {
    if (names.length === 0) return new Map();
    const entries = await manager
      .createQueryBuilder(OrganisationEntry, 'o')
      .where('o.name IN (:...names)', { names })
      .getMany();
    return new Map(entries.map((entry) => [entry.name, entry]));
  }
}

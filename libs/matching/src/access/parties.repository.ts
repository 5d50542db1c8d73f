import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import type { NeedParties } from './parties';

/** Who stands around a need on matching's side: its owner, the advisors serving it, its reviewers. */
@Injectable()
export class PartiesRepository {
  constructor(private readonly transactions: Transactions) {}

  async of(
    listing: { demandId: string; ownerOrganisationId: string },
    manager: EntityManager = this.transactions.manager,
  ): Promise<NeedParties> {
    // Sequential: inside a transaction both would share one connection anyway.
    const advisors = await manager.query<Array<{ advisor_id: string }>>(
      'SELECT advisor_id FROM matching.advisor_portfolio WHERE $1 = ANY(organisation_ids)',
      [listing.ownerOrganisationId],
    );
    const reviewers = await manager.query<Array<{ user_id: string }>>(
      'SELECT user_id FROM matching.reviewer WHERE demand_id = $1',
      [listing.demandId],
    );
    return {
      ownerOrganisationId: listing.ownerOrganisationId,
      advisorIds: advisors.map((row) => row.advisor_id),
      reviewerIds: reviewers.map((row) => row.user_id),
    };
  }

  /** Organisations whose needs an advisor serves. */
  async servedBy(advisorId: string, manager: EntityManager = this.transactions.manager): Promise<string[]> {
    const rows = await manager.query<Array<{ organisation_ids: string[] }>>(
      'SELECT organisation_ids FROM matching.advisor_portfolio WHERE advisor_id = $1',
      [advisorId],
    );
    return rows[0]?.organisation_ids ?? [];
  }
}

import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Conversion, type ConversionFields, Matchmaking, type MatchmakingFields } from './advisor-records.entity';

export interface RecordNames {
  demands: Map<string, string>;
  teams: Map<string, string>;
  achievements: Map<string, string>;
}

export interface RecordFilter {
  advisorId?: string;
  demandId?: string;
  from?: string;
  to?: string;
}

function filtered<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, filter: RecordFilter, dateColumn: string) {
  if (filter.advisorId) query.andWhere('r.advisor_id = :advisorId', { advisorId: filter.advisorId });
  if (filter.demandId) query.andWhere('r.demand_id = :demandId', { demandId: filter.demandId });
  if (filter.from) query.andWhere(`r.${dateColumn} >= :from`, { from: filter.from });
  if (filter.to) query.andWhere(`r.${dateColumn} <= :to`, { to: filter.to });
  return query;
}

@Injectable()
export class AdvisorRecordsRepository {
  constructor(private readonly transactions: Transactions) {}

  async insertMatchmaking(
    record: Omit<Matchmaking, 'id' | 'version' | 'updatedAt'>,
    manager: EntityManager,
  ): Promise<string> {
    const result = await manager.insert(Matchmaking, record);
    return (result.identifiers[0] as { id: string }).id;
  }

  async insertConversion(
    record: Omit<Conversion, 'id' | 'version' | 'updatedAt'>,
    manager: EntityManager,
  ): Promise<string> {
    const result = await manager.insert(Conversion, record);
    return (result.identifiers[0] as { id: string }).id;
  }

  findMatchmaking(id: string): Promise<Matchmaking | null> {
    return this.transactions.manager.findOneBy(Matchmaking, { id });
  }

  findConversion(id: string): Promise<Conversion | null> {
    return this.transactions.manager.findOneBy(Conversion, { id });
  }

  lockConversion(id: string, manager: EntityManager): Promise<Conversion | null> {
    return manager.findOne(Conversion, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  lockMatchmaking(id: string, manager: EntityManager): Promise<Matchmaking | null> {
    return manager.findOne(Matchmaking, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Replaces what the advisor wrote and raises the version; the caller holds the row's lock. */
  async updateMatchmaking(id: string, fields: MatchmakingFields, at: Date, manager: EntityManager): Promise<void> {
    await manager.update(Matchmaking, { id }, { ...fields, version: () => 'version + 1', updatedAt: at });
  }

  async updateConversion(id: string, fields: ConversionFields, at: Date, manager: EntityManager): Promise<void> {
    await manager.update(Conversion, { id }, { ...fields, version: () => 'version + 1', updatedAt: at });
  }

  matchmakings(filter: RecordFilter, page: { offset: number; pageSize: number }): Promise<[Matchmaking[], number]> {
    return filtered(this.transactions.manager.createQueryBuilder(Matchmaking, 'r'), filter, 'occurred_on')
      .orderBy('r.occurred_on', 'DESC')
      .addOrderBy('r.created_at', 'DESC')
      .skip(page.offset)
      .take(page.pageSize)
      .getManyAndCount();
  }

  conversions(filter: RecordFilter, page: { offset: number; pageSize: number }): Promise<[Conversion[], number]> {
    return filtered(this.transactions.manager.createQueryBuilder(Conversion, 'r'), filter, 'signed_on')
      .orderBy('r.signed_on', 'DESC')
      .addOrderBy('r.created_at', 'DESC')
      .skip(page.offset)
      .take(page.pageSize)
      .getManyAndCount();
  }

  /** Titles of needs and achievements and names of teams that records point at, in one round trip. */
  async names(refs: { demandIds: string[]; teamIds: string[]; achievementIds: string[] }): Promise<RecordNames> {
    const rows = await this.transactions.manager.query<Array<{ kind: keyof RecordNames; id: string; name: string }>>(
      `SELECT 'demands' AS kind, demand_id AS id, title AS name FROM matching.listing WHERE demand_id = ANY($1::uuid[])
       UNION ALL
       SELECT 'teams', id, name FROM matching.organisation WHERE id = ANY($2::uuid[])
       UNION ALL
       SELECT 'achievements', id, title FROM matching.achievement WHERE id = ANY($3::uuid[])`,
      [refs.demandIds, refs.teamIds, refs.achievementIds],
    );
    const names: RecordNames = { demands: new Map(), teams: new Map(), achievements: new Map() };
    for (const row of rows) names[row.kind].set(row.id, row.name);
    return names;
  }

  /** The references a record may carry, resolved in one round trip. */
  async references(
    refs: {
      demandId?: string;
      teamOrganisationId?: string;
      achievementId?: string;
      bidId?: string;
      engagementId?: string;
    },
    manager: EntityManager,
  ): Promise<{
    demand: boolean;
    team: boolean;
    achievement: { organisationId: string } | null;
    bid: { demandId: string } | null;
    engagement: { demandId: string; bidId: string } | null;
  }> {
    const [row] = await manager.query<
      Array<{
        demand: boolean;
        team: boolean;
        achievement_org: string | null;
        bid_demand: string | null;
        engagement_demand: string | null;
        engagement_bid: string | null;
      }>
    >(
      `SELECT EXISTS (SELECT 1 FROM matching.listing WHERE demand_id = $1) AS demand,
              EXISTS (SELECT 1 FROM matching.organisation WHERE id = $2) AS team,
              (SELECT organisation_id FROM matching.achievement WHERE id = $3) AS achievement_org,
              (SELECT demand_id FROM matching.bid WHERE id = $4) AS bid_demand,
              (SELECT demand_id FROM matching.engagement WHERE id = $5) AS engagement_demand,
              (SELECT bid_id FROM matching.engagement WHERE id = $5) AS engagement_bid`,
      [
        refs.demandId ?? null,
        refs.teamOrganisationId ?? null,
        refs.achievementId ?? null,
        refs.bidId ?? null,
        refs.engagementId ?? null,
      ],
    );
    return {
      demand: row.demand,
      team: row.team,
      achievement: row.achievement_org ? { organisationId: row.achievement_org } : null,
      bid: row.bid_demand ? { demandId: row.bid_demand } : null,
      engagement: row.engagement_demand ? { demandId: row.engagement_demand, bidId: row.engagement_bid! } : null,
    };
  }
}

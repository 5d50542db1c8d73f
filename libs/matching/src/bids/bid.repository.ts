import { Injectable } from '@nestjs/common';
import type { BidStatus } from '@jiebang/contracts';
import { Transactions } from '@jiebang/platform';
import { type EntityManager, In } from 'typeorm';
import { BID_WINDOW_SELECT, type BidWindow, type BidWindowRow, toBidWindow } from '../listings/listing.repository';
import { Bid, LODGED_BID_STATUSES } from './bid.entity';

/** What both bid inserts take first ($1-$10, in this order). */
type LeadingColumns = Pick<
  Bid,
  | 'demandId'
  | 'teamOrganisationId'
  | 'createdBy'
  | 'status'
  | 'approach'
  | 'indicatorResponses'
  | 'milestones'
  | 'budget'
  | 'durationMonths'
  | 'members'
>;

/** A new bid as its team sends it; the database dates it. */
export type NewBid = LeadingColumns & Pick<Bid, 'id'> & { status: 'draft' | 'submitted' };

const leadingValues = (bid: LeadingColumns): unknown[] => [
  bid.demandId,
  bid.teamOrganisationId,
  bid.createdBy,
  bid.status,
  bid.approach,
  JSON.stringify(bid.indicatorResponses),
  JSON.stringify(bid.milestones),
  bid.budget,
  bid.durationMonths,
  JSON.stringify(bid.members),
];

@Injectable()
export class BidRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Inserts a new bid (version 1) and returns it as stored: every column is given but the id. Raw
   * SQL on the bid's hot path: the entity insert's query building cost more than the insert.
   */
  async insert(bid: Omit<Bid, 'id' | 'version'>, manager: EntityManager): Promise<Bid> {
    const [{ id }] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO matching.bid (demand_id, team_organisation_id, created_by, status, approach, indicator_responses,
         milestones, budget, duration_months, members, feedback_category, feedback_text, created_at, submitted_at,
         withdrawn_at, decided_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 1) RETURNING id`,
      [
        ...leadingValues(bid),
        bid.feedbackCategory,
        bid.feedbackText,
        bid.createdAt,
        bid.submittedAt,
        bid.withdrawnAt,
        bid.decidedAt,
        bid.updatedAt,
      ],
    );
    return { ...bid, id, version: 1 };
  }

  /**
   * A new bid in one statement, hence one round trip and its own transaction: share-locks the
   * listing and reads the bid window as `lockForBid` does, and inserts the bid only if the window
   * is open to the team — published, not awarded, before the deadline, neither the team's own
   * need nor one it reviews — and the need's indicators are exactly `answered`. `effects` returns
   * the CTEs that must commit with the bid (its audit row, its events), written only when their
   * `when` argument holds, and appends their parameters. Returns the window and the bid as stored,
   * or null when nothing was written (no such listing, or not open to this bid).
   */
  async insertIfOpen(
    bid: NewBid,
    answered: readonly string[],
    effects: (params: unknown[], when: string) => string[],
  ): Promise<{ window: BidWindow; bid: Bid } | null> {
    const params: unknown[] = [...leadingValues(bid), bid.id, answered];
    const ctes = effects(params, 'EXISTS (SELECT 1 FROM bid)');
    const rows = await this.transactions.manager.query<BidWindowRow[]>(
      `WITH w AS (${BID_WINDOW_SELECT}),
       bid AS (
         INSERT INTO matching.bid (id, demand_id, team_organisation_id, created_by, status, approach,
           indicator_responses, milestones, budget, duration_months, members, created_at, submitted_at, updated_at)
         SELECT $11, w.demand_id, $2, $3, $4, $5, $6, $7, $8, $9, $10, w.now,
                CASE WHEN $4::text = 'submitted' THEN w.now END, w.now
           FROM w
          WHERE w.status = 'published' AND NOT w.decided AND NOT w.reviewing AND w.owner_organisation_id <> $2
            AND w.bid_deadline > w.now AND w.indicator_names @> $12::text[] AND w.indicator_names <@ $12::text[]
         RETURNING id)${ctes.map((cte) => `,\n       ${cte}`).join('')}
       SELECT w.* FROM w WHERE EXISTS (SELECT 1 FROM bid)`,
      params,
    );
    if (rows.length === 0) return null;
    const window = toBidWindow(rows[0]);
    const at = window.now;
    return {
      window,
      bid: {
        ...bid,
        feedbackCategory: null,
        feedbackText: null,
        createdAt: at,
        submittedAt: bid.status === 'submitted' ? at : null,
        withdrawnAt: null,
        decidedAt: null,
        updatedAt: at,
        version: 1,
      },
    };
  }

  find(id: string, manager: EntityManager = this.transactions.manager): Promise<Bid | null> {
    return manager.findOneBy(Bid, { id });
  }

  lock(id: string, manager: EntityManager): Promise<Bid | null> {
    return manager.createQueryBuilder(Bid, 'b').setLock('pessimistic_write').where('b.id = :id', { id }).getOne();
  }

  async update(id: string, changes: Partial<Bid>, at: Date, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(Bid)
      .set({ ...changes, updatedAt: at, version: () => 'version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  /** Bids on a need the need's side sees: lodged ones, never a team's drafts. */
  lodged(demandId: string, manager: EntityManager = this.transactions.manager): Promise<Bid[]> {
    return manager.find(Bid, {
      where: { demandId, status: In([...LODGED_BID_STATUSES]) },
      order: { submittedAt: 'ASC' },
    });
  }

  /** Locks a need's submitted bids for the award decision. */
  lockSubmitted(demandId: string, manager: EntityManager): Promise<Bid[]> {
    return manager
      .createQueryBuilder(Bid, 'b')
      .setLock('pessimistic_write')
      .where('b.demand_id = :demandId AND b.status = :status', { demandId, status: 'submitted' })
      .orderBy('b.submitted_at', 'ASC')
      .getMany();
  }

  ofDemand(demandId: string): Promise<Bid[]> {
    return this.transactions.manager.find(Bid, { where: { demandId } });
  }

  ofTeamForDemand(demandId: string, teamOrganisationId: string): Promise<Bid[]> {
    return this.transactions.manager.find(Bid, {
      where: { demandId, teamOrganisationId },
      order: { createdAt: 'DESC' },
    });
  }

  ofTeam(
    teamOrganisationId: string,
    filter: { status?: BidStatus },
    page: { offset: number; pageSize: number },
  ): Promise<[Bid[], number]> {
    return this.transactions.manager.findAndCount(Bid, {
      where: { teamOrganisationId, ...(filter.status ? { status: filter.status } : {}) },
      order: { updatedAt: 'DESC' },
      skip: page.offset,
      take: page.pageSize,
    });
  }

  /** Lodged bids per need, in one scan; a need without any is absent from the map. */
  async countLodgedAmong(demandIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.transactions.manager.query<Array<{ demand_id: string; total: string }>>(
      `SELECT demand_id, count(*) AS total FROM matching.bid
        WHERE demand_id = ANY($1::uuid[]) AND status = ANY($2::text[]) GROUP BY demand_id`,
      [demandIds, [...LODGED_BID_STATUSES]],
    );
    return new Map(rows.map((row) => [row.demand_id, Number(row.total)]));
  }
}

import { Injectable } from '@nestjs/common';
import { DEMAND_TRANSITIONS, type DemandStatus } from '@jiebang/contracts';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { Demand } from './demand.entity';
import type { DemandSort, PublicDemandQuery } from './demand.dto';
import {
  DEMAND_SELECT,
  demandWrittenBy,
  demandPageSelect,
  demandPublicPageJson,
  type DemandRecord,
  EFFECTIVE_STATUS_SQL,
  toRecord,
} from './demand.record';

const ORDER: Record<DemandSort, string> = {
  newest: 'd.published_at DESC NULLS LAST, d.created_at DESC, d.id',
  deadline: 'd.bid_deadline ASC NULLS LAST, d.id',
  bounty_desc: 'd.bounty_max DESC, d.id',
  bounty_asc: 'd.bounty_min ASC, d.id',
};

export type DemandFilter = Omit<PublicDemandQuery, 'status' | 'offset' | 'page' | 'pageSize' | 'sort'> & {
  statuses?: readonly DemandStatus[];
  /** Restrict to these owners, or to needs an advisor helped with. */
  scope?: { organisationIds: readonly string[]; advisorId?: string };
  organisationId?: string;
};

type PageOfDemands = { offset: number; pageSize: number; sort: DemandSort };

/** Builds a parameterised WHERE clause; values never enter the SQL text. */
class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  add(sql: (placeholder: (value: unknown) => string) => string): void {
    this.clauses.push(sql((value) => `$${this.params.push(value)}`));
  }

  get sql(): string {
    return this.clauses.length > 0 ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

@Injectable()
export class DemandRepository {
  constructor(private readonly transactions: Transactions) {}

  async find(id: string, manager: EntityManager = this.transactions.manager): Promise<DemandRecord | null> {
    const rows = await manager.query<Record<string, unknown>[]>(`${DEMAND_SELECT} WHERE d.id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Reads and row-locks a need for the rest of the transaction. */
  async lock(id: string, manager: EntityManager): Promise<DemandRecord | null> {
    const rows = await manager.query<Record<string, unknown>[]>(`${DEMAND_SELECT} WHERE d.id = $1 FOR UPDATE OF d`, [
      id,
    ]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async lockMany(ids: readonly string[], manager: EntityManager): Promise<DemandRecord[]> {
    const rows = await manager.query<Record<string, unknown>[]>(
      `${DEMAND_SELECT} WHERE d.id = ANY($1::uuid[]) ORDER BY d.id FOR UPDATE OF d`,
      [ids],
    );
    return rows.map(toRecord);
  }

  async lockBatch(batchId: string, manager: EntityManager): Promise<DemandRecord[]> {
    const rows = await manager.query<Record<string, unknown>[]>(
      `${DEMAND_SELECT} WHERE d.batch_id = $1 ORDER BY d.id FOR UPDATE OF d`,
      [batchId],
    );
    return rows.map(toRecord);
  }

  /** Inserts a need and returns it as written, in the same round trip. */
  async insert(demand: Partial<Demand>, manager: EntityManager): Promise<DemandRecord> {
    const [statement, parameters] = manager
      .createQueryBuilder()
      .insert()
      .into(Demand)
      .values({ ...demand, version: 1, updatedAt: demand.updatedAt ?? new Date() })
      .returning('*')
      .getQueryAndParameters();
    return this.written(statement, parameters, manager);
  }

  private async written(statement: string, parameters: unknown[], manager: EntityManager): Promise<DemandRecord> {
    const [row] = await manager.query<Record<string, unknown>[]>(demandWrittenBy(statement), parameters);
    // Callers lock the need before they update it: no row means a broken invariant, not bad input.
    if (!row) throw new Error('The need to write was not found');
    return toRecord(row);
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await manager.delete(Demand, { id });
  }

  /**
   * Writes changed fields and bumps the version, the basis of optimistic concurrency and event
   * order; returns the need as written, in the same round trip.
   */
  async update(id: string, changes: Partial<Demand>, at: Date, manager: EntityManager): Promise<DemandRecord> {
    const [statement, parameters] = manager
      .createQueryBuilder()
      .update(Demand)
      .set({ ...changes, updatedAt: at, version: () => 'version + 1' })
      .where('id = :id', { id })
      .returning('*')
      .getQueryAndParameters();
    return this.written(statement, parameters, manager);
  }

  /** The next MY-<year>-<seq> code; the upsert makes concurrent approvals take distinct numbers. */
  async nextCode(at: Date, manager: EntityManager): Promise<string> {
    // The programme's year is Beijing's: a need approved at 07:00 on 1 January belongs to the new year.
    const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(at));
    const rows = await manager.query<Array<{ last: number }>>(
      `INSERT INTO demand.code_sequence (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = demand.code_sequence.last + 1 RETURNING last`,
      [year],
    );
    return `MY-${year}-${String(rows[0].last).padStart(4, '0')}`;
  }

  async search(filter: DemandFilter, page: PageOfDemands): Promise<[DemandRecord[], number]> {
    const { rows, total } = await this.page(filter, page, demandPageSelect);
    return [rows.map(toRecord), total];
  }

  /**
   * The same page as `search` for lists anyone may see, as the JSON array of the needs' public views:
   * only the public columns are read.
   */
  async searchPublicJson(filter: DemandFilter, page: PageOfDemands): Promise<{ items: string; total: number }> {
    const { rows, total } = await this.page(filter, page, demandPublicPageJson);
    return { items: rows[0].items as string, total };
  }

  /**
   * One statement: the page's ids and the filter's total from one scan of narrow rows, then what
   * `select` makes of the page's rows by id; the total is counted apart only for a page past the end.
   */
  private async page(
    filter: DemandFilter,
    page: PageOfDemands,
    select: (ids: string, order: string) => string,
  ): Promise<{ rows: Array<Record<string, unknown>>; total: number }> {
    const where = this.where(filter);
    if (filter.statuses) where.add((p) => `${EFFECTIVE_STATUS_SQL} = ANY(${p(filter.statuses)}::text[])`);
    const countParams = [...where.params];
    const limit = where.params.push(page.pageSize);
    const offset = where.params.push(page.offset);
    const rows = await this.transactions.manager.query<Array<Record<string, unknown> & { total_count: string | null }>>(
      select(
        `SELECT d.id, count(*) OVER () AS total_count FROM demand.demand d ${where.sql}
          ORDER BY ${ORDER[page.sort]} LIMIT $${limit} OFFSET $${offset}`,
        ORDER[page.sort],
      ),
      where.params,
    );
    // An aggregate answers one row even for an empty page, with no total.
    const counted = rows[0]?.total_count;
    if (counted !== undefined && counted !== null) return { rows, total: Number(counted) };
    if (page.offset === 0) return { rows, total: 0 };
    const [count] = await this.transactions.manager.query<Array<{ total: string }>>(
      `SELECT count(*) AS total FROM demand.demand d ${where.sql}`,
      countParams,
    );
    return { rows, total: Number(count.total) };
  }

  /** How many needs of the filter are in each status (as seen now), in one scan. */
  async countByStatus(filter: Omit<DemandFilter, 'statuses'>): Promise<Map<DemandStatus, number>> {
    const where = this.where(filter);
    const rows = await this.transactions.manager.query<Array<{ status: DemandStatus; total: string }>>(
      `SELECT ${EFFECTIVE_STATUS_SQL} AS status, count(*) AS total FROM demand.demand d ${where.sql} GROUP BY 1`,
      where.params,
    );
    return new Map(rows.map((row) => [row.status, Number(row.total)]));
  }

  private where(filter: Omit<DemandFilter, 'statuses'>): Where {
    const where = new Where();
    if (filter.industry) where.add((p) => `d.industry = ${p(filter.industry)}`);
    if (filter.district) where.add((p) => `d.district = ${p(filter.district)}`);
    if (filter.cooperationMode) where.add((p) => `d.cooperation_mode = ${p(filter.cooperationMode)}`);
    if (filter.batchId) where.add((p) => `d.batch_id = ${p(filter.batchId)}`);
    if (filter.bountyMin !== undefined) where.add((p) => `d.bounty_max >= ${p(filter.bountyMin)}`);
    if (filter.bountyMax !== undefined) where.add((p) => `d.bounty_min <= ${p(filter.bountyMax)}`);
    if (filter.organisationId) where.add((p) => `d.owner_organisation_id = ${p(filter.organisationId)}`);
    if (filter.scope) {
      const { organisationIds, advisorId } = filter.scope;
      where.add((p) =>
        advisorId
          ? `(d.owner_organisation_id = ANY(${p(organisationIds)}::uuid[]) OR d.advisor_id = ${p(advisorId)})`
          : `d.owner_organisation_id = ANY(${p(organisationIds)}::uuid[])`,
      );
    }
    return where;
  }

  /**
   * The lifecycle's `publish` for every need of a batch in one statement (the move's statuses come
   * from the table); each keeps its own deadline or takes the batch's.
   */
  async publishBatch(
    batchId: string,
    defaultDeadline: Date,
    at: Date,
    manager: EntityManager,
  ): Promise<DemandRecord[]> {
    const { from, to } = DEMAND_TRANSITIONS.publish;
    await manager.query(
      `UPDATE demand.demand
          SET status = $4, published_at = $2, updated_at = $2,
              bid_deadline = COALESCE(bid_deadline, $3), version = version + 1
        WHERE batch_id = $1 AND status = ANY($5)`,
      [batchId, at, defaultDeadline, to, from],
    );
    const rows = await manager.query<Record<string, unknown>[]>(
      `${DEMAND_SELECT} WHERE d.batch_id = $1 ORDER BY d.code`,
      [batchId],
    );
    return rows.map(toRecord);
  }

  async setBatch(ids: readonly string[], batchId: string | null, at: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      'UPDATE demand.demand SET batch_id = $2, updated_at = $3, version = version + 1 WHERE id = ANY($1::uuid[])',
      [ids, batchId, at],
    );
  }

  /** Records the organisations an award made winners; a repeat changes nothing. */
  async addWinners(demandId: string, organisationIds: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO demand.award_winner (demand_id, organisation_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [demandId, organisationIds],
    );
  }

  async winners(demandId: string, manager: EntityManager = this.transactions.manager): Promise<string[]> {
    const rows = await manager.query<Array<{ organisation_id: string }>>(
      'SELECT organisation_id FROM demand.award_winner WHERE demand_id = $1',
      [demandId],
    );
    return rows.map((row) => row.organisation_id);
  }

  /** Ids of needs a time-based rule moves, oldest first, in bounded chunks. */
  async dueIds(sql: string, params: unknown[], limit: number, manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM demand.demand WHERE ${sql} ORDER BY bid_deadline LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
      params,
    );
    return rows.map((row) => row.id);
  }
}

import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';

export type DocumentKind = 'demand' | 'team';

export interface StoredDocument {
  id: string;
  version: number;
  /** Moves with each bid on the need; the sync tracks it beside `version`. */
  bidsVersion: number;
  body: Record<string, unknown> | null;
  deleted: boolean;
}

/** What Meilisearch gets: the stored body, a need's with its bids counted now. */
const BODY = `CASE WHEN d.kind = 'demand' AND d.body IS NOT NULL
    THEN d.body || jsonb_build_object('bidCount',
      (SELECT count(*) FROM search.bid b WHERE b.demand_id = d.id AND NOT b.withdrawn))
    ELSE d.body END`;

const PENDING = 'd.indexed_version < d.version OR d.indexed_bids_version < d.bids_version';

@Injectable()
export class DocumentRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Stores a document version unless a newer one is stored: a duplicate or late event never
   * overwrites newer data. `body: null` records a deletion (a tombstone keeps its version).
   */
  async upsert(
    kind: DocumentKind,
    id: string,
    version: number,
    body: Record<string, unknown> | null,
    manager: EntityManager,
  ): Promise<boolean> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO search.document (kind, id, version, body, deleted) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (kind, id) DO UPDATE
         SET version = EXCLUDED.version, body = EXCLUDED.body, deleted = EXCLUDED.deleted, updated_at = clock_timestamp()
         WHERE search.document.version < EXCLUDED.version
       RETURNING id`,
      [kind, id, version, body === null ? null : JSON.stringify(body), body === null],
    );
    return rows.length > 0;
  }

  /**
   * Records a bid submitted or withdrawn (idempotent: a bid once withdrawn stays so) and, when
   * that changed the need's count, marks its document for another push.
   */
  async recordBid(bidId: string, demandId: string, withdrawn: boolean, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query<Array<{ demand_id: string }>>(
      `WITH changed AS (
         INSERT INTO search.bid (id, demand_id, withdrawn) VALUES ($1, $2, $3::boolean)
         ON CONFLICT (id) DO UPDATE SET withdrawn = true WHERE $3::boolean AND NOT search.bid.withdrawn
         RETURNING demand_id
       )
       UPDATE search.document d SET bids_version = d.bids_version + 1, updated_at = clock_timestamp()
         FROM changed WHERE d.kind = 'demand' AND d.id = changed.demand_id
       RETURNING d.id`,
      [bidId, demandId, withdrawn],
    );
    return rows.length > 0;
  }

  /** Versions not yet in Meilisearch, oldest change first. */
  pending(kind: DocumentKind, limit: number): Promise<StoredDocument[]> {
    return this.transactions.manager.query<StoredDocument[]>(
      `SELECT d.id, d.version, d.bids_version AS "bidsVersion", ${BODY} AS body, d.deleted FROM search.document d
        WHERE d.kind = $1 AND (${PENDING}) ORDER BY d.updated_at LIMIT $2`,
      [kind, limit],
    );
  }

  async markIndexed(
    kind: DocumentKind,
    documents: Array<{ id: string; version: number; bidsVersion: number }>,
  ): Promise<void> {
    if (documents.length === 0) return;
    await this.transactions.manager.query(
      `UPDATE search.document d SET indexed_version = GREATEST(d.indexed_version, v.version),
              indexed_bids_version = GREATEST(d.indexed_bids_version, v.bids_version)
         FROM unnest($2::uuid[], $3::int[], $4::int[]) AS v(id, version, bids_version)
        WHERE d.kind = $1 AND d.id = v.id`,
      [kind, documents.map((d) => d.id), documents.map((d) => d.version), documents.map((d) => d.bidsVersion)],
    );
  }

  /** Marks documents for another push (drift repair, documents changed during a rebuild). */
  async markPending(kind: DocumentKind, ids: string[] | 'changed-since', since?: Date): Promise<number> {
    // TypeORM answers an UPDATE on PostgreSQL with [rows, affected].
    const [, affected] =
      ids === 'changed-since'
        ? await this.transactions.manager.query<[unknown[], number]>(
            `UPDATE search.document SET indexed_version = 0 WHERE kind = $1 AND updated_at >= $2 RETURNING id`,
            [kind, since],
          )
        : await this.transactions.manager.query<[unknown[], number]>(
            `UPDATE search.document SET indexed_version = 0 WHERE kind = $1 AND id = ANY($2::uuid[]) RETURNING id`,
            [kind, ids],
          );
    return affected;
  }

  backlog(kind: DocumentKind): Promise<number> {
    return this.transactions.manager
      .query<Array<{ n: string }>>(`SELECT count(*) AS n FROM search.document d WHERE d.kind = $1 AND (${PENDING})`, [
        kind,
      ])
      .then((rows) => Number(rows[0].n));
  }

  /** Live documents in id order, a page at a time (rebuild, consistency check). */
  live(
    kind: DocumentKind,
    afterId: string | null,
    limit: number,
  ): Promise<Array<{ id: string; version: number; body: Record<string, unknown> }>> {
    return this.transactions.manager.query(
      `SELECT d.id, d.version, ${BODY} AS body FROM search.document d
        WHERE d.kind = $1 AND NOT d.deleted AND ($2::uuid IS NULL OR d.id > $2) ORDER BY d.id LIMIT $3`,
      [kind, afterId, limit],
    );
  }

  find(kind: DocumentKind, id: string): Promise<StoredDocument | null> {
    return this.transactions.manager
      .query<StoredDocument[]>(
        `SELECT d.id, d.version, d.bids_version AS "bidsVersion", ${BODY} AS body, d.deleted
           FROM search.document d WHERE d.kind = $1 AND d.id = $2`,
        [kind, id],
      )
      .then((rows) => rows[0] ?? null);
  }
}

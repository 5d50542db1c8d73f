import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';

export type DocumentKind = 'demand' | 'team';

export interface StoredDocument {
  id: string;
  version: number;
  body: Record<string, unknown> | null;
  deleted: boolean;
}

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

  /** Versions not yet in Meilisearch, oldest change first. */
  pending(kind: DocumentKind, limit: number): Promise<StoredDocument[]> {
    return this.transactions.manager.query<StoredDocument[]>(
      `SELECT id, version, body, deleted FROM search.document
        WHERE kind = $1 AND indexed_version < version ORDER BY updated_at LIMIT $2`,
      [kind, limit],
    );
  }

  async markIndexed(kind: DocumentKind, documents: Array<{ id: string; version: number }>): Promise<void> {
    if (documents.length === 0) return;
    await this.transactions.manager.query(
      `UPDATE search.document d SET indexed_version = GREATEST(d.indexed_version, v.version)
         FROM unnest($2::uuid[], $3::int[]) AS v(id, version)
        WHERE d.kind = $1 AND d.id = v.id`,
      [kind, documents.map((d) => d.id), documents.map((d) => d.version)],
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
      .query<Array<{ n: string }>>(
        'SELECT count(*) AS n FROM search.document WHERE kind = $1 AND indexed_version < version',
        [kind],
      )
      .then((rows) => Number(rows[0].n));
  }

  /** Live documents in id order, a page at a time (rebuild, consistency check). */
  live(
    kind: DocumentKind,
    afterId: string | null,
    limit: number,
  ): Promise<Array<{ id: string; version: number; body: Record<string, unknown> }>> {
    return this.transactions.manager.query(
      `SELECT id, version, body FROM search.document
        WHERE kind = $1 AND NOT deleted AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
      [kind, afterId, limit],
    );
  }

  find(kind: DocumentKind, id: string): Promise<StoredDocument | null> {
    return this.transactions.manager
      .query<StoredDocument[]>('SELECT id, version, body, deleted FROM search.document WHERE kind = $1 AND id = $2', [
        kind,
        id,
      ])
      .then((rows) => rows[0] ?? null);
  }
}

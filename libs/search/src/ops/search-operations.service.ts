import { Injectable, Logger } from '@nestjs/common';
import { SearchIndexes } from '../index/index-names';
import { type DocumentKind, DocumentRepository } from '../indexer/document.repository';
import { IndexSync } from '../indexer/index-sync';
import { searchError } from '../search.errors';
import { OperationLock } from './operation-lock.repository';
import type { ConsistencyReport, ReindexReport } from './search-operations.dto';

const PAGE = 1000;
/** Frees the rebuild of a crashed replica; far above a rebuild's minutes (446 needs take seconds). */
const REINDEX_LOCK_EXPIRY_SECONDS = 3600;

/** Rebuilds and checks the indexes against the documents stored in PostgreSQL. */
@Injectable()
export class SearchOperations {
  private readonly logger = new Logger('SearchOperations');

  constructor(
    private readonly indexes: SearchIndexes,
    private readonly documents: DocumentRepository,
    private readonly sync: IndexSync,
    private readonly locks: OperationLock,
  ) {}

  /**
   * Builds a fresh index from PostgreSQL beside the live one, swaps them atomically and drops
   * the old one; searches keep answering from the live index throughout. One rebuild of a kind at
   * a time across every replica.
   */
  async reindex(kind: DocumentKind, progress: (done: number) => void = () => undefined): Promise<ReindexReport> {
    const release = await this.locks.tryAcquire(`reindex:${kind}`, REINDEX_LOCK_EXPIRY_SECONDS);
    if (!release) throw searchError('SEARCH_REINDEX_RUNNING', 'A rebuild is already running.');
    const started = Date.now();
    const since = new Date();
    const live = this.indexes.name(kind);
    const fresh = `${live}_rebuild_${started}`;
    try {
      await this.indexes.ensure(kind, live);
      await this.indexes.ensure(kind, fresh);
      let done = 0;
      let after: string | null = null;
      for (;;) {
        const page = await this.documents.live(kind, after, PAGE);
        if (page.length === 0) break;
        await this.indexes.client
          .index(fresh)
          .addDocuments(
            page.map((row) => row.body),
            { primaryKey: 'id' },
          )
          .waitTask({ timeout: 0 });
        done += page.length;
        after = page.at(-1)!.id;
        progress(done);
      }
      await this.indexes.client.swapIndexes([{ indexes: [live, fresh], rename: false }]).waitTask({ timeout: 0 });
      await this.indexes.client.deleteIndex(fresh).waitTask({ timeout: 0 });
      // Versions stored while the rebuild read older pages are pushed again on top.
      await this.documents.markPending(kind, 'changed-since', since);
      this.sync.kick();
      const report = { kind, documents: done, seconds: (Date.now() - started) / 1000 };
      this.logger.log(`rebuilt ${live}: ${done} documents in ${report.seconds.toFixed(1)} s`);
      return report;
    } catch (error) {
      await this.indexes.client
        .deleteIndex(fresh)
        .waitTask({ timeout: 0 })
        .catch(() => undefined);
      throw error;
    } finally {
      await release();
    }
  }

  /** Compares ids and versions of PostgreSQL and the index; marks drifted documents for another push. */
  async checkConsistency(kind: DocumentKind): Promise<ConsistencyReport> {
    // The index is read first: a version pushed in between then shows as missing (pushed again), never as extra.
    const indexed = new Map<string, number>();
    const index = this.indexes.client.index<{ id: string; version: number }>(this.indexes.name(kind));
    for (let offset = 0; ; offset += PAGE) {
      const page = await index.getDocuments<{ id: string; version: number }>({
        fields: ['id', 'version'],
        limit: PAGE,
        offset,
      });
      for (const doc of page.results) indexed.set(doc.id, doc.version);
      if (page.results.length < PAGE) break;
    }
    const stored = new Map<string, number>();
    let after: string | null = null;
    for (;;) {
      const page = await this.documents.live(kind, after, PAGE);
      if (page.length === 0) break;
      for (const row of page) stored.set(row.id, row.version);
      after = page.at(-1)!.id;
    }
    const missing = [...stored.keys()].filter((id) => !indexed.has(id));
    const stale = [...stored.entries()]
      .filter(([id, version]) => indexed.has(id) && indexed.get(id) !== version)
      .map(([id]) => id);
    const extra = [...indexed.keys()].filter((id) => !stored.has(id));
    if (extra.length > 0) await index.deleteDocuments(extra).waitTask({ timeout: 0 });
    const repaired = await this.documents.markPending(kind, [...missing, ...stale]);
    if (repaired > 0) this.sync.kick();
    return {
      kind,
      inDatabase: stored.size,
      inIndex: indexed.size,
      missing: missing.length,
      stale: stale.length,
      extra: extra.length,
      repaired: repaired + extra.length,
    };
  }
}

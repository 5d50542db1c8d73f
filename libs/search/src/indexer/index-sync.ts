import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Metrics, ReadinessChecks } from '@jiebang/platform';
import { MeilisearchTaskTimeOutError, type Task } from 'meilisearch';
import { SearchIndexes } from '../index/index-names';
import { OperationLock } from '../ops/operation-lock.repository';
import { type DocumentKind, DocumentRepository } from './document.repository';

const BATCH = 1000;
const TICK_MS = 1000;
/** Above a round's worst case (two Meilisearch tasks of 30 s per kind), so two rounds never overlap. */
const SYNC_LOCK_EXPIRY_SECONDS = 300;
const KINDS: DocumentKind[] = ['demand', 'team'];

export class IndexTaskFailed extends Error {}

/**
 * Pushes to Meilisearch every stored document version it lacks, in batches, in order of change.
 * Runs after each indexed event and every second; while Meilisearch is down it backs off and the
 * versions wait in PostgreSQL. One instance at a time pushes (an operation lock), so tasks of two
 * instances never interleave out of order.
 */
@Injectable()
export class IndexSync implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IndexSync');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private retryAt = 0;
  private lastError: string | null = null;
  private lastSyncAt: Date | null = null;
  /** Kinds whose index exists with its settings; documents are never pushed into an index without them. */
  private readonly ensured = new Set<DocumentKind>();

  constructor(
    private readonly indexes: SearchIndexes,
    private readonly documents: DocumentRepository,
    readiness: ReadinessChecks,
    metrics: Metrics,
    private readonly locks: OperationLock,
  ) {
    readiness.register('search', async () => ({
      backlog: await this.backlog(),
      lastSyncAt: this.lastSyncAt?.toISOString() ?? null,
      lastError: this.lastError,
    }));
    metrics.gauge({
      name: 'jiebang_search_backlog',
      help: 'Stored document versions not yet in Meilisearch, by kind (as on /health/ready).',
      labelNames: ['kind'],
      collect: async () => Object.entries(await this.backlog()).map(([kind, value]) => ({ labels: { kind }, value })),
    });
  }

  /** Versions waiting for Meilisearch, by kind. */
  async backlog(): Promise<Record<DocumentKind, number>> {
    const [demand, team] = await Promise.all([this.documents.backlog('demand'), this.documents.backlog('team')]);
    return { demand, team };
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const kind of KINDS) {
      await this.ensure(kind).catch((error: unknown) => {
        // Meilisearch may be down at start: the first push that reaches it prepares the index.
        this.logger.error(
          `cannot prepare the ${kind} index yet: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    }
    this.timer = setInterval(() => this.kick(), TICK_MS);
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Starts a sync round now, or right after the current one. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    if (Date.now() < this.retryAt) return;
    this.running = this.loop().finally(() => (this.running = null));
  }

  /** Resolves when everything stored so far is in Meilisearch (tests, operations). */
  async drain(): Promise<void> {
    for (;;) {
      await this.running;
      if ((await this.documents.backlog('demand')) + (await this.documents.backlog('team')) === 0) return;
      this.retryAt = 0;
      this.kick();
      await this.running;
    }
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        const pushed = await this.round();
        this.failures = 0;
        this.lastError = null;
        this.lastSyncAt = new Date();
        if (pushed >= BATCH) this.again = true;
      } catch (error) {
        this.failures += 1;
        const delay = Math.min(30_000, 500 * 2 ** this.failures);
        this.retryAt = Date.now() + delay;
        this.lastError = error instanceof Error ? error.message : String(error);
        this.logger.error(`index sync failed (attempt ${this.failures}, next in ${delay} ms): ${this.lastError}`);
        return;
      }
    } while (this.again);
  }

  /** One pass over every kind; returns how many versions reached Meilisearch. */
  private async round(): Promise<number> {
    const pendingKinds: DocumentKind[] = [];
    for (const kind of KINDS) if ((await this.documents.backlog(kind)) > 0) pendingKinds.push(kind);
    if (pendingKinds.length === 0) return 0;
    const release = await this.locks.tryAcquire('index-sync', SYNC_LOCK_EXPIRY_SECONDS);
    if (!release) return 0;
    try {
      let pushed = 0;
      for (const kind of pendingKinds) pushed += await this.push(kind);
      return pushed;
    } finally {
      await release();
    }
  }

  private async ensure(kind: DocumentKind): Promise<void> {
    if (this.ensured.has(kind)) return;
    await this.indexes.ensure(kind);
    this.ensured.add(kind);
  }

  private async push(kind: DocumentKind): Promise<number> {
    const pending = await this.documents.pending(kind, BATCH);
    if (pending.length === 0) return 0;
    // Otherwise Meilisearch would create the index on the first document, without its settings.
    await this.ensure(kind);
    const index = this.indexes.client.index(this.indexes.name(kind));
    const upserts = pending.filter((d) => !d.deleted).map((d) => d.body!);
    const deletions = pending.filter((d) => d.deleted).map((d) => d.id);
    try {
      const tasks: Task[] = [];
      if (upserts.length > 0)
        tasks.push(await index.addDocuments(upserts, { primaryKey: 'id' }).waitTask({ timeout: 30_000 }));
      if (deletions.length > 0) tasks.push(await index.deleteDocuments(deletions).waitTask({ timeout: 30_000 }));
      const failed = tasks.find((task) => task.status !== 'succeeded');
      if (failed)
        throw new IndexTaskFailed(
          `Meilisearch task ${failed.uid} ${failed.status}: ${failed.error?.message ?? 'no detail'}`,
        );
    } catch (error) {
      // Still queued in Meilisearch: not a failure; the versions stay pending and are pushed again.
      if (error instanceof MeilisearchTaskTimeOutError) return 0;
      throw error;
    }
    await this.documents.markIndexed(kind, pending);
    return pending.length;
  }
}

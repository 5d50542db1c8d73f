import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@jiebang/contracts';
import type { EntityManager, QueryRunner } from 'typeorm';
import { Transactions } from '../database/transactions';

type Effect = (manager: EntityManager) => Promise<void>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The transaction a delivered batch's effects share, opened by the first effect that needs it. */
class SharedTransaction {
  private runner?: Promise<QueryRunner>;
  /** Per consumer: the batch's events it claimed in one statement and has not handled yet. */
  private readonly claims = new Map<string, Promise<Set<string>>>();

  constructor(
    private readonly transactions: Transactions,
    private readonly eventIds: ReadonlySet<string>,
  ) {}

  async manager(): Promise<EntityManager> {
    this.runner ??= this.transactions.begin();
    return (await this.runner).manager;
  }

  /**
   * True when `consumer` may apply `eventId` now: the first call per consumer records the whole
   * batch as handled in one INSERT (instead of one per event), and each claim is used once.
   */
  async claim(consumer: string, eventId: string, manager: EntityManager): Promise<boolean> {
    let claimed = this.claims.get(consumer);
    if (!claimed) {
      claimed = manager
        .query<Array<{ event_id: string }>>(
          `INSERT INTO platform.processed_event (consumer, event_id) SELECT $1, unnest($2::uuid[])
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [consumer, [...this.eventIds]],
        )
        .then((rows) => new Set(rows.map((row) => row.event_id)));
      this.claims.set(consumer, claimed);
    }
    return (await claimed).delete(eventId.toLowerCase());
  }

  covers(eventId: string): boolean {
    return this.eventIds.has(eventId.toLowerCase());
  }

  async end(outcome: 'commit' | 'rollback'): Promise<void> {
    if (!this.runner) return;
    const runner = await this.runner;
    try {
      if (outcome === 'commit') {
        await this.releaseUnusedClaims(runner.manager);
        await runner.commitTransaction();
      }
    } finally {
      try {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
      } finally {
        await runner.release();
      }
    }
  }

  /** An event a consumer's handler passed over stays unhandled, as it would without the batch claim. */
  private async releaseUnusedClaims(manager: EntityManager): Promise<void> {
    for (const [consumer, claimed] of this.claims) {
      const unused = [...(await claimed)];
      if (unused.length === 0) continue;
      await manager.query('DELETE FROM platform.processed_event WHERE consumer = $1 AND event_id = ANY($2::uuid[])', [
        consumer,
        unused,
      ]);
    }
  }
}

/**
 * At-least-once delivery made effectively-once: the consumer's effect and the record that it
 * handled the event commit together, so a redelivered event is skipped.
 */
@Injectable()
export class Inbox {
  private readonly batch = new AsyncLocalStorage<SharedTransaction>();

  constructor(private readonly transactions: Transactions) {}

  /** Runs `effect` once per (consumer, event id); returns false when the event was already handled. */
  async handleOnce(consumer: string, event: EventEnvelope, effect: Effect): Promise<boolean> {
    const shared = this.batch.getStore();
    if (shared?.covers(event.id)) {
      const manager = await shared.manager();
      if (!(await shared.claim(consumer, event.id, manager))) return false;
      await effect(manager);
      return true;
    }
    if (shared) return this.once(consumer, event, effect, await shared.manager());
    return this.transactions.run((manager) => this.once(consumer, event, effect, manager));
  }

  /**
   * Runs the handlers of a delivered batch so that their effects share one transaction: one commit,
   * one inbox INSERT per consumer and one flush of the write-ahead log, per batch instead of per
   * event. Any failure rolls the whole batch back and is rethrown; the caller then delivers the
   * events one transaction each.
   */
  async together(eventIds: readonly string[], handlers: () => Promise<void>): Promise<void> {
    // The batch claim matches ids as PostgreSQL spells them; any other spelling takes the one-by-one path.
    const canonical = eventIds.map((id) => id.toLowerCase()).filter((id) => UUID.test(id));
    const shared = new SharedTransaction(this.transactions, new Set(canonical));
    try {
      await this.batch.run(shared, handlers);
    } catch (error) {
      await shared.end('rollback');
      throw error;
    }
    await shared.end('commit');
  }

  private async once(consumer: string, event: EventEnvelope, effect: Effect, manager: EntityManager): Promise<boolean> {
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO platform.processed_event (consumer, event_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, event.id],
    );
    if (inserted.length === 0) return false;
    await effect(manager);
    return true;
  }
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@jiebang/contracts';
import type { EntityManager, QueryRunner } from 'typeorm';
import { Transactions } from '../database/transactions';

type Effect = (manager: EntityManager) => Promise<void>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Records `consumer` as having handled the events; returns those it had not handled before. */
async function claimEvents(
  manager: EntityManager,
  consumer: string,
  eventIds: readonly string[],
): Promise<Set<string>> {
  const rows = await manager.query<Array<{ event_id: string }>>(
    `INSERT INTO platform.processed_event (consumer, event_id) SELECT $1, unnest($2::uuid[])
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, eventIds],
  );
  return new Set(rows.map((row) => row.event_id));
}

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
   * batch as handled in one INSERT (instead of one per event), and each claim is used once. An
   * event outside the batch is claimed on its own.
   */
  async claim(consumer: string, eventId: string, manager: EntityManager): Promise<boolean> {
    const id = eventId.toLowerCase();
    if (!this.eventIds.has(id)) return (await claimEvents(manager, consumer, [eventId])).size > 0;
    let claimed = this.claims.get(consumer);
    if (!claimed) {
      claimed = claimEvents(manager, consumer, [...this.eventIds]);
      this.claims.set(consumer, claimed);
    }
    return (await claimed).delete(id);
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
    if (!shared) {
      return this.transactions.run(async (manager) =>
        applyIf((await claimEvents(manager, consumer, [event.id])).size > 0, effect, manager),
      );
    }
    const manager = await shared.manager();
    return applyIf(await shared.claim(consumer, event.id, manager), effect, manager);
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
}

async function applyIf(claimed: boolean, effect: Effect, manager: EntityManager): Promise<boolean> {
  if (claimed) await effect(manager);
  return claimed;
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@jiebang/contracts';
import type { EntityManager, QueryRunner } from 'typeorm';
import { Transactions } from '../database/transactions';

type Effect = (manager: EntityManager) => Promise<void>;

/** The transaction a delivered batch's effects share, opened by the first effect that needs it. */
class SharedTransaction {
  private runner?: Promise<QueryRunner>;

  constructor(private readonly transactions: Transactions) {}

  async manager(): Promise<EntityManager> {
    this.runner ??= this.transactions.begin();
    return (await this.runner).manager;
  }

  async end(outcome: 'commit' | 'rollback'): Promise<void> {
    if (!this.runner) return;
    const runner = await this.runner;
    try {
      if (outcome === 'commit') await runner.commitTransaction();
      else if (runner.isTransactionActive) await runner.rollbackTransaction();
    } finally {
      await runner.release();
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
    if (shared) return this.once(consumer, event, effect, await shared.manager());
    return this.transactions.run((manager) => this.once(consumer, event, effect, manager));
  }

  /**
   * Runs the handlers of a delivered batch so that their effects share one transaction: one commit,
   * and one flush of the write-ahead log, per batch instead of per event. Any failure rolls the
   * whole batch back and is rethrown; the caller then delivers the events one transaction each.
   */
  async together(handlers: () => Promise<void>): Promise<void> {
    const shared = new SharedTransaction(this.transactions);
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

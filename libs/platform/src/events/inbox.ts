import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@jiebang/contracts';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../database/transactions';

/**
 * At-least-once delivery made effectively-once: the consumer's effect and the record that it
 * handled the event commit together, so a redelivered event is skipped.
 */
@Injectable()
export class Inbox {
  constructor(private readonly transactions: Transactions) {}

  /** Runs `effect` once per (consumer, event id); returns false when the event was already handled. */
  handleOnce(
    consumer: string,
    event: EventEnvelope,
    effect: (manager: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO platform.processed_event (consumer, event_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [consumer, event.id],
      );
      if (inserted.length === 0) return false;
      await effect(manager);
      return true;
    });
  }
}

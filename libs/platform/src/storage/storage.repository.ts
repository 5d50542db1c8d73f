import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../database/transactions';

/** platform.storage_pending: keys whose objects are to be deleted unless an attachment row claims them. */
@Injectable()
export class StorageRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Marks keys due for deletion after `delaySeconds` (0: now), in the caller's transaction or on its own. */
  async schedule(
    keys: readonly string[],
    owner: string,
    delaySeconds: number,
    manager: EntityManager = this.transactions.manager,
  ): Promise<void> {
    if (keys.length === 0) return;
    await manager.query(
      `INSERT INTO platform.storage_pending (key, owner, due_at)
       SELECT unnest($1::text[]), $2, now() + make_interval(secs => $3)
       ON CONFLICT (key) DO UPDATE SET due_at = LEAST(platform.storage_pending.due_at, EXCLUDED.due_at)`,
      [keys, owner, delaySeconds],
    );
  }

  /** The keys are held by committed rows: nothing is to be deleted. */
  async release(keys: readonly string[], manager: EntityManager): Promise<void> {
    if (keys.length === 0) return;
    await manager.query('DELETE FROM platform.storage_pending WHERE key = ANY($1::text[])', [keys]);
  }

  /** Due keys of `owner` (of `only`, if given), row-locked so that concurrent sweepers take different ones. */
  async lockDue(owner: string, limit: number, manager: EntityManager, only?: readonly string[]): Promise<string[]> {
    const rows = await manager.query<Array<{ key: string }>>(
      `SELECT key FROM platform.storage_pending
        WHERE owner = $1 AND due_at <= now() AND ($3::text[] IS NULL OR key = ANY($3::text[]))
        ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [owner, limit, only ?? null],
    );
    return rows.map((row) => row.key);
  }
}

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';

/** Gives the lock back; a no-op once it expired and someone else took it. */
export type ReleaseLock = () => Promise<void>;

/**
 * Named locks shared by every replica (`search.operation_lock`). Each statement stands alone, so
 * no session or transaction is held while the work runs: safe behind PgBouncer in transaction
 * mode. The expiry frees a lock whose holder died; it must exceed the longest run.
 */
@Injectable()
export class OperationLock {
  constructor(private readonly transactions: Transactions) {}

  /** Takes the lock unless someone holds it unexpired; null when taken. */
  async tryAcquire(name: string, expirySeconds: number): Promise<ReleaseLock | null> {
    const holder = `${hostname()}:${process.pid}:${randomUUID()}`;
    const rows = await this.transactions.manager.query<Array<{ holder: string }>>(
      `INSERT INTO search.operation_lock AS l (name, holder, acquired_at, expires_at)
       VALUES ($1, $2, now(), now() + make_interval(secs => $3))
       ON CONFLICT (name) DO UPDATE
         SET holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
         WHERE l.expires_at <= now()
       RETURNING holder`,
      [name, holder, expirySeconds],
    );
    if (rows.length === 0) return null;
    return async () => {
      await this.transactions.manager.query('DELETE FROM search.operation_lock WHERE name = $1 AND holder = $2', [
        name,
        holder,
      ]);
    };
  }
}

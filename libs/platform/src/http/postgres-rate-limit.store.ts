import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { DataSource } from 'typeorm';

interface CounterRow {
  hits: number;
  reset_at: Date;
}

/**
 * express-rate-limit counters in `platform.rate_limit`, shared by every replica on the database.
 * A fixed window starts at a key's first hit; the database's clock decides it, so replicas with
 * skewed clocks still agree. Each hit is one statement.
 */
export class PostgresRateLimitStore implements Store {
  readonly localKeys = false;
  private window = '60000 milliseconds';
  private windowMs = 60_000;
  private lastSweep = 0;

  constructor(
    private readonly dataSource: DataSource,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
    this.window = `${options.windowMs} milliseconds`;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    this.sweep();
    const [row] = await this.dataSource.query<CounterRow[]>(
      `INSERT INTO platform.rate_limit AS r (key, hits, reset_at) VALUES ($1, 1, now() + $2::interval)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.hits + 1 END,
         reset_at = CASE WHEN r.reset_at <= now() THEN now() + $2::interval ELSE r.reset_at END
       RETURNING hits, reset_at`,
      [this.prefix + key, this.window],
    );
    return { totalHits: row.hits, resetTime: row.reset_at };
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const [row] = await this.dataSource.query<CounterRow[]>(
      'SELECT hits, reset_at FROM platform.rate_limit WHERE key = $1 AND reset_at > now()',
      [this.prefix + key],
    );
    return row ? { totalHits: row.hits, resetTime: row.reset_at } : undefined;
  }

  async decrement(key: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE platform.rate_limit SET hits = hits - 1 WHERE key = $1 AND reset_at > now() AND hits > 0',
      [this.prefix + key],
    );
  }

  async resetKey(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM platform.rate_limit WHERE key = $1', [this.prefix + key]);
  }

  /** At most once a window per process, off the request's path: expired rows are only clutter (a failed sweep waits for the next). */
  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    void this.dataSource.query('DELETE FROM platform.rate_limit WHERE reset_at <= now()').catch(() => undefined);
  }
}

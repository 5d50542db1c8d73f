import type { DataSource } from 'typeorm';

interface CounterRow {
  hits: number;
  reset_at: Date;
}

export interface RateLimitHit {
  hits: number;
  resetAt: Date;
}

/**
 * Rate-limit counters in `platform.rate_limit`, shared by every replica on the database. A fixed
 * window starts at a key's first hit; the database's clock decides it, so replicas with skewed
 * clocks still agree. Each hit is one statement.
 */
export class PostgresRateLimitStore {
  private readonly window: string;
  private lastSweep = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly prefix: string,
    private readonly windowMs: number,
  ) {
    this.window = `${windowMs} milliseconds`;
  }

  async hit(key: string): Promise<RateLimitHit> {
    this.sweep();
    const [row] = await this.dataSource.query<CounterRow[]>(
      `INSERT INTO platform.rate_limit AS r (key, hits, reset_at) VALUES ($1, 1, now() + $2::interval)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.hits + 1 END,
         reset_at = CASE WHEN r.reset_at <= now() THEN now() + $2::interval ELSE r.reset_at END
       RETURNING hits, reset_at`,
      [this.prefix + key, this.window],
    );
    return { hits: row.hits, resetAt: row.reset_at };
  }

  /** At most once a window per process, off the request's path: expired rows are only clutter (a failed sweep waits for the next). */
  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    void this.dataSource.query('DELETE FROM platform.rate_limit WHERE reset_at <= now()').catch(() => undefined);
  }
}

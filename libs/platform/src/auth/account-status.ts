import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** How long a service trusts what it last read about an account. */
const ACCOUNT_STATUS_TTL_MS = 5_000;
// Bounds the cache; clearing it only costs one lookup per active user.
const MAX_ENTRIES = 10_000;

/**
 * Whether an account may still act. Every service verifies access tokens locally (15 minutes of
 * life), so a deactivation must reach them all: they share one PostgreSQL, so each reads the
 * `active` flag of identity's own table, cached a few seconds per user. That is one indexed
 * lookup per user per TTL — cheaper and simpler than a token version in every token or an event
 * consumer in every service — and a deactivated account is refused everywhere within the TTL.
 * It is the one table of a context the platform reads, on purpose: no service may trust a token
 * of an account identity has closed.
 */
@Injectable()
export class AccountStatus {
  private readonly cache = new Map<string, { active: Promise<boolean>; until: number }>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  isActive(userId: string): Promise<boolean> {
    const now = Date.now();
    const cached = this.cache.get(userId);
    if (cached && cached.until > now) return cached.active;
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    // Concurrent requests of one user share the lookup in flight.
    const active = this.dataSource
      .query<Array<{ active: boolean }>>('SELECT active FROM identity.user_account WHERE id = $1', [userId])
      .then((rows) => rows[0]?.active === true);
    this.cache.set(userId, { active, until: now + ACCOUNT_STATUS_TTL_MS });
    // A failed lookup is not remembered: the next request asks again.
    active.catch(() => {
      if (this.cache.get(userId)?.active === active) this.cache.delete(userId);
    });
    return active;
  }

  /** Drops what this process remembers, so the one that changed an account sees it at once. */
  forget(userId: string): void {
    this.cache.delete(userId);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The platform's own tables: the consumer inbox that makes event handling idempotent. */
export class CreatePlatformSchema1764288000000 implements MigrationInterface {
  name = 'CreatePlatformSchema1764288000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE SCHEMA IF NOT EXISTS platform');
    await runner.query(`
      CREATE TABLE platform.processed_event (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE platform.processed_event');
  }
}

/**
 * Rate-limit counters every replica shares, so N replicas allow the budget once, not N times: one
 * row per client key and fixed window (from the key's first hit, like express-rate-limit's memory store).
 */
export class CreateRateLimit1766000000050 implements MigrationInterface {
  name = 'CreateRateLimit1766000000050';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE platform.rate_limit (
        key text PRIMARY KEY,
        hits integer NOT NULL CHECK (hits >= 0),
        reset_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX rate_limit_reset_at_idx ON platform.rate_limit (reset_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE platform.rate_limit');
  }
}

export const PLATFORM_MIGRATIONS = [CreatePlatformSchema1764288000000, CreateRateLimit1766000000050];

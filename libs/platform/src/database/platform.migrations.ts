import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The platform's own schema and the consumer inbox that makes event handling idempotent. */
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
 * row per client key and fixed window (from the key's first hit).
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

/**
 * Every published event, kept for `events:replay` (pg-boss drops completed jobs from its archive
 * after 7 days). Starts with whatever pg-boss still holds, so a replay right after this migration
 * reaches back as far as the archive did.
 */
export class CreateEventLog1767000000000 implements MigrationInterface {
  name = 'CreateEventLog1767000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE platform.event_log (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        event jsonb NOT NULL
      )`);
    await runner.query('CREATE INDEX event_log_type_occurred_at ON platform.event_log (type, occurred_at)');
    // pg-boss's tables exist only once a service has started; envelopes are the jobs with an aggregateId.
    await runner.query(`
      DO $$
      BEGIN
        IF to_regclass('pgboss.job') IS NOT NULL AND to_regclass('pgboss.archive') IS NOT NULL THEN
          INSERT INTO platform.event_log (id, type, occurred_at, event)
          SELECT (data->>'id')::uuid, data->>'type', (data->>'occurredAt')::timestamptz, data
          FROM (
            SELECT DISTINCT ON (data->>'id') data, created_on
            FROM (SELECT data, created_on FROM pgboss.job UNION ALL SELECT data, created_on FROM pgboss.archive) jobs
            WHERE jsonb_typeof(data) = 'object' AND data ? 'aggregateId' AND data ? 'occurredAt'
              AND data->>'id' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
            ORDER BY data->>'id', created_on
          ) events
          ORDER BY created_on;
        END IF;
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE platform.event_log');
  }
}

/**
 * Stored objects that no attachment row holds: an upload not yet committed (due an hour after it
 * started, in case its process dies) or an attachment deleted (due at once). The owner's sweeper
 * deletes the object and then the row, so a crash between a database commit and the store never
 * leaves an object behind for good.
 */
export class CreateStoragePending1767100000000 implements MigrationInterface {
  name = 'CreateStoragePending1767100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE platform.storage_pending (
        key text PRIMARY KEY,
        owner text NOT NULL,
        due_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX storage_pending_owner_due_idx ON platform.storage_pending (owner, due_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE platform.storage_pending');
  }
}

export const PLATFORM_MIGRATIONS = [
  CreatePlatformSchema1764288000000,
  CreateRateLimit1766000000050,
  CreateEventLog1767000000000,
  CreateStoragePending1767100000000,
];

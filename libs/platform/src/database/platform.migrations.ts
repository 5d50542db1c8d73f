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

export const PLATFORM_MIGRATIONS = [CreatePlatformSchema1764288000000];

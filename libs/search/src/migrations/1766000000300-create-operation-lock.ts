import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Locks that hold across replicas for work longer than a transaction (a rebuild, a sync round):
 * a row per operation, taken by whoever inserts it or finds it expired. A row, not an advisory
 * lock, so it works behind PgBouncer in transaction mode and never outlives a crashed holder
 * by more than its expiry.
 */
export class CreateOperationLock1766000000300 implements MigrationInterface {
  name = 'CreateOperationLock1766000000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE search.operation_lock (
        name text PRIMARY KEY,
        holder text NOT NULL,
        acquired_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        CHECK (expires_at > acquired_at)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE search.operation_lock');
  }
}

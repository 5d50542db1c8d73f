import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Advisors correct their records: each carries a version (the ETag an edit must send back, so two
 * tabs cannot overwrite each other) and when it was last edited.
 */
export class VersionAdvisorRecords1770000000400 implements MigrationInterface {
  name = 'VersionAdvisorRecords1770000000400';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of ['matchmaking', 'conversion']) {
      await runner.query(
        `ALTER TABLE matching.${table} ADD COLUMN version integer NOT NULL DEFAULT 1, ADD COLUMN updated_at timestamptz`,
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['matchmaking', 'conversion']) {
      await runner.query(`ALTER TABLE matching.${table} DROP COLUMN version, DROP COLUMN updated_at`);
    }
  }
}

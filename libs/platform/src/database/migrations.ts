import type { DataSource, MigrationInterface } from 'typeorm';

export type MigrationClass = new () => MigrationInterface;

// Any fixed number: services starting together queue on it instead of racing the same DDL.
const MIGRATION_LOCK = 4_815_162_342;

/** Runs the pending migrations of the contexts this process hosts, one process at a time. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** How the global setup hands the servers it started to the test workers. */
export const TEST_ENV = 'JIEBANG_TEST_SERVERS';

export interface TestServers {
  /** Superuser URL of the throw-away cluster (database `postgres`). */
  postgresUrl: string;
  meiliUrl: string;
  meiliKey: string;
  root: string;
  /**
   * A database the marketplace's migrations (and pg-boss's schema and queues) were applied to once:
   * `createTestDatabase({ migrated: true })` copies it instead of migrating again.
   */
  migratedTemplate: string;
}

export function readTestServers(): TestServers {
  const raw = process.env[TEST_ENV];
  if (!raw) throw new Error(`${TEST_ENV} is not set: run the tests with npm test, which starts the test servers`);
  return JSON.parse(raw) as TestServers;
}

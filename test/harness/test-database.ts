import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { readTestServers } from './test-env';

const MARKER = 'jiebang-test-database';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: readTestServers().postgresUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database on the throw-away cluster, marked so the guard below recognises it: empty, or with
 * `migrated` a copy of the global setup's database that the marketplace's migrations were applied to.
 */
export async function createTestDatabase(
  options: { migrated?: boolean } = {},
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `jiebang_test_${randomBytes(6).toString('hex')}`;
  await onAdmin(async (client) => {
    await client.query(
      options.migrated
        ? `CREATE DATABASE ${name} TEMPLATE ${readTestServers().migratedTemplate}`
        : `CREATE DATABASE ${name}`,
    );
    await client.query(`COMMENT ON DATABASE ${name} IS '${MARKER}'`);
  });
  const url = withDatabase(readTestServers().postgresUrl, name);
  await assertTestDatabase(url);
  return {
    url,
    drop: () => onAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Refuses to let tests touch a database the harness did not create for them. */
export async function assertTestDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; marker: string | null }>(
      `SELECT current_database() AS name, shobj_description(oid, 'pg_database') AS marker
         FROM pg_database WHERE datname = current_database()`,
    );
    const row = rows[0];
    if (!row?.name.startsWith('jiebang_test_') || row.marker !== MARKER) {
      throw new Error(`Refusing to run tests against ${row?.name ?? url}: it was not created by the test harness`);
    }
  } finally {
    await client.end();
  }
}

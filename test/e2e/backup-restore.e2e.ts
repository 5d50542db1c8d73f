import { execFile, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_TOPOLOGY } from '@jiebang/contracts';
import { DemoSeeder } from '@jiebang/demo';
import { EventBus, freePort } from '@jiebang/platform';
import pg from 'pg';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { eventually } from '../harness/eventually';
import { startTestService, TEST_JWT_SECRET, type TestService } from '../harness/test-app';
import { readTestServers } from '../harness/test-env';

const run = promisify(execFile);

/**
 * The backup scripts' round trip on a real embedded PostgreSQL. The harness's cluster is 18, and no
 * registry here ships a pg_dump 18 (the embedded package has only initdb, pg_ctl and postgres), so this
 * suite starts a PostgreSQL 15 from the same npm family (`postgres-15-binaries`) to match Debian's
 * `pg_dump` 15 (postgresql-client-15; `.ci/run` installs it when missing). The scripts do not depend on
 * the server's version: they call whichever pg_dump/pg_restore is on PATH.
 */
const BIN = path.resolve('node_modules/postgres-15-binaries/native/bin');
const USER = 'jiebang';
const DATABASE = 'jiebang';

interface Cluster {
  url: string;
  admin: string;
  stop(): Promise<void>;
}

/** initdb + pg_ctl as the `postgres` system user when we are root (PostgreSQL refuses to run as root). */
function asOwner(command: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const result = root
    ? spawnSync('runuser', ['-u', 'postgres', '--', path.join(BIN, command), ...args], { encoding: 'utf8' })
    : spawnSync(path.join(BIN, command), args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
}

async function startPostgres15(root: string): Promise<Cluster> {
  if (process.getuid?.() === 0) chownSync(root, Number(spawnSync('id', ['-u', 'postgres']).stdout.toString()), -1);
  const data = path.join(root, 'data');
  const port = await freePort();
  asOwner('initdb', ['-D', data, '-U', USER, '--auth=trust', '--encoding=UTF8', '--no-locale']);
  asOwner('pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(root, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
  return {
    url: `postgres://${USER}@127.0.0.1:${port}/${DATABASE}`,
    admin: `postgres://${USER}@127.0.0.1:${port}/postgres`,
    stop: () => Promise.resolve(asOwner('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])),
  };
}

async function onDatabase<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Every table of the application's schemas with its row count and a digest of its rows in a stable
 * order; pg-boss's own tables are left out (the reindex command's boot adds its maintenance jobs).
 */
async function fingerprint(url: string): Promise<Record<string, string>> {
  return onDatabase(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema', 'pgboss')
        ORDER BY 1`,
    );
    const prints: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ rows: number; digest: string | null }>(
        `SELECT count(*)::int AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${name} t`,
      );
      prints[name] = `${rows[0].rows} rows, ${rows[0].digest ?? 'empty'}`;
    }
    return prints;
  });
}

describe('backup and restore (scripts/db-backup.sh, scripts/db-restore.sh)', () => {
  let root: string;
  let cluster: Cluster | undefined;
  let service: TestService | undefined;

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'jiebang-backup-'));
    cluster = await startPostgres15(root);
    await onDatabase(cluster.admin, (client) => client.query(`CREATE DATABASE ${DATABASE}`));
  });

  afterAll(async () => {
    await service?.close({ keepDatabase: true });
    await cluster?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('dumps the demo programme, restores it into an empty database and rebuilds search', async () => {
    const servers = readTestServers();
    service = await startTestService(marketplace, { databaseUrl: cluster!.url });
    const { indexPrefix } = service.config.search;
    const seeded = await service.app.get(DemoSeeder).seed();
    const publicTotal = async (): Promise<number> =>
      (await service!.http.get('/api/v1/search/demands').query({ pageSize: 1 }).expect(200)).body.total as number;
    // Everything indexed first: the restore must rebuild what search held, not what it was catching up on.
    await eventually(
      async () => {
        const [row] = await onDatabase(
          cluster!.url,
          async (client) =>
            (
              await client.query<{ pending: number }>(
                'SELECT count(*) FILTER (WHERE indexed_version < version)::int AS pending FROM search.document',
              )
            ).rows,
        );
        expect(row.pending).toBe(0);
      },
      { timeoutMs: 240_000, intervalMs: 1000 },
    );
    // Every consumer done, so the copy is a still picture (queued jobs would survive the round trip too,
    // but would then run during the reindex command's boot and move the figures compared below).
    const bus = service.app.get(EventBus);
    const queues = Object.entries(EVENT_TOPOLOGY).flatMap(([type, consumers]) =>
      consumers.map((consumer) => ({ consumer, type })),
    );
    await eventually(
      async () => {
        const backlogs = await Promise.all(queues.map(({ consumer, type }) => bus.backlog(consumer, type)));
        expect(backlogs.filter((backlog) => backlog.pending > 0)).toEqual([]);
      },
      { timeoutMs: 240_000, intervalMs: 500 },
    );
    const searchedBefore = await publicTotal();
    expect(searchedBefore).toBeGreaterThanOrEqual(seeded.needs - 50);
    await service.close({ keepDatabase: true });
    service = undefined;
    const before = await fingerprint(cluster!.url);
    expect(Object.keys(before).length).toBeGreaterThan(20);

    const dump = path.join(root, 'jiebang.dump');
    const env = { ...process.env, DATABASE_URL: cluster!.url };
    const backup = await run('bash', ['scripts/db-backup.sh', dump], { env });
    expect(backup.stdout).toContain(`backup written to ${dump}`);

    // A lost database: dropped, and an empty one in its place; the old search indexes go too.
    await onDatabase(cluster!.admin, async (client) => {
      await client.query(`DROP DATABASE ${DATABASE} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${DATABASE}`);
    });
    await fetch(`${servers.meiliUrl}/indexes/${indexPrefix}demands`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${servers.meiliKey}` },
    });

    const restore = await run('bash', ['scripts/db-restore.sh', dump], {
      env: {
        ...env,
        SKIP_BUILD: '1',
        NODE_ENV: 'test',
        MEILI_URL: servers.meiliUrl,
        MEILI_MASTER_KEY: servers.meiliKey,
        JWT_SECRET: TEST_JWT_SECRET,
        DATA_DIR: root,
        SEARCH_INDEX_PREFIX: indexPrefix,
        DEMAND_CLOCK_CRON: 'off',
        MATCHING_CLOCK_CRON: 'off',
        NOTIFICATIONS_CLOCK_CRON: 'off',
        LOG_LEVEL: 'warn',
      },
      timeout: 180_000,
    });
    expect(restore.stdout).toMatch(/demand: rebuilt and swapped in .* (\d+) documents/);
    expect(restore.stdout).toContain('search index rebuilt');

    expect(await fingerprint(cluster!.url)).toEqual(before);
    service = await startTestService(marketplace, {
      databaseUrl: cluster!.url,
      config: { search: { dataDir: path.resolve('libs/search/data'), indexPrefix } },
    });
    expect(await publicTotal()).toBe(searchedBefore);
  }, 420_000);
});

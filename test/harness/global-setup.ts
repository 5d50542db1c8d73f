import { execFile } from 'node:child_process';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
// Jest loads global setup outside its module system, where the @jiebang/* aliases do not exist.
import { startEmbeddedMeili } from '../../libs/platform/src/runtime/embedded-meilisearch';
import { startEmbeddedPostgres } from '../../libs/platform/src/runtime/embedded-postgres';
import { freePort } from '../../libs/platform/src/runtime/free-port';
import { TEST_ENV, type TestServers } from './test-env';

const run = (args: string[], env?: NodeJS.ProcessEnv) => promisify(execFile)(process.execPath, args, { env });
const MIGRATED_TEMPLATE = 'jiebang_template_migrated';

/**
 * Builds the app and starts a throw-away PostgreSQL and Meilisearch on free ports in temporary
 * directories for the whole run, side by side; each test file then makes its own database (see
 * test-app.ts), most of them as a copy of one migrated here.
 */
export default async function globalSetup(): Promise<void> {
  const root = await mkdtemp(path.join(tmpdir(), 'jiebang-test-'));
  await chmod(root, 0o755);
  // Suites that start the apps as real processes run the build output, the web app included.
  const serverBuild = run(['scripts/build.mjs']);
  // Jest sets NODE_ENV=test, which Vite would carry into a development build of React and antd.
  const webBuild = run(
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.mjs', '--logLevel', 'error'],
    { ...process.env, NODE_ENV: 'production' },
  );
  const postgres = (async () =>
    startEmbeddedPostgres({
      dataDir: path.join(root, 'postgres'),
      port: await freePort(),
      database: 'postgres',
      ephemeral: true,
    }))();
  const meili = (async () =>
    startEmbeddedMeili({
      dataDir: path.join(root, 'meili'),
      port: await freePort(),
      masterKey: 'jiebang-test-master-key',
    }))();
  const template = Promise.all([serverBuild, postgres, meili]).then(([, pgServer, meiliServer]) =>
    migrateTemplate(pgServer.url, { MEILI_URL: meiliServer.url, MEILI_MASTER_KEY: meiliServer.apiKey, DATA_DIR: root }),
  );
  const [pgStarted, meiliStarted, ...rest] = await Promise.allSettled([postgres, meili, webBuild, template]);
  const stopAll = () =>
    Promise.allSettled([
      pgStarted.status === 'fulfilled' && pgStarted.value.stop(),
      meiliStarted.status === 'fulfilled' && meiliStarted.value.stop(),
    ]);
  const failed = [pgStarted, meiliStarted, ...rest].find((step) => step.status === 'rejected');
  if (failed || pgStarted.status === 'rejected' || meiliStarted.status === 'rejected') {
    await stopAll();
    throw (failed as PromiseRejectedResult).reason;
  }
  const servers: TestServers = {
    postgresUrl: pgStarted.value.url,
    meiliUrl: meiliStarted.value.url,
    meiliKey: meiliStarted.value.apiKey,
    root,
    migratedTemplate: MIGRATED_TEMPLATE,
  };
  process.env[TEST_ENV] = JSON.stringify(servers);
  (globalThis as { __jiebangStop?: () => Promise<unknown> }).__jiebangStop = stopAll;
}

/**
 * Runs the production `migrate` command once on an empty database, which the test files then copy
 * (CREATE DATABASE … TEMPLATE) instead of each applying every migration again. The clock and sweep
 * jobs stay off, so no pg-boss schedule is copied into a suite that ticks its clocks by hand.
 */
async function migrateTemplate(postgresUrl: string, env: Record<string, string>): Promise<void> {
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${MIGRATED_TEMPLATE}`);
    const url = new URL(postgresUrl);
    url.pathname = `/${MIGRATED_TEMPLATE}`;
    await run(['dist/apps/marketplace/src/cli.js', 'migrate'], {
      PATH: process.env.PATH,
      ...env,
      DATABASE_URL: url.toString(),
      NODE_ENV: 'production',
      JWT_SECRET: 'template-secret-that-is-long-enough-for-hs256',
      DEMAND_CLOCK_CRON: 'off',
      MATCHING_CLOCK_CRON: 'off',
      NOTIFICATIONS_CLOCK_CRON: 'off',
      STORAGE_SWEEP_CRON: 'off',
    });
    const template = new pg.Client({ connectionString: url.toString() });
    await template.connect();
    try {
      const { rows } = await template.query<{ count: string }>('SELECT count(*) FROM pgboss.schedule');
      if (rows[0].count !== '0') throw new Error(`the migrated template holds ${rows[0].count} pg-boss schedules`);
    } finally {
      await template.end();
    }
  } finally {
    await admin.end();
  }
}

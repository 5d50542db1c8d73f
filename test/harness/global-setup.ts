import { execFile } from 'node:child_process';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
// Jest loads global setup outside its module system, where the @jiebang/* aliases do not exist.
import { startEmbeddedMeili } from '../../libs/platform/src/runtime/embedded-meilisearch';
import { startEmbeddedPostgres } from '../../libs/platform/src/runtime/embedded-postgres';
import { freePort } from '../../libs/platform/src/runtime/free-port';
import { TEST_ENV, type TestServers } from './test-env';

/**
 * Starts a throw-away PostgreSQL and Meilisearch on free ports in temporary directories for the
 * whole run; each test file then makes its own database (see test-app.ts).
 */
export default async function globalSetup(): Promise<void> {
  // Suites that start the apps as real processes run the build output, the web app included.
  await Promise.all([
    promisify(execFile)(process.execPath, ['scripts/build.mjs']),
    // Jest sets NODE_ENV=test, which Vite would carry into a development build of React and antd.
    promisify(execFile)(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.mjs', '--logLevel', 'error'],
      { env: { ...process.env, NODE_ENV: 'production' } },
    ),
  ]);
  const root = await mkdtemp(path.join(tmpdir(), 'jiebang-test-'));
  await chmod(root, 0o755);
  const [pg, meili] = await Promise.allSettled([
    (async () =>
      startEmbeddedPostgres({
        dataDir: path.join(root, 'postgres'),
        port: await freePort(),
        database: 'postgres',
        ephemeral: true,
      }))(),
    (async () =>
      startEmbeddedMeili({
        dataDir: path.join(root, 'meili'),
        port: await freePort(),
        masterKey: 'jiebang-test-master-key',
      }))(),
  ]);
  const stopAll = () =>
    Promise.allSettled([
      pg.status === 'fulfilled' && pg.value.stop(),
      meili.status === 'fulfilled' && meili.value.stop(),
    ]);
  if (pg.status === 'rejected' || meili.status === 'rejected') {
    await stopAll();
    throw pg.status === 'rejected' ? pg.reason : (meili as PromiseRejectedResult).reason;
  }
  const servers: TestServers = {
    postgresUrl: pg.value.url,
    meiliUrl: meili.value.url,
    meiliKey: meili.value.apiKey,
    root,
  };
  process.env[TEST_ENV] = JSON.stringify(servers);
  (globalThis as { __jiebangStop?: () => Promise<unknown> }).__jiebangStop = stopAll;
}

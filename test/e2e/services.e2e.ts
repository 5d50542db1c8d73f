import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '@jiebang/platform';
import { eventually } from '../harness/eventually';
import { serviceEnv, startApp } from '../harness/processes';
import { TEST_JWT_SECRET } from '../harness/test-app';
import { createTestDatabase } from '../harness/test-database';
import { readTestServers } from '../harness/test-env';

/** Which API each deployable serves on its own: identity lives with demand-service. */
const SERVICES = [
  { app: 'demand-service', servesAuth: true },
  { app: 'search-service', servesAuth: false },
  { app: 'matching-service', servesAuth: false },
  { app: 'marketplace', servesAuth: true },
];

describe('each deployable starts alone against external PostgreSQL and Meilisearch', () => {
  let database: { url: string; drop: () => Promise<void> };

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(() => database.drop());

  it.each(SERVICES)(
    '$app boots, reports ready, serves only its routes and stops cleanly',
    async ({ app, servesAuth }) => {
      const servers = readTestServers();
      const port = await freePort();
      const running = startApp(app, {
        ...serviceEnv(database.url, servers),
        PORT: String(port),
        JWT_SECRET: TEST_JWT_SECRET,
      });
      try {
        const base = `http://127.0.0.1:${port}`;
        await eventually(async () => expect((await fetch(`${base}/health/ready`)).status).toBe(200), {
          timeoutMs: 60_000,
        });
        const login = await fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        expect(login.status).toBe(servesAuth ? 400 : 404);
        expect(running.output()).toContain(`${app} ready on`);
      } finally {
        expect(await running.stop()).toBe(0);
      }
    },
    120_000,
  );

  it('a production marketplace starts on an empty database with the configured admin and no demo data', async () => {
    const empty = await createTestDatabase();
    const port = await freePort();
    const admin = { email: 'office@example.cn', password: 'office-password-2024' };
    const running = startApp('marketplace', {
      ...serviceEnv(empty.url, readTestServers()),
      PORT: String(port),
      JWT_SECRET: TEST_JWT_SECRET,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    });
    const base = `http://127.0.0.1:${port}`;
    const login = (credentials: { email: string; password: string }) =>
      fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(credentials),
      });
    try {
      await eventually(async () => expect((await fetch(`${base}/health/ready`)).status).toBe(200), {
        timeoutMs: 60_000,
      });
      const batches = (await (await fetch(`${base}/api/v1/batches`)).json()) as { total: number };
      expect(batches.total).toBe(0);
      expect(((await (await fetch(`${base}/api/v1/demands`)).json()) as { total: number }).total).toBe(0);
      expect((await login({ email: 'admin@jiebang.demo', password: 'jiebang-demo-2023' })).status).toBe(401);
      expect((await login(admin)).status).toBe(200);
      expect(running.output()).not.toContain('admin@jiebang.demo');
    } finally {
      expect(await running.stop()).toBe(0);
      await empty.drop();
    }
  }, 90_000);

  it('with MIGRATIONS=skip a service refuses a database with pending migrations until the one-shot migrate ran', async () => {
    const empty = await createTestDatabase();
    const env = { ...serviceEnv(empty.url, readTestServers()), JWT_SECRET: TEST_JWT_SECRET, MIGRATIONS: 'skip' };
    try {
      const refused = startApp('demand-service', { ...env, PORT: String(await freePort()) });
      expect(await refused.exited).toBe(1);
      expect(refused.output()).toContain('pending migrations');
      // The compose `migrate` service's command; the same MIGRATIONS=skip does not stop it.
      const { stdout } = await promisify(execFile)(process.execPath, ['dist/apps/marketplace/src/cli.js', 'migrate'], {
        env: { PATH: process.env.PATH, ...env },
      });
      expect(stdout).toContain('migrations are up to date');
      const port = await freePort();
      const running = startApp('demand-service', { ...env, PORT: String(port) });
      try {
        await eventually(async () => expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200), {
          timeoutMs: 60_000,
        });
        expect(running.output()).not.toContain('applied');
      } finally {
        expect(await running.stop()).toBe(0);
      }
    } finally {
      await empty.drop();
    }
  }, 120_000);

  it('refuses to start on invalid configuration, naming the variable', async () => {
    const running = startApp('search-service', { PORT: 'eighty', NODE_ENV: 'production' });
    expect(await running.exited).toBe(1);
    expect(running.output()).toMatch(/PORT="eighty"/);
    expect(running.output()).toMatch(/JWT_SECRET=/);
  });
});

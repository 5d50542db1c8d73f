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
        // The marketplace loads the whole demo programme before it listens on an empty database.
        await eventually(async () => expect((await fetch(`${base}/health/ready`)).status).toBe(200), {
          timeoutMs: 100_000,
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

  it('refuses to start on invalid configuration, naming the variable', async () => {
    const running = startApp('search-service', { PORT: 'eighty', NODE_ENV: 'production' });
    expect(await running.exited).toBe(1);
    expect(running.output()).toMatch(/PORT="eighty"/);
    expect(running.output()).toMatch(/JWT_SECRET=/);
  });
});

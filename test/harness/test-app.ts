import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { EventTopology } from '@jiebang/contracts';
import { expect } from '@jest/globals';
import {
  type AppConfig,
  createRootLogger,
  createServiceApp,
  EventBus,
  type ServiceDefinition,
} from '@jiebang/platform';
import supertest from 'supertest';
import { eventually } from './eventually';
import { createTestDatabase } from './test-database';
import { readTestServers } from './test-env';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256!';

/** A config for tests: the harness's servers, a database of its own, fast event retries. */
export function testConfig(databaseUrl: string, overrides: Partial<AppConfig> = {}): AppConfig {
  const servers = readTestServers();
  return {
    env: 'test',
    serviceName: 'test',
    port: 0,
    dataDir: servers.root,
    databaseUrl,
    meili: { url: servers.meiliUrl, apiKey: servers.meiliKey },
    jwt: { secret: TEST_JWT_SECRET, accessTtlSeconds: 900, refreshTtlSeconds: 3600 },
    admin: null,
    log: { level: 'silent', format: 'json' },
    applyMigrationsAtStart: true,
    bodyLimitBytes: 64 * 1024,
    trustProxy: 'loopback',
    authRateLimitPerMinute: 1000,
    // Consumers are woken at commit; a path that forgot its wake-up fails a 15-s wait instead of passing on a poll.
    events: { retryLimit: 2, retryDelaySeconds: 0, pollSeconds: 60 },
    // Suites tick the clock job themselves, so a minute boundary never moves a need mid-test.
    demand: { unclaimedAfterDays: 90, clockCron: null },
    matching: { clockCron: null },
    mail: { smtpUrl: null, from: 'test <noreply@jiebang.test>' },
    notifications: { clockCron: null, digestDelaySeconds: 0, publicUrl: 'http://localhost:3000' },
    web: { dir: path.resolve('dist/web') },
    demo: { seedWhenEmpty: false },
    // Files under the harness's root (a suite that tests S3 points `s3` at its own server); suites sweep by hand.
    storage: { s3: null, maxBytes: 20 * 1024 * 1024, linkTtlSeconds: 300, sweepCron: null },
    // Each service under test gets indexes of its own on the shared Meilisearch.
    search: { dataDir: path.resolve('libs/search/data'), indexPrefix: `t${randomBytes(4).toString('hex')}_` },
    ...overrides,
  };
}

export interface TestService {
  app: INestApplication;
  http: ReturnType<typeof supertest>;
  config: AppConfig;
  /**
   * Waits until every event published so far has been handled by its consumers (no job waiting,
   * retrying or running on any consumer queue) and search has pushed every document to Meilisearch.
   * For a service that runs every consumer of its topology, e.g. `marketplace`.
   */
  drainEvents(options?: { timeoutMs?: number }): Promise<void>;
  /** Closes the app and, unless `keepDatabase`, drops its database. */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

export interface StartOptions {
  config?: Partial<AppConfig>;
  topology?: EventTopology;
  /** Reuse a database (e.g. a second instance of a service); otherwise a fresh one is made. */
  databaseUrl?: string;
  /** Collects the service's log lines (info and up) as production writes them. */
  logs?: string[];
}

/** Boots a service exactly as production composes it, against real PostgreSQL and Meilisearch. */
export async function startTestService(service: ServiceDefinition, options: StartOptions = {}): Promise<TestService> {
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: () => Promise.resolve() }
    : // The marketplace runs every context's migrations: its database starts as a copy of them.
      await createTestDatabase({ migrated: service.name === 'marketplace' });
  const config = testConfig(database.url, { serviceName: service.name, ...options.config });
  const { logs } = options;
  const logger = createRootLogger(
    { level: logs ? 'info' : (process.env.JIEBANG_TEST_LOG ?? 'silent'), format: 'json', service: service.name },
    logs && { write: (line: string) => void logs.push(line) },
  );
  const app = await createServiceApp(service, config, { logger, topology: options.topology });
  const http = supertest(app.getHttpServer());
  return {
    app,
    http,
    config,
    drainEvents: ({ timeoutMs = 20_000 } = {}) =>
      eventually(
        async () => {
          const busy = (await app.get(EventBus).queueStats()).filter((queue) => queue.depth > 0).map((q) => q.queue);
          const ready = (await http.get('/health/ready')).body as { info?: { search?: { backlog?: object } } };
          const unindexed = Object.values(ready.info?.search?.backlog ?? {}).some((count) => count !== 0);
          expect({ busy, unindexed }).toEqual({ busy: [], unindexed: false });
        },
        { timeoutMs },
      ),
    close: async ({ keepDatabase = false } = {}) => {
      await app.close();
      if (!keepDatabase) await database.drop();
    },
  };
}

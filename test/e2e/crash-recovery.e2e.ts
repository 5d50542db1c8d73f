import { appendFile, chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import supertest from 'supertest';
import { approved, drafted, publishedBatch } from '../harness/demand-factories';
import { eventually } from '../harness/eventually';
import { type Account, registered, signedIn } from '../harness/factories';
import {
  distinctFreePorts,
  isRunning,
  isServerIn,
  pidIn,
  type RunningProcess,
  serviceEnv,
  startApp,
} from '../harness/processes';
import { TEST_JWT_SECRET } from '../harness/test-app';
import { createTestDatabase } from '../harness/test-database';
import { readTestServers } from '../harness/test-env';

const ADMIN = { email: 'office@crash.test', password: 'crash-recovery-admin' };
const PUBLISHED = 4;

async function ready(base: string, timeoutMs: number): Promise<void> {
  await eventually(async () => expect((await fetch(`${base}/health/ready`)).status).toBe(200), {
    timeoutMs,
    intervalMs: 200,
  });
}

/** The embedded Meilisearch URL the app logged at start. */
function meiliUrlOf(app: RunningProcess): string {
  const line = app
    .output()
    .split('\n')
    .find((entry) => entry.includes('"msg":"embedded meili started'));
  return (JSON.parse(line!) as { url: string }).url;
}

describe('after kill -9 of the app, of its Meilisearch, or a power cut, the embedded marketplace comes back by itself', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let base: string;
  let http: ReturnType<typeof supertest>;
  let app: RunningProcess | undefined;
  let admin: Account;
  const pgPidFile = () => path.join(dataDir, 'postgres', 'postmaster.pid');
  const meiliPidFile = () => path.join(dataDir, 'meili', 'meilisearch.pid');
  const timings: Record<string, number> = {};

  const start = async (): Promise<number> => {
    const started = Date.now();
    app = startApp('marketplace', env);
    await ready(base, 60_000);
    return Date.now() - started;
  };

  /** Every need the office sees (any status), and the search index against PostgreSQL. */
  const committed = async () => {
    admin = await signedIn(http, ADMIN.email, ADMIN.password);
    const manage = await http.get('/api/v1/demands/manage').set(admin.bearer).expect(200);
    const consistency = await http.post('/api/v1/search/consistency').set(admin.bearer).expect(200);
    const search = await http.get('/api/v1/search/demands').expect(200);
    return { total: manage.body.total as number, consistency: consistency.body, searchTotal: search.body.total };
  };

  /** Every need made before the crash is there, and search agrees with PostgreSQL to the document. */
  const everythingCommitted = () => ({
    total: PUBLISHED + 1,
    searchTotal: PUBLISHED,
    consistency: expect.objectContaining({ inDatabase: PUBLISHED, inIndex: PUBLISHED, missing: 0, stale: 0, extra: 0 }),
  });

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'jiebang-crash-'));
    await chmod(dataDir, 0o755);
    const [port, postgresPort, meiliPort] = await distinctFreePorts(3);
    base = `http://127.0.0.1:${port}`;
    http = supertest(base);
    env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      EMBEDDED_MEILI_PORT: String(meiliPort),
      SEED_DEMO: 'false',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      DEMAND_CLOCK_CRON: 'off',
      MATCHING_CLOCK_CRON: 'off',
    };
  });

  afterAll(async () => {
    await app?.stop();
    for (const file of [pgPidFile(), meiliPidFile()]) {
      const pid = await readFile(file, 'utf8').then(
        (text) => Number.parseInt(text, 10),
        () => 0,
      );
      if (pid > 0 && isServerIn(pid, dataDir)) process.kill(pid, 'SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
    if (Object.keys(timings).length > 0) console.log(`crash recovery timings (ms): ${JSON.stringify(timings)}`);
  });

  it('stops the servers a killed app left running and starts with every committed need', async () => {
    timings.coldStart = await start();
    admin = await signedIn(http, ADMIN.email, ADMIN.password);
    const owner = await registered(http);
    const needs = await Promise.all(Array.from({ length: PUBLISHED }, () => approved(http, owner, admin)));
    await publishedBatch(
      http,
      admin,
      needs.map((need) => need.id),
    );
    await drafted(http, owner);
    await eventually(async () =>
      expect((await http.get('/api/v1/search/demands').expect(200)).body.total).toBe(PUBLISHED),
    );
    const orphans = { postgres: pidIn(pgPidFile()), meili: pidIn(meiliPidFile()) };

    app!.child.kill('SIGKILL');
    await app!.exited;
    const killedAt = Date.now();
    // What the issue saw: both servers outlive the app.
    expect(isRunning(orphans.postgres)).toBe(true);
    expect(isRunning(orphans.meili)).toBe(true);

    await start();
    timings.afterAppKill = Date.now() - killedAt;
    expect(app!.output()).toContain(`stopping orphaned PostgreSQL (pid ${orphans.postgres})`);
    expect(app!.output()).toContain(`stopping orphaned Meilisearch (pid ${orphans.meili})`);
    expect(isRunning(orphans.postgres)).toBe(false);
    expect(isRunning(orphans.meili)).toBe(false);
    expect(await committed()).toEqual(everythingCommitted());
  }, 150_000);

  it('restarts a crashed Meilisearch on its own: readiness and search come back without restarting the app', async () => {
    const crashed = pidIn(meiliPidFile());
    process.kill(crashed, 'SIGKILL');
    const killedAt = Date.now();
    await eventually(
      async () => {
        expect((await fetch(`${base}/health/ready`)).status).toBe(200);
        expect((await http.get('/api/v1/search/demands').expect(200)).body.total).toBe(PUBLISHED);
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    timings.afterMeiliKill = Date.now() - killedAt;
    expect(pidIn(meiliPidFile())).not.toBe(crashed);
    expect(isRunning(pidIn(meiliPidFile()))).toBe(true);
    expect(app!.child.exitCode).toBeNull();
    expect(app!.output()).toMatch(/Meilisearch exited unexpectedly \(SIGKILL\)/);
  });

  it('keeps the Meilisearch master key off its command line, and the key still guards it', async () => {
    const key = (await readFile(path.join(dataDir, 'meili-master-key'), 'utf8')).trim();
    const cmdline = await readFile(`/proc/${pidIn(meiliPidFile())}/cmdline`, 'utf8');
    expect(cmdline).toContain('--db-path');
    expect(cmdline).not.toContain(key);
    const meiliUrl = meiliUrlOf(app!);
    expect((await fetch(`${meiliUrl}/indexes`)).status).toBe(401);
    expect((await fetch(`${meiliUrl}/indexes`, { headers: { Authorization: `Bearer ${key}` } })).status).toBe(200);
  });

  it('after a power cut, drops pid files whose pids are dead or now another program’s', async () => {
    const servers = [pidIn(pgPidFile()), pidIn(meiliPidFile())];
    app!.child.kill('SIGKILL');
    await app!.exited;
    for (const pid of servers) process.kill(pid, 'SIGKILL');
    await eventually(() => expect(servers.filter(isRunning)).toEqual([]));
    // The pid PostgreSQL recorded now belongs to a live program (this test): it refuses such a lock file.
    const lock = (await readFile(pgPidFile(), 'utf8')).split('\n');
    await writeFile(pgPidFile(), [String(process.pid), ...lock.slice(1)].join('\n'));
    const cutAt = Date.now();

    await start();
    timings.afterPowerCut = Date.now() - cutAt;
    expect(app!.output()).toContain(
      `removing stale postmaster.pid of PostgreSQL: pid ${process.pid} is another program`,
    );
    expect(app!.output()).toContain(`removing stale meilisearch.pid of Meilisearch: pid ${servers[1]} is not running`);
    // Its socket's lock names the killed server, which may still be a zombie that PostgreSQL takes for alive.
    expect(app!.output()).toMatch(
      new RegExp(`removing stale \\.s\\.PGSQL\\.\\d+\\.lock of PostgreSQL: pid ${servers[0]} is not running`),
    );
    expect(await committed()).toEqual(everythingCommitted());

    // A signal to the whole process group (Ctrl-C, a service manager, `kill -- -pgid`) reaches
    // Meilisearch while the app is closing: it stops with the app instead of being restarted.
    const running = [pidIn(pgPidFile()), pidIn(meiliPidFile())];
    app!.child.kill('SIGTERM');
    process.kill(running[1], 'SIGTERM');
    expect(await app!.exited).toBe(0);
    expect(app!.output()).not.toMatch(/Meilisearch exited unexpectedly/);
    expect(running.filter(isRunning)).toEqual([]);
    app = undefined;
  }, 90_000);

  it('says why a start failed, from the server’s own output, instead of `undefined`', async () => {
    await appendFile(path.join(dataDir, 'postgres', 'postgresql.conf'), "\nshared_buffers = 'plenty'\n");
    const broken = startApp('marketplace', env);
    expect(await broken.exited).toBe(1);
    expect(broken.output()).toContain('marketplace failed to start: PostgreSQL failed to start');
    expect(broken.output()).toContain('invalid value for parameter \\"shared_buffers\\"');
    expect(broken.output()).not.toMatch(/failed to start: undefined/);
  });
});

describe('readiness checks what each service depends on', () => {
  let database: { url: string; drop: () => Promise<void> };

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(() => database.drop());

  it('with an external Meilisearch down, demand- and matching-service stay ready; the marketplace reports it and keeps answering', async () => {
    const [deadMeili, ...ports] = await distinctFreePorts(4);
    const servers = { ...readTestServers(), meiliUrl: `http://127.0.0.1:${deadMeili}` };
    const apps = await Promise.all(
      ['demand-service', 'matching-service', 'marketplace'].map(async (name, index) => {
        const port = ports[index];
        const running = startApp(name, {
          ...serviceEnv(database.url, servers),
          PORT: String(port),
          JWT_SECRET: TEST_JWT_SECRET,
          SEED_DEMO: 'false',
        });
        await eventually(() => expect(running.output()).toContain(`${name} ready on`), { timeoutMs: 60_000 });
        return { name, running, base: `http://127.0.0.1:${port}` };
      }),
    );
    try {
      const readiness = Object.fromEntries(
        await Promise.all(
          apps.map(async ({ name, base }) => {
            const response = await fetch(`${base}/health/ready`);
            // 200 is terminus's result (`details`), 503 a problem that keeps it as `checks`.
            const body = (await response.json()) as Record<'details' | 'checks', Record<string, { status: string }>>;
            const checks = body.details ?? body.checks;
            return [name, { status: response.status, meilisearch: checks.meilisearch?.status ?? 'not checked' }];
          }),
        ),
      );
      expect(readiness).toEqual({
        'demand-service': { status: 200, meilisearch: 'not checked' },
        'matching-service': { status: 200, meilisearch: 'not checked' },
        marketplace: { status: 503, meilisearch: 'down' },
      });
      const marketplace = apps.find((entry) => entry.name === 'marketplace')!.base;
      expect((await fetch(`${marketplace}/health/live`)).status).toBe(200);
      expect((await fetch(`${marketplace}/api/v1/demands`)).status).toBe(200);
      const search = await fetch(`${marketplace}/api/v1/search/demands`);
      expect(search.status).toBe(503);
      expect(search.headers.get('content-type')).toContain('application/problem+json');
    } finally {
      await Promise.all(apps.map(({ running }) => running.stop()));
    }
  }, 90_000);
});

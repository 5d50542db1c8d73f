import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { eventually } from '../harness/eventually';
import { aRegistration } from '../harness/factories';
import { distinctFreePorts, isListening, type RunningProcess, startApp } from '../harness/processes';

interface StartLog {
  msg?: string;
  url?: string;
}

function embeddedUrls(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as StartLog)
    .filter((entry) => entry.msg?.startsWith('embedded '))
    .map((entry) => entry.url!);
}

describe('npm start without DATABASE_URL or MEILI_URL (embedded servers)', () => {
  let dataDir: string;
  // A failed expectation must not leave an app (and Jest) running.
  const apps: RunningProcess[] = [];
  const launch = (env: Record<string, string>) => {
    const app = startApp('marketplace', env);
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'jiebang-embedded-'));
    await chmod(dataDir, 0o755);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts real PostgreSQL and Meilisearch under DATA_DIR, stops them on SIGTERM and reuses the data next time', async () => {
    const [postgresPort, meiliPort, appPort] = await distinctFreePorts(3);
    const env = {
      DATA_DIR: dataDir,
      PORT: '0',
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
      EMBEDDED_MEILI_PORT: String(meiliPort),
    };
    const registration = aRegistration();

    // A first start killed while it loads the demo, once the seed has written its first batch (the
    // seed runs only on a database without one): the next start begins again instead of keeping half.
    const killed = launch({ ...env, PORT: String(appPort) });
    await eventually(
      async () => {
        if (killed.child.exitCode !== null) throw new Error(`the start ended early:\n${killed.output()}`);
        const database = new pg.Client(`postgres://jiebang:jiebang@127.0.0.1:${postgresPort}/jiebang`);
        try {
          await database.connect();
          const [{ count }] = (await database.query<{ count: string }>('SELECT count(*) FROM demand.batch')).rows;
          expect(Number(count)).toBeGreaterThan(0);
        } finally {
          await database.end().catch(() => undefined);
        }
      },
      { timeoutMs: 120_000, intervalMs: 200 },
    );
    expect(killed.output()).not.toContain('marketplace ready on');
    killed.child.kill('SIGKILL');
    await killed.exited;

    const first = launch({ ...env, PORT: String(appPort) });
    const firstPort = Number(
      /"port":(\d+)/.exec(
        await eventually(
          () => {
            expect(first.output()).toContain('marketplace ready on');
            return first.output();
          },
          // The first start seeds the 2023 history and the live batch: about a minute on busy cores.
          { timeoutMs: 180_000 },
        ),
      )![1],
    );
    const base = `http://127.0.0.1:${firstPort}`;
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    expect(first.output()).toContain('was interrupted before it was ready, so its data is incomplete');
    expect(first.output()).toContain(`data in ${path.join(dataDir, 'postgres')}`);
    expect(first.output()).toContain(`data in ${path.join(dataDir, 'meili')}`);
    // The first start on an empty database loads the demo programme: 446 needs in 3 batches of 2023,
    // and a live fourth batch released ten days before today.
    const batches = (await (await fetch(`${base}/api/v1/batches`)).json()) as {
      total: number;
      items: Array<{ demandCount: number; releaseDate: string }>;
    };
    expect(batches.total).toBe(4);
    const history = batches.items.filter((batch) => batch.releaseDate.startsWith('2023-'));
    expect(history.reduce((sum, batch) => sum + batch.demandCount, 0)).toBe(446);
    const live = batches.items.find((batch) => !batch.releaseDate.startsWith('2023-'))!;
    const daysAgo = (Date.now() - Date.parse(`${live.releaseDate}T00:00:00+08:00`)) / (24 * 3600 * 1000);
    expect(daysAgo > 9 && daysAgo < 11).toBe(true);
    expect(live.demandCount).toBeGreaterThanOrEqual(30);
    expect(((await (await fetch(`${base}/api/v1/demands`)).json()) as { total: number }).total).toBe(
      446 + live.demandCount,
    );
    expect(first.output()).toContain('admin@jiebang.demo');
    // …and what followed in 2023: the programme's matching figures, through the funnel to its last deadline.
    const office = (await (
      await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@jiebang.demo', password: 'jiebang-demo-2023' }),
      })
    ).json()) as { accessToken: string };
    type Funnel = { stages: Array<{ stage: string; count: number }>; matchmakings: number; winners: number };
    const funnelOf = async (query: string) =>
      (await (
        await fetch(`${base}/api/v1/stats/funnel${query}`, {
          headers: { Authorization: `Bearer ${office.accessToken}` },
        })
      ).json()) as Funnel;
    const funnel = await funnelOf('?to=2024-01-31');
    const stages = Object.fromEntries(funnel.stages.map((s) => [s.stage, s.count]));
    expect(stages).toMatchObject({ published: 446, awarded: 25 });
    expect(stages.collected).toBeGreaterThanOrEqual(700);
    expect(stages.converted).toBeGreaterThanOrEqual(120);
    expect(funnel.matchmakings).toBeGreaterThanOrEqual(400);
    expect(funnel.winners).toBeGreaterThan(25);
    const all = Object.fromEntries((await funnelOf('')).stages.map((s) => [s.stage, s.count]));
    expect(all.published).toBe(446 + live.demandCount);
    expect(all.bid_on).toBeGreaterThan(stages.bid_on);

    // The hall's default: needs open for bidding, the nearest deadline first.
    interface Hits {
      total: number;
      items: Array<{ bidDeadline: string; status: string; bidCount: number }>;
    }
    const hall = async (query: string) =>
      (await (await fetch(`${base}/api/v1/search/demands?${query}`)).json()) as Hits;
    const open = await eventually(
      async () => {
        const hits = await hall('status=published&sort=deadline&pageSize=50');
        expect(hits.total).toBe(live.demandCount);
        expect(hits.items.some((hit) => hit.bidCount > 0)).toBe(true);
        return hits;
      },
      { timeoutMs: 60_000 },
    );
    const deadlines = open.items.map((hit) => hit.bidDeadline);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(Date.parse(deadlines[0])).toBeGreaterThan(Date.now());
    expect(open.items.every((hit) => hit.status === 'published')).toBe(true);
    // Everything, sorted by deadline: still the nearest upcoming first, not a 2023 one.
    expect((await hall('sort=deadline&pageSize=1')).items[0].bidDeadline).toBe(deadlines[0]);
    const register = await fetch(`${base}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(registration),
    });
    expect(register.status).toBe(201);
    const masterKey = await readFile(path.join(dataDir, 'meili-master-key'), 'utf8');
    const servers = embeddedUrls(first.output());
    expect(servers).toHaveLength(2);

    expect(await first.stop()).toBe(0);
    const meiliUrl = servers.find((url) => url.startsWith('http'))!;
    expect(await isListening(`${meiliUrl}/health`)).toBe(false);
    // A clean stop leaves no pid file for the next start to deal with.
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'meili', 'meilisearch.pid'))).toBe(false);

    const second = launch({ ...env, PORT: String(firstPort) });
    try {
      await eventually(() => expect(second.output()).toContain('marketplace ready on'), { timeoutMs: 90_000 });
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: registration.email, password: registration.password }),
      });
      expect(login.status).toBe(200);
      const demoAdmin = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@jiebang.demo', password: 'jiebang-demo-2023' }),
      });
      expect(demoAdmin.status).toBe(200);
      expect(((await (await fetch(`${base}/api/v1/batches`)).json()) as { total: number }).total).toBe(4);
      expect(second.output()).not.toContain('demo data ready');
      expect(await readFile(path.join(dataDir, 'meili-master-key'), 'utf8')).toBe(masterKey);
      expect(second.output()).not.toContain('applied');
    } finally {
      expect(await second.stop()).toBe(0);
    }
    // Two cold starts, the first with initdb and the whole demo programme.
  }, 360_000);
});

import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { INestApplication } from '@nestjs/common';
import { EVENT_TOPOLOGY, type Principal } from '@jiebang/contracts';
import { BatchesService, DemandsService } from '@jiebang/demand';
import { buildNeeds, DemoSeeder } from '@jiebang/demo';
import { AccountSeeder } from '@jiebang/identity';
import { type FunnelView, ListingsService } from '@jiebang/matching';
import { createRootLogger, createServiceApp, queueName, TokenService } from '@jiebang/platform';
import pg from 'pg';
import { marketplace } from '../apps/marketplace/src/marketplace.definition';
import {
  benchConfig,
  benchPrincipals,
  type BenchServers,
  benchServers,
  LoadWorker,
  median,
  percentile,
  quiesce,
  table,
  type WorkerResult,
} from './harness';
import type { RawBid } from './workloads';

const NEEDS = 200;
const TEAMS = 200;
/** Bids per path and round, each a distinct (team, need) pair; the warm-up pairs come first and are not measured. */
const BIDS = 1500;
const ROUNDS = 3;
const WARMUP = 200;
const CONCURRENCY = 16;
/** The demo data and this many times its matching rows. */
const SCALE = 100;
const FUNNEL_CALLS = 40;
const FUNNEL_WARMUP = 3;

const DAY = 24 * 3600 * 1000;
const cpus = availableParallelism();
const FUNNEL_QUERIES = ['', '?industry=advanced_materials&from=2023-01-01&to=2023-12-31'];

/**
 * Matching's tables in foreign-key order, each copied SCALE-1 times: `key` gets a fresh id per copy
 * (recorded in the map named `map`, the table itself unless it borrows another's), and every
 * `remap` column follows the copy of the row it points at.
 */
const MULTIPLIED: Array<{ table: string; key: string; map?: string; remap: Record<string, string> }> = [
  { table: 'listing', key: 'demand_id', remap: {} },
  { table: 'achievement', key: 'id', remap: {} },
  { table: 'bid', key: 'id', remap: { demand_id: 'listing' } },
  { table: 'award', key: 'demand_id', map: 'listing', remap: {} },
  { table: 'engagement', key: 'id', remap: { demand_id: 'listing', bid_id: 'bid' } },
  { table: 'matchmaking', key: 'id', remap: { demand_id: 'listing', achievement_id: 'achievement' } },
  {
    table: 'conversion',
    key: 'id',
    remap: { demand_id: 'listing', bid_id: 'bid', engagement_id: 'engagement', achievement_id: 'achievement' },
  },
];

const MILESTONES = [
  { title: '完成小试工艺验证', dueDate: '2027-06-30', paymentShare: 40 },
  { title: '完成中试并通过验收', dueDate: '2027-12-31', paymentShare: 60 },
];
const MEMBERS = [{ name: '王建华', title: '研究员', role: '负责人' }];
const APPROACH = '采用小试、中试两阶段技术路线，先完成关键工艺参数优化，再在企业产线上验证全部指标并形成工艺规范。';
const BUDGET = 200;
const DURATION_MONTHS = 12;

const progress = (message: string) => process.stderr.write(`[matching bench] ${message}\n`);

/** Bid i's (team, need): team i mod TEAMS, shifted one need further each round, so no pair repeats. */
const pair = (i: number): { team: number; need: number } => {
  const team = i % TEAMS;
  return { team, need: (team + Math.floor(i / TEAMS)) % NEEDS };
};

async function bootMarketplace(servers: BenchServers): Promise<{ app: INestApplication; base: string }> {
  const app = await createServiceApp(marketplace, benchConfig(servers), {
    logger: createRootLogger({ level: 'warn', format: 'json', service: 'bench' }),
  });
  await app.listen(0, '127.0.0.1');
  return { app, base: await app.getUrl() };
}

/**
 * Matching: bid submissions through the API under concurrent load beside single-row inserts of the
 * same rows through pg; then GET /api/v1/stats/funnel on the demo data and on SCALE× its matching rows.
 */
export async function matchingBench(): Promise<void> {
  const runStarted = performance.now();
  await bidBench();
  await funnelBench();
  console.log(`\nmatching bench wall time: ${((performance.now() - runStarted) / 1000).toFixed(0)} s`);
}

export async function bidBench(): Promise<void> {
  const servers = await benchServers();
  let app: INestApplication | undefined;
  const pool = new pg.Pool({ connectionString: servers.databaseUrl, max: 4 });
  try {
    const booted = await bootMarketplace(servers);
    app = booted.app;
    const { admin, owner } = await benchPrincipals(app);
    const demands = app.get(DemandsService);
    const batches = app.get(BatchesService);
    const tokens = app.get(TokenService);

    progress(`publishing ${NEEDS} needs and registering ${TEAMS} teams`);
    const ids: string[] = [];
    for (const need of buildNeeds().slice(0, NEEDS)) {
      const { enterpriseKey: _key, batch: _batch, ...fields } = need;
      const draft = await demands.create(fields, { principal: owner });
      await demands.submit(draft.id, { principal: owner });
      await demands.approve(draft.id, { principal: admin });
      ids.push(draft.id);
    }
    const batch = await batches.create(
      {
        title: `基准测试榜单（${NEEDS}项）`,
        releaseDate: '2026-12-01',
        venue: '基准测试',
        defaultBidDeadline: new Date(Date.now() + 365 * DAY).toISOString(),
      },
      { principal: admin },
    );
    await batches.addDemands(batch.id, ids);
    await batches.publish(batch.id, { principal: admin });

    const seeded = await app.get(AccountSeeder).ensure(
      Array.from({ length: TEAMS }, (_, n) => ({
        email: `team-${n + 1}@bench.local`,
        displayName: `团队${n + 1}负责人`,
        role: 'team' as const,
        organisation: { name: `基准测试研究所${n + 1}`, kind: 'institute' as const },
      })),
      'bench-password-123',
    );
    const teams: Principal[] = [...seeded.values()];
    const bearer = await Promise.all(teams.map(async (team) => `Bearer ${await tokens.signAccess(team)}`));

    // Submission already creates a listing, so wait for the events and then check each is open.
    await quiesce(app);
    const open = await pool.query<{ demand_id: string; indicator_names: string[] }>(
      `SELECT demand_id, indicator_names FROM matching.listing WHERE status = 'published' AND demand_id = ANY($1)`,
      [ids],
    );
    if (open.rows.length !== NEEDS) throw new Error(`only ${open.rows.length} of ${NEEDS} listings are published`);
    const needs = open.rows.map((row) => {
      const indicatorResponses = row.indicator_names.map((indicator) => ({
        indicator,
        response: `${indicator}满足榜单要求，验收时提供第三方检测报告`,
      }));
      return {
        id: row.demand_id,
        indicatorResponses: JSON.stringify(indicatorResponses),
        body: JSON.stringify({
          approach: APPROACH,
          indicatorResponses,
          milestones: MILESTONES,
          budget: BUDGET,
          durationMonths: DURATION_MONTHS,
          members: MEMBERS,
        }),
      };
    });

    // Every client runs on a worker thread, so the server keeps the main thread to itself; request i
    // of a path is bid i, and each round goes on where the last stopped, so no (team, need) repeats.
    const total = WARMUP + ROUNDS * BIDS;
    const api = await LoadWorker.start('http', {
      expect: 201,
      requests: Array.from({ length: total }, (_, i) => {
        const { team, need } = pair(i);
        return {
          url: `${booted.base}/api/v1/demands/${needs[need].id}/bids`,
          method: 'POST',
          headers: { authorization: bearer[team], 'content-type': 'application/json' },
          body: needs[need].body,
        };
      }),
    });

    // The same rows by hand for teams of their own (team_organisation_id has no foreign key), so
    // the one-active-bid index accepts them. Two raw paths: the same durable work as the API in one
    // transaction (the limit), and a bare INSERT per transaction (a floor no real write reaches).
    const rawBids = (): RawBid[] => {
      const rawTeams = Array.from({ length: TEAMS }, () => ({ organisationId: randomUUID(), userId: randomUUID() }));
      return Array.from({ length: total }, (_, i) => {
        const { team, need } = pair(i);
        const { organisationId, userId } = rawTeams[team];
        return {
          demandId: needs[need].id,
          organisationId,
          userId,
          values: [
            needs[need].id,
            organisationId,
            userId,
            APPROACH,
            needs[need].indicatorResponses,
            JSON.stringify(MILESTONES),
            BUDGET,
            DURATION_MONTHS,
            JSON.stringify(MEMBERS),
          ],
        };
      });
    };
    const txBids = rawBids();
    const insertBids = rawBids();
    const sameWork = await LoadWorker.start('bidSameWork', {
      databaseUrl: servers.databaseUrl,
      poolMax: CONCURRENCY,
      queues: EVENT_TOPOLOGY['matching.bid_submitted'].map((consumer) => queueName(consumer, 'matching.bid_submitted')),
      bids: txBids,
    });
    const bareInsert = await LoadWorker.start('bidInsert', {
      databaseUrl: servers.databaseUrl,
      poolMax: CONCURRENCY,
      bids: insertBids,
    });

    const paths = [
      { name: 'HTTP API POST /api/v1/demands/:id/bids (checks, bid + audit + event, view)', worker: api },
      {
        name: 'raw pg: the same work in one transaction (lock, bid, audit, jobs, log) — the limit',
        worker: sameWork,
      },
      { name: 'raw pg: a bare INSERT per transaction — a floor', worker: bareInsert },
    ];
    progress(`${WARMUP} warm-up bids per path, then ${ROUNDS} rounds of ${BIDS} per path`);
    for (const path of paths) await path.worker.run({ concurrency: CONCURRENCY, total: WARMUP, offset: 0 });
    const results = paths.map(() => [] as WorkerResult[]);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [index, path] of paths.entries()) {
        // The notifications and index updates the previous path's events cause must not overlap a measurement.
        await quiesce(app);
        results[index].push(
          await path.worker.run({ concurrency: CONCURRENCY, total: BIDS, offset: WARMUP + round * BIDS }),
        );
      }
    }
    await quiesce(app);
    await Promise.all(paths.map((path) => path.worker.close()));
    const { failures } = results[0][ROUNDS - 1]; // counted since the worker started

    const stored = await pool.query<{ api: string; tx: string; raw: string }>(
      `SELECT count(*) FILTER (WHERE team_organisation_id = ANY($1)) AS api,
              count(*) FILTER (WHERE team_organisation_id = ANY($2)) AS tx,
              count(*) FILTER (WHERE team_organisation_id = ANY($3)) AS raw
         FROM matching.bid WHERE status = 'submitted'`,
      [
        teams.map((team) => team.organisationId),
        txBids.map((bid) => bid.organisationId),
        insertBids.map((bid) => bid.organisationId),
      ],
    );
    const summary = results.map((rounds) => ({
      throughput: median(rounds.map((r) => r.throughput)),
      p50: median(rounds.map((r) => r.p50)),
      p95: median(rounds.map((r) => r.p95)),
      p99: median(rounds.map((r) => r.p99)),
      all: rounds.map((r) => r.throughput.toFixed(0)).join(' / '),
    }));
    const [, limit, floor] = summary;
    table(
      `Bid submission on ${cpus} cores: ${ROUNDS} rounds × ${BIDS} bids per path (medians of the rounds), each a distinct (team, need) pair over ${TEAMS} teams × ${NEEDS} needs, ${CONCURRENCY} concurrent clients, after ${WARMUP} warm-up bids per path (submitted rows stored: API ${stored.rows[0].api}, same-work ${stored.rows[0].tx}, bare insert ${stored.rows[0].raw})`,
      [
        'path',
        'bids/s',
        'rounds bids/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'non-201',
        '÷ limit bids/s',
        '÷ floor bids/s',
        'p95 ÷ limit',
      ],
      paths.map((path, index) => [
        path.name,
        summary[index].throughput,
        summary[index].all,
        summary[index].p50,
        summary[index].p95,
        summary[index].p99,
        index === 0 ? String(failures.count) : '-',
        summary[index].throughput / limit.throughput,
        summary[index].throughput / floor.throughput,
        summary[index].p95 / limit.p95,
      ]),
    );
    if (failures.count > 0) throw new Error(`${failures.count} bids were refused; the first: ${failures.first}`);
  } finally {
    await pool.end();
    await app?.close();
    await servers.stop();
  }
}

export async function funnelBench(): Promise<void> {
  const servers = await benchServers();
  let app: INestApplication | undefined;
  const pool = new pg.Pool({ connectionString: servers.databaseUrl, max: 4 });
  try {
    const booted = await bootMarketplace(servers);
    app = booted.app;
    const { admin } = await benchPrincipals(app);
    const bearer = `Bearer ${await app.get(TokenService).signAccess(admin)}`;

    progress('seeding the demo data');
    const seedStarted = performance.now();
    const report = await app.get(DemoSeeder).seed();
    await quiesce(app);
    const listed = await app.get(ListingsService).count();
    if (listed < report.needs) throw new Error(`matching lists ${listed} of the demo's ${report.needs} needs`);
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const rowCounts = async (): Promise<number[]> => {
      const counts: number[] = [];
      for (const { table: name } of MULTIPLIED) {
        const result = await pool.query<{ count: string }>(`SELECT count(*) FROM matching.${name}`);
        counts.push(Number(result.rows[0].count));
      }
      return counts;
    };

    const timeFunnel = async (data: string): Promise<Array<Array<string | number>>> => {
      // Fresh statistics and visibility map, so that no size waits for autovacuum mid-measurement.
      await pool.query('VACUUM ANALYZE');
      const rows: Array<Array<string | number>> = [];
      for (const query of FUNNEL_QUERIES) {
        const times: number[] = [];
        let stages = '';
        for (let call = 0; call < FUNNEL_WARMUP + FUNNEL_CALLS; call += 1) {
          const started = performance.now();
          const response = await fetch(`${booted.base}/api/v1/stats/funnel${query}`, {
            headers: { authorization: bearer },
          });
          if (response.status !== 200) throw new Error(`GET /api/v1/stats/funnel answered ${response.status}`);
          const body = (await response.json()) as FunnelView;
          const ms = performance.now() - started;
          if (call >= FUNNEL_WARMUP) times.push(ms);
          stages = `${body.stages.map((stage) => stage.count).join(' → ')} (${body.bids} bids)`;
        }
        const sorted = [...times].sort((a, b) => a - b);
        rows.push([data, query || '(all)', median(times), percentile(sorted, 95), sorted[sorted.length - 1], stages]);
      }
      return rows;
    };

    const demoCounts = await rowCounts();
    const timings = await timeFunnel('demo');

    progress(`multiplying matching's rows ${SCALE}×`);
    const multiplyStarted = performance.now();
    await multiply(pool);
    const multiplySeconds = (performance.now() - multiplyStarted) / 1000;
    const scaledCounts = await rowCounts();
    timings.push(...(await timeFunnel(`demo × ${SCALE}`)));

    table(
      `Matching rows: the demo data (seeded through the services in ${seedSeconds.toFixed(1)} s) and ${SCALE}× it (INSERT … SELECT with remapped keys in ${multiplySeconds.toFixed(1)} s)`,
      ['data', ...MULTIPLIED.map(({ table: name }) => name)],
      [
        ['demo', ...demoCounts.map(String)],
        [`demo × ${SCALE}`, ...scaledCounts.map(String)],
      ],
    );
    table(
      `GET /api/v1/stats/funnel as admin, ${FUNNEL_CALLS} calls one after another after ${FUNNEL_WARMUP} warm-up calls (database vacuumed and analysed first)`,
      ['data', 'query', 'median ms', 'p95 ms', 'max ms', 'stages collected → … → converted'],
      timings,
    );
  } finally {
    await pool.end();
    await app?.close();
    await servers.stop();
  }
}

/** Adds SCALE-1 copies of every row of MULTIPLIED, in one transaction. */
export async function multiply(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const { table: name, key, map = name, remap } of MULTIPLIED) {
      if (map === name) {
        await client.query(
          `CREATE TEMP TABLE copy_${map} ON COMMIT DROP AS
           SELECT t.${key} AS old, c.n, gen_random_uuid() AS new
             FROM matching.${name} t CROSS JOIN generate_series(1, $1::int) AS c(n)`,
          [SCALE - 1],
        );
        await client.query(`CREATE INDEX ON copy_${map} (old, n)`);
        await client.query(`ANALYZE copy_${map}`);
      }
      const columns = await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_schema = 'matching' AND table_name = $1 AND is_generated = 'NEVER' AND is_identity = 'NO'
          ORDER BY ordinal_position`,
        [name],
      );
      const names = columns.rows.map((c) => c.column_name);
      const values = names.map((column) =>
        column === key ? 'k.new' : remap[column] ? `r_${column}.new` : `t.${column}`,
      );
      const joins = Object.entries(remap).map(
        ([column, target]) =>
          `LEFT JOIN copy_${target} r_${column} ON r_${column}.old = t.${column} AND r_${column}.n = k.n`,
      );
      await client.query(
        `INSERT INTO matching.${name} (${names.join(', ')})
         SELECT ${values.join(', ')} FROM matching.${name} t JOIN copy_${map} k ON k.old = t.${key} ${joins.join(' ')}`,
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

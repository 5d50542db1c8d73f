import { availableParallelism } from 'node:os';
import type { INestApplication } from '@nestjs/common';
import { EVENT_TOPOLOGY, INDUSTRIES } from '@jiebang/contracts';
import { BatchesService, DemandsService } from '@jiebang/demand';
import { buildNeeds } from '@jiebang/demo';
import { createRootLogger, createServiceApp } from '@jiebang/platform';
import pg from 'pg';
import { marketplace } from '../apps/marketplace/src/marketplace.definition';
import {
  benchConfig,
  benchPrincipals,
  benchServers,
  LoadWorker,
  median,
  quiesce,
  roundsSummary,
  table,
  type WorkerResult,
} from './harness';

const ROUNDS = 5;
const CONCURRENCY = 16;
const SECONDS = 5;
/** Rounds of the list load, API and raw SQL alternating, so both meet the same machine. */
const LIST_ROUNDS = 5;

/**
 * Demand: publishing a 446-need batch through the service (locks, checks, bulk update, audit,
 * one event per need) beside the same state change in raw SQL; and GET /api/v1/demands under
 * concurrent load beside the same query sent straight to PostgreSQL.
 */
export async function demandBench(): Promise<void> {
  const servers = await benchServers();
  let app: INestApplication | undefined;
  const pool = new pg.Pool({ connectionString: servers.databaseUrl, max: 10 });
  try {
    const config = benchConfig(servers);
    // Route demand's events to the consumers that will take them (search, matching), so each
    // publication really writes one job per need and consumer, as it will in production.
    const demandEvents = ['demand.published', 'demand.updated', 'demand.withdrawn', 'demand.status_changed'];
    const topology = {
      ...EVENT_TOPOLOGY,
      ...Object.fromEntries(demandEvents.map((type) => [type, ['search', 'matching']])),
    };
    app = await createServiceApp(marketplace, config, {
      logger: createRootLogger({ level: 'warn', format: 'json', service: 'bench' }),
      topology,
    });
    await app.listen(0, '127.0.0.1');
    const base = await app.getUrl();

    const { admin, owner } = await benchPrincipals(app);
    const demands = app.get(DemandsService);
    const batches = app.get(BatchesService);

    const setupStarted = performance.now();
    const ids: string[] = [];
    for (const need of buildNeeds()) {
      const { enterpriseKey: _key, batch: _batch, ...fields } = need;
      const draft = await demands.create(fields, { principal: owner });
      await demands.submit(draft.id, { principal: owner });
      await demands.approve(draft.id, { principal: admin });
      ids.push(draft.id);
    }
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    const deadline = new Date(Date.now() + 90 * 24 * 3600 * 1000);

    const reset = async (batchId: string) => {
      await pool.query(
        `UPDATE demand.demand SET status = 'approved', published_at = NULL, bid_deadline = NULL WHERE batch_id = $1`,
        [batchId],
      );
      await pool.query(`UPDATE demand.batch SET status = 'draft', published_at = NULL WHERE id = $1`, [batchId]);
    };
    const batch = await batches.create(
      {
        title: '基准测试榜单（446项）',
        releaseDate: '2026-12-01',
        venue: '基准测试',
        defaultBidDeadline: deadline.toISOString(),
      },
      { principal: admin },
    );
    await batches.addDemands(batch.id, ids);

    const serviceTimes: number[] = [];
    const rawTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      let started = performance.now();
      await batches.publish(batch.id, { principal: admin });
      serviceTimes.push(performance.now() - started);
      await reset(batch.id);

      // The same state change by hand: lock, update, audit, mark the batch — no checks, no events.
      const client = await pool.connect();
      started = performance.now();
      try {
        await client.query('BEGIN');
        await client.query('SELECT id FROM demand.batch WHERE id = $1 FOR UPDATE', [batch.id]);
        await client.query('SELECT id FROM demand.demand WHERE batch_id = $1 ORDER BY id FOR UPDATE', [batch.id]);
        await client.query(
          `UPDATE demand.demand SET status = 'published', published_at = now(), updated_at = now(),
                  bid_deadline = COALESCE(bid_deadline, $2), version = version + 1
            WHERE batch_id = $1 AND status = 'approved'`,
          [batch.id, deadline],
        );
        await client.query(
          `INSERT INTO demand.transition (demand_id, action, from_status, to_status, actor_id, actor_role, at)
           SELECT id, 'publish', 'approved', 'published', $2, 'admin', now() FROM demand.demand WHERE batch_id = $1`,
          [batch.id, admin.userId],
        );
        await client.query(`UPDATE demand.batch SET status = 'published', published_at = now() WHERE id = $1`, [
          batch.id,
        ]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      rawTimes.push(performance.now() - started);
      if (round < ROUNDS - 1) await reset(batch.id);
    }
    const serviceMs = median(serviceTimes);
    const rawMs = median(rawTimes);
    table(
      `Publish a ${ids.length}-need batch (median of ${ROUNDS}; setup of ${ids.length} approved needs through the service took ${setupSeconds.toFixed(1)} s)`,
      ['path', 'ms', 'needs/s', 'ratio'],
      [
        [
          'service (checks, bulk update, audit, 2 event jobs/need)',
          serviceMs,
          (ids.length / serviceMs) * 1000,
          serviceMs / rawMs,
        ],
        ['raw SQL via pg (update + audit only)', rawMs, (ids.length / rawMs) * 1000, 1],
      ],
    );

    // The list statement as the repository sends it for page N of all published needs, newest first:
    // the page's ids and the total from one scan, then the page's public views as one JSON array's
    // text; and the count the repository sends after it for a page past the end.
    const effective = `CASE WHEN d.status = 'published' AND d.bid_deadline <= now() THEN 'bidding_closed' ELSE d.status END`;
    const order = 'd.published_at DESC NULLS LAST, d.created_at DESC, d.id';
    const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    const listSql = `
      SELECT coalesce(json_agg(json_build_object(
               'id', d.id, 'code', d.code, 'title', d.title, 'summary', d.summary, 'background', d.background,
               'indicators', d.indicators, 'outcomeForm', d.outcome_form, 'industry', d.industry, 'keywords', d.keywords,
               'district', d.district, 'bountyMin', d.bounty_min::float8, 'bountyMax', d.bounty_max::float8,
               'cooperationMode', d.cooperation_mode, 'awardMode', d.award_mode, 'awardLeads', d.award_leads,
               'bidDeadline', ${iso('d.bid_deadline')}, 'status', ${effective}, 'publishedAt', ${iso('d.published_at')},
               'owner', json_build_object('id', d.owner_organisation_id, 'name', o.name),
               'batch', CASE WHEN d.batch_id IS NOT NULL THEN json_build_object('id', d.batch_id, 'title', coalesce(b.title, '')) END)
             ORDER BY ${order}), '[]')::text AS items, max(page.total_count) AS total_count
        FROM demand.demand d
        LEFT JOIN demand.organisation_directory o ON o.id = d.owner_organisation_id
        LEFT JOIN demand.batch b ON b.id = d.batch_id
        JOIN (SELECT d.id, count(*) OVER () AS total_count FROM demand.demand d
               WHERE ($2::text IS NULL OR d.industry = $2) AND ${effective} = ANY($1::text[])
               ORDER BY ${order} LIMIT 20 OFFSET $3) page ON page.id = d.id`;
    const countSql = `SELECT count(*) AS total FROM demand.demand d
      WHERE ($2::text IS NULL OR d.industry = $2) AND ${effective} = ANY($1::text[])`;
    const statuses = ['published', 'bidding_closed', 'awarded', 'in_progress', 'completed', 'unclaimed'];
    const pick = (i: number) => ({
      page: (i % 10) + 1,
      industry: i % 3 === 0 ? INDUSTRIES[i % INDUSTRIES.length] : null,
    });

    // Both paths' clients run on worker threads, so the server keeps the main thread to itself.
    const PERIOD = 30; // pick(i) repeats every 30 requests
    const apiLoad = await LoadWorker.start('http', {
      expect: 200,
      requests: Array.from({ length: PERIOD }, (_, i) => {
        const { page, industry } = pick(i);
        return { url: `${base}/api/v1/demands?page=${page}&pageSize=20${industry ? `&industry=${industry}` : ''}` };
      }),
    });
    const rawLoad = await LoadWorker.start('sql', {
      databaseUrl: servers.databaseUrl,
      poolMax: 10,
      calls: Array.from({ length: PERIOD }, (_, i) => {
        const { page, industry } = pick(i);
        // Past the end of a filter the page is empty: the repository counts the total apart.
        const ifEmpty = page > 1 ? { text: countSql, values: [statuses, industry] } : undefined;
        return [{ text: listSql, values: [statuses, industry, (page - 1) * 20], ifEmpty }];
      }),
    });
    const apiRound = () => apiLoad.run({ concurrency: CONCURRENCY, seconds: SECONDS, offset: 0 });
    const rawRound = () => rawLoad.run({ concurrency: CONCURRENCY, seconds: SECONDS, offset: 0 });
    // The publications' events are handled first: the consumers' work must not fall on the list rounds.
    await quiesce(app, topology);
    await apiRound(); // warm-up: JIT, plans, connections
    await rawRound();
    const apiRounds: WorkerResult[] = [];
    const rawRounds: WorkerResult[] = [];
    for (let round = 0; round < LIST_ROUNDS; round += 1) {
      apiRounds.push(await apiRound());
      rawRounds.push(await rawRound());
    }
    await Promise.all([apiLoad.close(), rawLoad.close()]);
    const { failures } = apiRounds[apiRounds.length - 1]; // counted since the worker started
    if (failures.count > 0) throw new Error(`${failures.count} list requests failed; the first: ${failures.first}`);
    const api = roundsSummary(apiRounds);
    const raw = roundsSummary(rawRounds);
    table(
      `GET /api/v1/demands on ${availableParallelism()} cores (20 per page, pages 1-10, a third filtered by industry) — ${CONCURRENCY} concurrent clients, ${LIST_ROUNDS} alternating rounds of ${SECONDS} s per path, medians of the rounds`,
      ['path', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'p95 ratio', 'req/s ratio'],
      [
        [
          'HTTP API (validation, auth guard, JSON)',
          api.requests,
          api.throughput,
          api.p50,
          api.p95,
          api.p99,
          api.p95 / raw.p95,
          api.throughput / raw.throughput,
        ],
        ['raw SQL via pg (the same statements)', raw.requests, raw.throughput, raw.p50, raw.p95, raw.p99, 1, 1],
      ],
    );
  } finally {
    await pool.end();
    await app?.close();
    await servers.stop();
  }
}

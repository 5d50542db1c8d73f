import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { INestApplication } from '@nestjs/common';
import { DISTRICTS, type EventType, INDUSTRIES, type Industry, PUBLIC_DEMAND_STATUSES } from '@jiebang/contracts';
import { BatchesService, DemandsService } from '@jiebang/demand';
import { buildNeeds, DemoSeeder, ENTERPRISES } from '@jiebang/demo';
import { createRootLogger, createServiceApp, EventBus, MEILI_CLIENT } from '@jiebang/platform';
import { DEMAND_HIT_ATTRIBUTES, IndexSync, SearchOperations } from '@jiebang/search';
import type { Meilisearch, SearchParams } from 'meilisearch';
import pg from 'pg';
import { marketplace } from '../apps/marketplace/src/marketplace.definition';
import {
  benchConfig,
  benchPrincipals,
  benchServers,
  cpuSeconds,
  type LoadResult,
  type ProcessCpu,
  LoadWorker,
  median,
  roundsSummary,
  table,
} from './harness';

/** Size of the synthetic catalogue (on 2 cores Meilisearch indexes Chinese text at ~300-600 docs/s). */
const LARGE_CATALOGUE = 100_000;
const CONCURRENCY = 16;
const SECONDS = 20;
/** Each path's SECONDS are split into this many rounds, run alternately. */
const ROUNDS = 5;
const PAGE_SIZE = 20;
/** Needs published one per batch for the single-publish lag. */
const SINGLE_PUBLISHES = 20;
const POLL_MS = 25;
const LAG_TIMEOUT_MS = 120_000;
/** Rows per INSERT into search.document. */
const INSERT_ROWS = 2000;

const DAY = 24 * 3600 * 1000;
const DEMAND_EVENTS: EventType[] = ['demand.published', 'demand.updated', 'demand.status_changed', 'demand.withdrawn'];

interface BenchQuery {
  q: string;
  industry?: Industry;
  open?: boolean;
}

/** What visitors type: topic words, codes, numbers, mixed Chinese/Latin, two-word queries, filters, nothing. */
const QUERIES: BenchQuery[] = [
  { q: '钕铁硼' },
  { q: '回旋加速器' },
  { q: '北斗 高精度定位' },
  { q: '无人机' },
  { q: '锂离子电池' },
  { q: 'TFT' },
  { q: '8.6代' },
  { q: '光伏' },
  { q: '白酒' },
  { q: '集成电路' },
  { q: '激光' },
  { q: '生物医药' },
  { q: '碳化硅' },
  { q: '储能' },
  { q: '传感器' },
  { q: '芯片 封装' },
  { q: 'OLED' },
  { q: '同位素' },
  { q: '飞控' },
  { q: '稀土 永磁' },
  { q: '发酵' },
  { q: '焊接 机器人' },
  { q: '辐照' },
  { q: '5G' },
  { q: '激光', industry: 'laser_technology' },
  { q: '电机', industry: 'equipment_manufacturing' },
  { q: '无人机', open: true },
  { q: '北斗', industry: 'beidou_navigation', open: true },
  { q: '', open: true },
  { q: '' },
];

// The highlight markers SearchService asks for; the direct query sends the very same request.
const PRE = '\u0001';
const POST = '\u0002';

const apiUrl = (base: string, query: BenchQuery, page: number): string => {
  const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (query.q) params.set('q', query.q);
  if (query.industry) params.set('industry', query.industry);
  if (query.open) params.set('status', 'published');
  return `${base}/api/v1/search/demands?${params.toString()}`;
};

/** The Meilisearch request SearchService builds for the same parameters (filter, sort, facets, fields, highlight, crop). */
const directParams = (query: BenchQuery, page: number): SearchParams & { page: number; hitsPerPage: number } => {
  const nowTs = Math.floor(Date.now() / 1000);
  const clauses: string[] = [];
  if (query.industry) clauses.push(`industry IN ["${query.industry}"]`);
  clauses.push(
    query.open
      ? `((status = "published" AND bidDeadlineTs >= ${nowTs + 1}))`
      : `((status IN [${PUBLIC_DEMAND_STATUSES.map((s) => `"${s}"`).join(', ')}]))`,
  );
  return {
    filter: clauses.join(' AND '),
    sort: query.q ? undefined : ['publishedAtTs:desc'],
    page,
    hitsPerPage: PAGE_SIZE,
    facets: ['industry', 'district', 'cooperationMode', 'status'],
    attributesToRetrieve: [...DEMAND_HIT_ATTRIBUTES],
    attributesToHighlight: ['title', 'summary'],
    highlightPreTag: PRE,
    highlightPostTag: POST,
    attributesToCrop: ['summary'],
    cropLength: 60,
  };
};

/** Query i of the load: every query in turn, pages 1 and 2. */
const pick = (i: number): { query: BenchQuery; page: number } => ({
  query: QUERIES[i % QUERIES.length],
  page: (Math.floor(i / QUERIES.length) % 2) + 1,
});

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

/**
 * One path's rounds from its worker thread: the API and the direct path alternate rounds, so that
 * drift (background merges, caches, the other process's GC) falls on both alike.
 */
class Rounds {
  readonly results: LoadResult[] = [];
  /** CPU seconds spent during the rounds: this process (API, load worker, consumers) and Meilisearch. */
  private readonly cpu = { self: 0, meili: 0 as number | null };
  private counter = 0;

  constructor(
    private readonly worker: LoadWorker,
    private readonly cpuNow: () => { self: number; meili: ProcessCpu | null },
  ) {}

  async run(): Promise<void> {
    const before = this.cpuNow();
    const round = await this.worker.run({ concurrency: CONCURRENCY, seconds: SECONDS / ROUNDS, offset: this.counter });
    const after = this.cpuNow();
    if (round.failures.count > 0)
      throw new Error(`${round.failures.count} searches failed; the first: ${round.failures.first}`);
    this.counter += round.requests;
    this.results.push(round);
    this.cpu.self += after.self - before.self;
    // Unknown off Linux, and across a Meilisearch restart (its counters start again).
    const sameMeili = before.meili !== null && after.meili !== null && before.meili.pid === after.meili.pid;
    this.cpu.meili =
      this.cpu.meili === null || !sameMeili ? null : this.cpu.meili + after.meili!.seconds - before.meili!.seconds;
  }

  /** Milliseconds of CPU per request: this process, Meilisearch (null when unknown) and both. */
  cpuPerRequest(): { self: number | null; meili: number | null; total: number | null } {
    const requests = this.results.reduce((sum, round) => sum + round.requests, 0);
    if (requests === 0) return { self: null, meili: null, total: null };
    const self = (this.cpu.self * 1000) / requests;
    const meili = this.cpu.meili === null ? null : (this.cpu.meili * 1000) / requests;
    return { self, meili, total: meili === null ? null : self + meili };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const progress = (label: string) => (message: string) => process.stderr.write(`[search bench] ${label}: ${message}\n`);

/** `demoOnly`: the load on the demo catalogue and nothing after it (a minute instead of several). */
export async function searchBench({ demoOnly = false } = {}): Promise<void> {
  const runStarted = performance.now();
  const log = progress('setup');
  const servers = await benchServers();
  let app: INestApplication | undefined;
  const pool = new pg.Pool({ connectionString: servers.databaseUrl, max: 4 });
  try {
    const config = benchConfig(servers);
    // The default topology (EVENT_TOPOLOGY): demand events go to the search consumer only.
    const nest = await createServiceApp(marketplace, config, {
      logger: createRootLogger({ level: 'warn', format: 'json', service: 'bench' }),
    });
    app = nest;
    await nest.listen(0, '127.0.0.1');
    const base = await nest.getUrl();
    const meili = nest.get<Meilisearch>(MEILI_CLIENT);
    const indexName = `${config.search.indexPrefix}demands`;
    const index = meili.index(indexName);
    const sync = nest.get(IndexSync);
    const operations = nest.get(SearchOperations);
    const bus = nest.get(EventBus);

    const indexSize = async (): Promise<number> => (await index.getStats()).numberOfDocuments;

    /** Waits until the search consumer has no demand event left and every stored version is indexed. */
    const quiesce = async (): Promise<void> => {
      for (;;) {
        const backlogs = await Promise.all(DEMAND_EVENTS.map((type) => bus.backlog('search', type)));
        if (backlogs.every((b) => b.pending === 0)) break;
        await sleep(100);
      }
      await sync.drain();
    };

    // ---- 1. the 446-need demo catalogue, through the real services and events ----
    log('seeding the demo catalogue');
    let started = performance.now();
    await nest.get(DemoSeeder).seed();
    await quiesce();
    const seedSeconds = (performance.now() - started) / 1000;
    const smallDocs = await indexSize();
    log(`${smallDocs} documents searchable ${seedSeconds.toFixed(1)} s after the seed started`);

    started = performance.now();
    const smallReindex = await operations.reindex('demand');
    const smallReindexSeconds = (performance.now() - started) / 1000;

    const searchLoad = async (label: string): Promise<{ api: Rounds; direct: Rounds; check: string }> => {
      // Sanity: both paths see the same totals, and most queries find something.
      let agree = 0;
      const empty: string[] = [];
      for (const query of QUERIES) {
        const response = await fetch(apiUrl(base, query, 1));
        if (!response.ok) throw new Error(`GET /api/v1/search/demands answered ${response.status}`);
        const body = (await response.json()) as { total: number };
        const direct = await index.search(query.q, directParams(query, 1));
        if (body.total === direct.totalHits) agree += 1;
        if (body.total === 0)
          empty.push(
            `${query.q || '(empty)'}${query.industry ? `+${query.industry}` : ''}${query.open ? '+open' : ''}`,
          );
      }
      // Both paths' clients run on worker threads; request i is pick(i), which repeats every PERIOD.
      const PERIOD = QUERIES.length * 2;
      const apiWorker = await LoadWorker.start('http', {
        expect: 200,
        requests: Array.from({ length: PERIOD }, (_, i) => {
          const { query, page } = pick(i);
          return { url: apiUrl(base, query, page) };
        }),
      });
      const directWorker = await LoadWorker.start('meiliSearch', {
        url: config.meili.url,
        apiKey: config.meili.apiKey,
        index: indexName,
        searches: Array.from({ length: PERIOD }, (_, i) => {
          const { query, page } = pick(i);
          return { q: query.q, params: directParams(query, page) };
        }),
      });
      // Warm-up, so that neither path pays for a cold index, a cold client or cold code.
      await apiWorker.run({ concurrency: CONCURRENCY, seconds: 2, offset: 0 });
      await directWorker.run({ concurrency: CONCURRENCY, seconds: 2, offset: 0 });
      progress(label)(`API and Meilisearch under load, alternating ${ROUNDS} rounds of ${SECONDS / ROUNDS} s each`);
      const api = new Rounds(apiWorker, () => cpuSeconds(servers));
      const direct = new Rounds(directWorker, () => cpuSeconds(servers));
      for (let round = 0; round < ROUNDS; round += 1) {
        await api.run();
        await direct.run();
      }
      await Promise.all([apiWorker.close(), directWorker.close()]);
      const check = `${QUERIES.length - empty.length}/${QUERIES.length} find needs${empty.length > 0 ? ` (none: ${empty.join(', ')})` : ''}; API and direct totals agree on ${agree}`;
      return { api, direct, check };
    };

    const printLoad = (title: string, result: { api: Rounds; direct: Rounds; check: string }) => {
      const [api, direct] = [roundsSummary(result.api.results), roundsSummary(result.direct.results)];
      const byRound = (metric: 'p95' | 'throughput') =>
        result.api.results.map((round, i) => (round[metric] / result.direct.results[i][metric]).toFixed(2)).join(' / ');
      table(
        `${title} on ${availableParallelism()} cores — ${QUERIES.length} queries (${result.check}), pages 1-2 of ${PAGE_SIZE}, ${CONCURRENCY} clients, ${ROUNDS} alternating rounds of ${SECONDS / ROUNDS} s per path, medians of the rounds`,
        [
          'path',
          'requests',
          'req/s',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'p95 ratio',
          'req/s ratio',
          'rounds p95 ratio',
          'rounds req/s ratio',
        ],
        [
          [
            'HTTP API GET /api/v1/search/demands',
            api.requests,
            api.throughput,
            api.p50,
            api.p95,
            api.p99,
            api.p95 / direct.p95,
            api.throughput / direct.throughput,
            byRound('p95'),
            byRound('throughput'),
          ],
          [
            'Meilisearch direct (same request)',
            direct.requests,
            direct.throughput,
            direct.p50,
            direct.p95,
            direct.p99,
            1,
            1,
            '-',
            '-',
          ],
        ],
      );
      // With every core busy, req/s is about the inverse of a request's CPU: the API's extra CPU sets its ratio.
      const [apiCpu, directCpu] = [result.api.cpuPerRequest(), result.direct.cpuPerRequest()];
      const cell = (ms: number | null) => (ms === null ? 'n/a' : ms);
      table(
        `${title}: CPU per request over the rounds (ms; this process is the API, its event consumers and the load worker)`,
        ['path', 'this process', 'Meilisearch', 'both', 'req/s ratio if the cores are the limit'],
        [
          [
            'HTTP API',
            cell(apiCpu.self),
            cell(apiCpu.meili),
            cell(apiCpu.total),
            apiCpu.total && directCpu.total ? directCpu.total / apiCpu.total : 'n/a',
          ],
          ['Meilisearch direct', cell(directCpu.self), cell(directCpu.meili), cell(directCpu.total), 1],
        ],
      );
    };

    const small = await searchLoad('446 catalogue');
    printLoad(`Search, ${smallDocs}-need demo catalogue`, small);
    if (demoOnly) return;

    // ---- 3. publish-to-searchable lag, needs created through the services ----
    const { admin, owner } = await benchPrincipals(nest);
    const demands = nest.get(DemandsService);
    const batches = nest.get(BatchesService);

    const approvedNeeds = async (count: number, tag: string): Promise<string[]> => {
      const seeds = buildNeeds();
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) {
        const { enterpriseKey: _key, batch: _batch, ...fields } = seeds[i % seeds.length];
        const draft = await demands.create(
          { ...fields, title: `${fields.title}（${tag}${i + 1}）` },
          { principal: owner },
        );
        await demands.submit(draft.id, { principal: owner });
        await demands.approve(draft.id, { principal: admin });
        ids.push(draft.id);
      }
      return ids;
    };
    const draftBatch = async (title: string, ids: string[]): Promise<string> => {
      const batch = await batches.create(
        {
          title,
          releaseDate: '2026-12-01',
          venue: '基准测试',
          defaultBidDeadline: new Date(Date.now() + 90 * DAY).toISOString(),
        },
        { principal: admin },
      );
      await batches.addDemands(batch.id, ids);
      return batch.id;
    };

    interface LagRow {
      scenario: string;
      size: number;
      lags: number[];
    }

    const singleLags = async (tag: string, size: number): Promise<LagRow> => {
      const ids = await approvedNeeds(SINGLE_PUBLISHES, tag);
      const batchIds: string[] = [];
      for (const [n, id] of ids.entries()) batchIds.push(await draftBatch(`${tag}榜单${n + 1}`, [id]));
      await quiesce();
      const lags: number[] = [];
      for (const [n, batchId] of batchIds.entries()) {
        await batches.publish(batchId, { principal: admin });
        const published = performance.now();
        for (;;) {
          const result = await index.search('', { filter: `id = "${ids[n]}"`, limit: 1, attributesToRetrieve: ['id'] });
          if (result.hits.length > 0) break;
          if (performance.now() - published > LAG_TIMEOUT_MS) throw new Error(`need ${ids[n]} never became searchable`);
          await sleep(POLL_MS);
        }
        lags.push(performance.now() - published);
        await sleep(200 + Math.random() * 300); // publications do not line up with the 0.5 s event poll
      }
      return { scenario: `${SINGLE_PUBLISHES} single-need batches, one at a time`, size, lags };
    };

    const batchLags = async (tag: string, size: number): Promise<LagRow> => {
      const count = buildNeeds().length;
      const ids = await approvedNeeds(count, tag);
      const batchId = await draftBatch(`${tag}榜单（${count}项）`, ids);
      await quiesce();
      const seen = new Map<string, number>();
      await batches.publish(batchId, { principal: admin });
      const published = performance.now();
      while (seen.size < count) {
        const result = await index.search('', {
          filter: `batchId = "${batchId}"`,
          page: 1,
          hitsPerPage: 1000,
          attributesToRetrieve: ['id'],
        });
        const now = performance.now() - published;
        for (const hit of result.hits) if (!seen.has(String(hit.id))) seen.set(String(hit.id), now);
        if (now > LAG_TIMEOUT_MS) throw new Error(`only ${seen.size} of ${count} needs became searchable`);
        if (seen.size < count) await sleep(POLL_MS);
      }
      return { scenario: `one ${count}-need batch (lag of each need)`, size, lags: [...seen.values()] };
    };

    const lagRows: LagRow[] = [];
    log('publish-to-searchable lag on the small index');
    lagRows.push(await singleLags('时延A', await indexSize()));
    lagRows.push(await batchLags('时延B', await indexSize()));

    // ---- 2. the synthetic large catalogue, straight into the document store, then a full rebuild ----
    log(`writing ${LARGE_CATALOGUE} synthetic documents to search.document`);
    started = performance.now();
    const seeds = buildNeeds();
    const owners = new Map(ENTERPRISES.map((e) => [e.key, { id: randomUUID(), name: e.name }]));
    const largeBatches = Array.from({ length: Math.ceil(LARGE_CATALOGUE / 500) }, () => randomUUID());
    const variants = ['二期', '升级', '配套', '示范线', '国产化', '中试', '产业化', '工程化', '扩产', '改造'];
    const nowMs = Date.now();
    const document = (i: number) => {
      const seed = seeds[i % seeds.length];
      const copy = Math.floor(i / seeds.length);
      const owner = owners.get(seed.enterpriseKey)!;
      const industry = copy > 0 && copy % 5 === 0 ? INDUSTRIES[(i + copy) % INDUSTRIES.length] : seed.industry;
      const district = copy === 0 ? seed.district : DISTRICTS[(i * 7 + copy) % DISTRICTS.length];
      const factor = 0.6 + ((i * 37) % 100) / 100;
      const bountyMin = Math.max(10, Math.round(seed.bountyMin * factor));
      const bountyMax = Math.max(bountyMin, Math.round(seed.bountyMax * factor));
      const publishedAt = new Date(nowMs - ((i * 7919) % 700) * DAY - (i % 86_400) * 1000);
      // Most are open: published with a deadline 1-180 days ahead; the rest in later public states.
      const slot = i % 20;
      const status =
        slot < 16 ? 'published' : (['bidding_closed', 'awarded', 'in_progress', 'unclaimed'] as const)[slot - 16];
      const deadline = slot < 16 ? new Date(nowMs + (1 + (i % 180)) * DAY) : new Date(publishedAt.getTime() + 60 * DAY);
      const ts = (date: Date) => Math.floor(date.getTime() / 1000);
      const title =
        copy === 0
          ? seed.title
          : `${seed.title}（${variants[copy % variants.length]}${Math.ceil(copy / variants.length)}）`;
      return {
        id: randomUUID(),
        version: 1,
        code: `MY-${publishedAt.getFullYear()}-${String(i + 1).padStart(6, '0')}`,
        title,
        summary: seed.summary,
        background: seed.background,
        keywords: seed.keywords,
        indicatorText: seed.indicators.map((x) => `${x.name} ${x.target}${x.unit}`).join('；'),
        indicators: seed.indicators,
        industry,
        district,
        cooperationMode: seed.cooperationMode,
        awardMode: seed.awardMode,
        awardLeads: seed.awardLeads,
        bountyMin,
        bountyMax,
        bidDeadline: deadline.toISOString(),
        bidDeadlineTs: ts(deadline),
        status,
        ownerOrganisationId: owner.id,
        ownerName: owner.name,
        batchId: largeBatches[Math.floor(i / 500)],
        publishedAt: publishedAt.toISOString(),
        publishedAtTs: ts(publishedAt),
      };
    };
    for (let from = 0; from < LARGE_CATALOGUE; from += INSERT_ROWS) {
      const rows = Array.from({ length: Math.min(INSERT_ROWS, LARGE_CATALOGUE - from) }, (_, k) => document(from + k));
      // indexed_version = version: the rebuild below indexes them; the live sync must not push them too.
      await pool.query(
        `INSERT INTO search.document (kind, id, version, body, deleted, indexed_version)
         SELECT 'demand', u.id, 1, u.body::jsonb, false, 1 FROM unnest($1::uuid[], $2::text[]) AS u(id, body)`,
        [rows.map((r) => r.id), rows.map((r) => JSON.stringify(r))],
      );
    }
    const insertSeconds = (performance.now() - started) / 1000;
    const storedBytes = Number(
      (
        await pool.query<{ bytes: string }>(
          `SELECT sum(pg_column_size(body)) AS bytes FROM search.document WHERE kind = 'demand'`,
        )
      ).rows[0].bytes,
    );
    log(`stored in ${insertSeconds.toFixed(1)} s; rebuilding the index`);

    started = performance.now();
    let lastReported = 0;
    const largeReindex = await operations.reindex('demand', (done) => {
      if (done - lastReported >= 10_000) {
        lastReported = done;
        const seconds = (performance.now() - started) / 1000;
        progress('reindex')(`${done} documents in ${seconds.toFixed(0)} s`);
      }
    });
    const largeReindexSeconds = (performance.now() - started) / 1000;
    await sync.drain();
    const largeDocs = await indexSize();
    const meiliBytes = (await meili.getStats()).databaseSize;

    table(
      'Full rebuild: SearchOperations.reindex (pages of 1000 from search.document into a fresh index, swap, drop)',
      ['catalogue', 'documents', 'seconds', 'docs/s'],
      [
        [
          `demo (seeded through services in ${seedSeconds.toFixed(1)} s)`,
          smallReindex.documents,
          smallReindexSeconds,
          smallReindex.documents / smallReindexSeconds,
        ],
        [
          `synthetic (written to PostgreSQL in ${insertSeconds.toFixed(1)} s, ${(storedBytes / 2 ** 20).toFixed(0)} MiB jsonb; Meilisearch db ${(meiliBytes / 2 ** 20).toFixed(0)} MiB)`,
          largeReindex.documents,
          largeReindexSeconds,
          largeReindex.documents / largeReindexSeconds,
        ],
      ],
    );

    const large = await searchLoad('large catalogue');
    printLoad(`Search, ${largeDocs}-need catalogue`, large);

    log('publish-to-searchable lag on the large index');
    lagRows.push(await singleLags('时延C', await indexSize()));
    lagRows.push(await batchLags('时延D', await indexSize()));

    table(
      `Publish-to-searchable lag: from BatchesService.publish returning to the need answering a direct Meilisearch filter (polled every ${POLL_MS} ms; events polled by pg-boss every 0.5 s)`,
      ['scenario', 'index docs', 'needs', 'first ms', 'p50 ms', 'p95 ms', 'last ms'],
      lagRows.map((row) => [
        row.scenario,
        row.size,
        String(row.lags.length),
        Math.min(...row.lags),
        median(row.lags),
        percentile(row.lags, 95),
        Math.max(...row.lags),
      ]),
    );
    console.log(`\nsearch bench wall time: ${((performance.now() - runStarted) / 1000).toFixed(0)} s`);
  } finally {
    await pool.end();
    await app?.close();
    await servers.stop();
  }
}

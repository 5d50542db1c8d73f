import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { INestApplication } from '@nestjs/common';
import { EVENT_TOPOLOGY, type EventTopology, type Principal } from '@jiebang/contracts';
import { AccountSeeder } from '@jiebang/identity';
import {
  type AppConfig,
  EventBus,
  freePort,
  meiliPidFile,
  startEmbeddedMeili,
  startEmbeddedPostgres,
} from '@jiebang/platform';
import type { WorkloadName, WorkloadParams } from './workloads';

export interface BenchServers {
  databaseUrl: string;
  meili: { url: string; apiKey: string };
  dataDir: string;
  /** Where the embedded Meilisearch keeps its pid (it restarts under a new one if it dies). */
  meiliPidFile: string;
  stop(): Promise<void>;
}

/** Fresh embedded PostgreSQL and Meilisearch in a temporary directory, for one benchmark run. */
export async function benchServers(): Promise<BenchServers> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'jiebang-bench-'));
  await chmod(dataDir, 0o755);
  const [pg, meili] = await Promise.all([
    startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'postgres'),
      port: await freePort(),
      database: 'jiebang',
      ephemeral: true,
    }),
    startEmbeddedMeili({
      dataDir: path.join(dataDir, 'meili'),
      port: await freePort(),
      masterKey: 'jiebang-bench-master-key',
    }),
  ]);
  return {
    databaseUrl: pg.url,
    meili: { url: meili.url, apiKey: meili.apiKey },
    dataDir,
    meiliPidFile: meiliPidFile(meili.dataDir),
    stop: async () => {
      await Promise.allSettled([pg.stop(), meili.stop()]);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** CPU seconds a process has used, with its pid: a restarted process starts counting again. */
export interface ProcessCpu {
  pid: string;
  seconds: number;
}

/**
 * CPU seconds used so far by this process (the API, its consumers and the load workers) and by the
 * embedded Meilisearch, read from /proc: null off Linux.
 */
export function cpuSeconds(servers: BenchServers): { self: number; meili: ProcessCpu | null } {
  const { user, system } = process.cpuUsage();
  return { self: (user + system) / 1e6, meili: processCpu(servers.meiliPidFile) };
}

/** Linux's USER_HZ, the unit of /proc's CPU times on every architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

function processCpu(pidFile: string): ProcessCpu | null {
  try {
    const pid = readFileSync(pidFile, 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // utime and stime, fields 14 and 15, counted after the command name (which may hold ") ").
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, seconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** The service configuration every benchmark runs with: quiet logs, no clock job, no rate limit to speak of. */
export function benchConfig(servers: BenchServers): AppConfig {
  return {
    env: 'test',
    serviceName: 'bench',
    port: 0,
    dataDir: servers.dataDir,
    databaseUrl: servers.databaseUrl,
    meili: servers.meili,
    jwt: { secret: 'bench-secret-that-is-long-enough-0123456789', accessTtlSeconds: 900, refreshTtlSeconds: 3600 },
    admin: null,
    log: { level: 'warn', format: 'json' },
    applyMigrationsAtStart: true,
    bodyLimitBytes: 1024 * 1024,
    trustProxy: 'loopback',
    authRateLimitPerMinute: 1000,
    events: { retryLimit: 2, retryDelaySeconds: 1, pollSeconds: 5 },
    demand: { unclaimedAfterDays: 90, clockCron: null },
    matching: { clockCron: null },
    mail: { smtpUrl: null, from: 'test <noreply@jiebang.test>' },
    notifications: { clockCron: null, digestDelaySeconds: 0, publicUrl: 'http://localhost:3000' },
    web: { dir: path.resolve('dist/web') },
    demo: { seedWhenEmpty: false },
    search: { dataDir: 'libs/search/data', indexPrefix: '' },
    storage: { s3: null, maxBytes: 20 * 1024 * 1024, linkTtlSeconds: 300, sweepCron: null },
  };
}

/** An office admin and one enterprise owner, created directly, to drive the services as. */
export async function benchPrincipals(app: INestApplication): Promise<{ admin: Principal; owner: Principal }> {
  const accounts = await app.get(AccountSeeder).ensure(
    [
      { email: 'admin@bench.local', displayName: '项目办', role: 'admin' },
      {
        email: 'ent@bench.local',
        displayName: '企业',
        role: 'enterprise',
        organisation: { name: '绵阳基准测试企业有限公司', kind: 'enterprise' },
      },
    ],
    'bench-password-123',
  );
  return { admin: accounts.get('admin@bench.local')!, owner: accounts.get('ent@bench.local')! };
}

export interface LoadResult {
  requests: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
  /** Every request's latency in ms, ascending. */
  latencies: number[];
}

/** The p-th percentile of values sorted ascending. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Closed-loop load: `concurrency` workers call `work` back to back for `seconds`; latencies in ms. */
export async function load(
  work: (i: number) => Promise<void>,
  concurrency: number,
  seconds: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let counter = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const begin = performance.now();
        await work(counter++);
        latencies.push(performance.now() - begin);
      }
    }),
  );
  return summarise(latencies, (performance.now() - started) / 1000);
}

/** Closed-loop load over a fixed amount of work: `concurrency` workers share calls 0 … total-1 of `work`. */
export async function loadCount(
  work: (i: number) => Promise<void>,
  concurrency: number,
  total: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const started = performance.now();
  let counter = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (counter < total) {
        const i = counter++;
        const begin = performance.now();
        await work(i);
        latencies.push(performance.now() - begin);
      }
    }),
  );
  return summarise(latencies, (performance.now() - started) / 1000);
}

/** One run of a load worker: requests offset … offset+total-1, or as many as fit in `seconds`. */
export type LoadRun = { concurrency: number; offset: number } & ({ total: number } | { seconds: number });

type WorkerReply = { ready: true } | { closed: true } | { result: WorkerResult } | { error: string };
export type WorkerResult = LoadResult & { failures: { count: number; first: string } };

/**
 * A workload on a worker thread: the bench's clients run beside the server, as real clients would,
 * instead of taking turns with it on the main thread's event loop. Both paths of a comparison use one.
 */
export class LoadWorker {
  private constructor(private readonly worker: Worker) {}

  static async start<N extends WorkloadName>(name: N, params: WorkloadParams<N>): Promise<LoadWorker> {
    const worker = new Worker(path.join(__dirname, 'load-worker.js'), { workerData: { name, params } });
    const loader = new LoadWorker(worker);
    await loader.reply();
    return loader;
  }

  async run(run: LoadRun): Promise<WorkerResult> {
    this.worker.postMessage({ run });
    const reply = await this.reply();
    if ('error' in reply) throw new Error(`load worker failed: ${reply.error}`);
    if (!('result' in reply)) throw new Error('load worker answered out of turn');
    return reply.result;
  }

  async close(): Promise<void> {
    this.worker.postMessage({ close: true });
    await this.reply();
    await this.worker.terminate();
  }

  private reply(): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => {
        this.worker.off('message', onMessage);
        reject(error);
      };
      const onMessage = (message: WorkerReply) => {
        this.worker.off('error', onError);
        resolve(message);
      };
      this.worker.once('message', onMessage);
      this.worker.once('error', onError);
    });
  }
}

function summarise(latencies: number[], seconds: number): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    throughput: latencies.length / seconds,
    latencies,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Requests in all rounds; latencies and throughput as the medians of the rounds. */
export function roundsSummary(rounds: LoadResult[]): Omit<LoadResult, 'latencies' | 'seconds'> {
  const of = (metric: 'p50' | 'p95' | 'p99' | 'throughput') => median(rounds.map((round) => round[metric]));
  return {
    requests: rounds.reduce((sum, round) => sum + round.requests, 0),
    p50: of('p50'),
    p95: of('p95'),
    p99: of('p99'),
    throughput: of('throughput'),
  };
}

/** Prints rows as an aligned table. */
export function table(title: string, header: string[], rows: Array<Array<string | number>>): void {
  const cells = [
    header,
    ...rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell.toFixed(cell >= 100 ? 0 : 2) : cell))),
  ];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => String(row[column]).length)));
  const line = (row: Array<string | number>) =>
    row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ');
  console.log(`\n${title}\n${line(cells[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of cells.slice(1)) console.log(line(row));
}

const QUIESCE_TIMEOUT_MS = 300_000;

/** Waits until every consumer has handled every event, so background work does not fall on a measurement. */
export async function quiesce(app: INestApplication, topology: EventTopology = EVENT_TOPOLOGY): Promise<void> {
  const bus = app.get(EventBus);
  const queues = Object.entries(topology).flatMap(([type, consumers]) =>
    consumers.map((consumer) => ({ consumer, type })),
  );
  const started = performance.now();
  for (;;) {
    const backlogs = await Promise.all(queues.map(({ consumer, type }) => bus.backlog(consumer, type)));
    if (backlogs.every((b) => b.pending === 0)) return;
    if (performance.now() - started > QUIESCE_TIMEOUT_MS) throw new Error('events still pending after 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

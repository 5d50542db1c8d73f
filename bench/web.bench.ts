import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort } from '@jiebang/platform';
import { DEMAND_HIT_ATTRIBUTES } from '@jiebang/search';
import { Meilisearch } from 'meilisearch';
import { type Browser, chromium, type Page } from 'playwright-core';
import { benchServers, median, percentile, table } from './harness';

/** Queries a visitor types into 榜单大厅 (the demo programme's topics). */
const QUERIES = [
  '激光',
  '钕铁硼',
  '无人机',
  '北斗 高精度定位',
  '锂离子电池',
  '集成电路',
  '生物医药',
  '光伏',
  '碳化硅',
  '白酒',
];
const ROUNDS = 3;
const PAGE_SIZE = 20;
const FACETS = ['industry', 'district', 'cooperationMode', 'status'];

/** Each role's landing page on the demo programme, signed in with a demo account. */
const LANDINGS = [
  { role: 'enterprise (我的需求)', email: 'ent-001@jiebang.demo', path: '/enterprise' },
  { role: 'team (团队工作台)', email: 'team-01@jiebang.demo', path: '/team' },
  { role: 'advisor (顾问工作台)', email: 'advisor-01@jiebang.demo', path: '/advisor' },
  { role: 'admin (数据看板)', email: 'admin@jiebang.demo', path: '/admin' },
] as const;
const DEMO_PASSWORD = 'jiebang-demo-2023';
/** Settled = no API request in flight, no spinner or skeleton, for this long (not counted). */
const QUIET_MS = 300;

function quantiles(values: number[]): [number, number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  return [median(sorted), percentile(sorted, 95), sorted.length];
}

/** Milliseconds from navigation start until the hall rendered its first page of results. */
async function timeToFirstResult(page: Page, query: string): Promise<number> {
  // Every published need, as the API and raw rows below search: the hall alone opens on open ones.
  await page.goto(`/hall?scope=all&q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => performance.getEntriesByName('hall:first-result').length > 0, undefined, {
    timeout: 30_000,
  });
  return page.evaluate(() => performance.getEntriesByName('hall:first-result')[0].startTime);
}

/**
 * Milliseconds from `start` (a navigation or a click) until the page settled: every API request it
 * made answered, no loading indicator left, text in <main>. The quiet period that proves it is not
 * counted: the time is that of the first settled moment.
 */
async function timeToSettled(page: Page, start: () => Promise<unknown>): Promise<number> {
  let inflight = 0;
  const api = (request: { url(): string }) => request.url().includes('/api/');
  const opened = (request: { url(): string }) => void (api(request) && inflight++);
  const closed = (request: { url(): string }) => void (api(request) && inflight--);
  page.on('request', opened);
  page.on('requestfinished', closed);
  page.on('requestfailed', closed);
  try {
    const begin = performance.now();
    await start();
    let settledAt = 0;
    for (;;) {
      const busy =
        inflight > 0 ||
        (await page.evaluate(
          () =>
            document.querySelector('.ant-spin-spinning, .ant-skeleton-active, [aria-busy="true"]') !== null ||
            !document.querySelector('main')?.textContent?.trim(),
        ));
      const now = performance.now();
      if (busy) settledAt = 0;
      else if (settledAt === 0) settledAt = now;
      else if (now - settledAt >= QUIET_MS) return settledAt - begin;
      if (now - begin > 60_000) throw new Error(`${page.url()} did not settle in 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    page.off('request', opened);
    page.off('requestfinished', closed);
    page.off('requestfailed', closed);
  }
}

/**
 * Each role's landing page: right after signing in (the page's code and data not yet loaded) and
 * on a reload with the browser's cache warm.
 */
async function landingPages(browser: Browser, base: string): Promise<void> {
  const rows: Array<Array<string | number>> = [];
  for (const { role, email, path } of LANDINGS) {
    const first: number[] = [];
    const reload: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const context = await browser.newContext({ baseURL: base, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto('/login');
      await page.getByLabel('邮箱').fill(email);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      first.push(
        await timeToSettled(page, async () => {
          await page.getByRole('main').getByRole('button', { name: '登录' }).click();
          await page.waitForURL((url) => url.pathname.startsWith(path));
        }),
      );
      for (let again = 0; again < 3; again++) reload.push(await timeToSettled(page, () => page.goto(path)));
      await context.close();
    }
    const [firstMedian] = quantiles(first);
    const [reloadMedian, reloadP95, n] = quantiles(reload);
    rows.push([`${role} ${path}`, firstMedian, reloadMedian, reloadP95, String(n)]);
  }
  table(
    `landing page of each role, demo data, ms until settled (${ROUNDS} sign-ins, 3 reloads each)`,
    ['role and page', 'after sign-in, median', 'reload, median', 'reload, p95', 'reloads'],
    rows,
  );
}

/**
 * What the app downloads, raw and gzipped at nginx's level (`gzip_comp_level 6` in
 * deploy/nginx.conf): the files index.html loads on any first visit, and those loaded on demand.
 */
function bundleSizes(): void {
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  const html = readFileSync('dist/web/index.html', 'utf8');
  // The .gz and .br files are the same assets precompressed, served instead of them.
  const assets = readdirSync('dist/web/assets').filter((file) => !/\.(gz|br)$/.test(file));
  const files = ['index.html', ...assets.map((file) => path.join('assets', file))];
  const rows = files.map((file) => {
    const content = readFileSync(path.join('dist/web', file));
    const when = file === 'index.html' || html.includes(file) ? 'first visit' : 'on demand';
    return { file, when, raw: content.length, gzip: gzipSync(content, { level: 6 }).length };
  });
  const total = (when: string) => {
    const picked = rows.filter((row) => row.when === when);
    return [
      `total, ${when}`,
      '',
      kb(picked.reduce((sum, row) => sum + row.raw, 0)),
      kb(picked.reduce((sum, row) => sum + row.gzip, 0)),
    ];
  };
  table(
    'production bundle (dist/web), KB',
    ['file', 'loaded', 'raw', 'gzip'],
    [
      // Per-page splitting makes dozens of small chunks: name only those worth a look.
      ...rows
        .filter((row) => row.gzip >= 10 * 1024)
        .sort((a, b) => b.gzip - a.gzip)
        .map((row) => [row.file, row.when, kb(row.raw), kb(row.gzip)]),
      [`(${rows.filter((row) => row.gzip < 10 * 1024).length} files under 10 KB gzip)`, '', '', ''],
      total('first visit'),
      total('on demand'),
    ],
  );
}

/**
 * The search page's time-to-first-result in Chromium on the demo programme (446 needs), cold (empty
 * cache) and warm, against the same query through our API and straight to Meilisearch; then each
 * role's landing page.
 */
export async function webBench(): Promise<void> {
  if (!existsSync('dist/web/index.html')) throw new Error('dist/web is missing: run npm run build');
  bundleSizes();
  const servers = await benchServers();
  const port = await freePort();
  const app = spawn(process.execPath, ['dist/apps/marketplace/src/main.js'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      SEED_DEMO: 'true',
      PORT: String(port),
      DATABASE_URL: servers.databaseUrl,
      MEILI_URL: servers.meili.url,
      MEILI_MASTER_KEY: servers.meili.apiKey,
      DATA_DIR: servers.dataDir,
      JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const started = Date.now();
    for (;;) {
      if (app.exitCode !== null) throw new Error('marketplace exited');
      const ready = await fetch(`${base}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) break;
      if (Date.now() - started > 180_000) throw new Error('marketplace not ready in 180 s');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    console.log(`marketplace with the demo programme ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const cold: number[] = [];
    const warm: number[] = [];
    const api: number[] = [];
    const raw: number[] = [];
    const meili = new Meilisearch({ host: servers.meili.url, apiKey: servers.meili.apiKey });
    const index = meili.index('demands');
    for (let round = 0; round < ROUNDS; round++) {
      for (const query of QUERIES) {
        // Cold: a new profile, nothing cached. Warm: the same profile loads the page again.
        const context = await browser.newContext({ baseURL: base, locale: 'zh-CN' });
        const page = await context.newPage();
        cold.push(await timeToFirstResult(page, query));
        warm.push(await timeToFirstResult(page, query));
        await context.close();

        let begin = performance.now();
        const response = await fetch(
          `${base}/api/v1/search/demands?q=${encodeURIComponent(query)}&pageSize=${PAGE_SIZE}`,
        );
        await response.json();
        api.push(performance.now() - begin);

        begin = performance.now();
        await index.search(query, {
          limit: PAGE_SIZE,
          facets: FACETS,
          attributesToRetrieve: [...DEMAND_HIT_ATTRIBUTES],
          attributesToHighlight: ['title', 'summary'],
          filter: 'status IN [published, bidding_closed, awarded, in_progress, completed, unclaimed]',
        });
        raw.push(performance.now() - begin);
      }
    }
    const row = (name: string, values: number[]) => {
      const [p50, p95, n] = quantiles(values);
      return [name, p50, p95, String(n)];
    };
    table(
      `search page time-to-first-result, demo data (${QUERIES.length} queries × ${ROUNDS} rounds), ms`,
      ['path', 'median', 'p95', 'n'],
      [
        row('browser, cold cache: navigation → first result rendered', cold),
        row('browser, warm cache: navigation → first result rendered', warm),
        row('GET /api/v1/search/demands (HTTP, from Node)', api),
        row('raw Meilisearch search, same query and facets', raw),
      ],
    );
    await landingPages(browser, base);
  } finally {
    await browser.close();
    app.kill('SIGTERM');
    await new Promise((resolve) => app.once('exit', resolve));
    await servers.stop();
  }
}

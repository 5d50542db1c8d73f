import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildNeeds, DemoSeeder } from '@jiebang/demo';
import { Transactions } from '@jiebang/platform';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { eventually } from '../harness/eventually';
import { startTestService, type TestService } from '../harness/test-app';
import { PRECISION_QUERIES, type PrecisionQuery, RELEVANCE_QUERIES, type RelevanceQuery } from '../relevance/queries';

type Kind = RelevanceQuery['kind'];

const KINDS: readonly Kind[] = [
  'term',
  'synonym',
  'inside-word',
  'traditional',
  'mixed',
  'multi-term',
  'english',
  'variant',
];
/** The least number of queries of each kind the set must keep. */
const MIN_PER_KIND: Record<Kind, number> = {
  term: 15,
  synonym: 10,
  'inside-word': 8,
  traditional: 8,
  mixed: 8,
  'multi-term': 5,
  english: 30,
  variant: 15,
};
const CATALOGUE_SIZE = 446;
const TOP = 10;
const PRECISION_TOP = 3;
/** The measured precision@3 is 0.984 (42 queries); a floor below it leaves room for new needs. */
const PRECISION_FLOOR = 0.9;

interface Found {
  title: string;
  summary: string;
  keywords: string[];
}

/** One engine's first results for a query, best first. */
type Engine = (q: string, limit: number) => Promise<Found[]>;

/** Whether a result holds, for every group of the judged query, one of the group's words. */
const isRelevant = (query: PrecisionQuery, found: Found) => {
  const text = `${found.title} ${found.keywords.join(' ')} ${found.summary}`;
  return query.relevant.every((group) => group.some((word) => text.includes(word)));
};

interface QueryResult {
  query: RelevanceQuery;
  top: string[];
  recall: number;
  reciprocalRank: number;
  missing: string[];
}

interface Scores {
  recall: number;
  mrr: number;
  recallByKind: Record<Kind, number>;
  results: QueryResult[];
  precision: number;
  imprecise: string[];
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

/** recall@10 and reciprocal rank of one query's ranked titles. */
function judge(query: RelevanceQuery, ranked: readonly string[]): QueryResult {
  const top = ranked.slice(0, TOP);
  const missing = query.expect.filter((title) => !top.includes(title));
  const first = top.findIndex((title) => query.expect.includes(title));
  return {
    query,
    top,
    recall: (query.expect.length - missing.length) / query.expect.length,
    reciprocalRank: first < 0 ? 0 : 1 / (first + 1),
    missing,
  };
}

/**
 * precision@3: the relevant share of the first three results (of all there are when fewer); an
 * empty answer scores 1 when no published need is relevant, else 0.
 */
async function precisionOf(engine: Engine, published: readonly Found[]) {
  const imprecise: string[] = [];
  const values: number[] = [];
  for (const query of PRECISION_QUERIES) {
    const top = await engine(query.q, PRECISION_TOP);
    const value =
      top.length === 0
        ? Number(!published.some((need) => isRelevant(query, need)))
        : top.filter((found) => isRelevant(query, found)).length / top.length;
    values.push(value);
    if (value < 1)
      imprecise.push(`  ${query.q}: ${value.toFixed(2)} ← ${top.map((f) => f.title).join('、') || '(none)'}`);
  }
  return { precision: mean(values), imprecise };
}

async function score(engine: Engine, published: readonly Found[]): Promise<Scores> {
  const results: QueryResult[] = [];
  for (const query of RELEVANCE_QUERIES)
    results.push(
      judge(
        query,
        (await engine(query.q, TOP)).map((found) => found.title),
      ),
    );
  const recallByKind = Object.fromEntries(
    KINDS.map((kind) => [kind, mean(results.filter((r) => r.query.kind === kind).map((r) => r.recall))]),
  ) as Record<Kind, number>;
  return {
    recall: mean(results.map((r) => r.recall)),
    mrr: mean(results.map((r) => r.reciprocalRank)),
    recallByKind,
    results,
    ...(await precisionOf(engine, published)),
  };
}

/** Escapes LIKE's wildcards and its escape character, so a token matches as typed. */
const likePattern = (token: string) => `%${token.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function report(engines: Record<string, Scores>): string {
  const header = [
    'engine',
    `recall@${TOP}`,
    'MRR',
    `P@${PRECISION_TOP} (${PRECISION_QUERIES.length})`,
    ...KINDS.map((kind) => `${kind} (${countOf(kind)})`),
  ];
  const rows = Object.entries(engines).map(([name, s]) => [
    name,
    s.recall.toFixed(3),
    s.mrr.toFixed(3),
    s.precision.toFixed(3),
    ...KINDS.map((kind) => s.recallByKind[kind].toFixed(3)),
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

const countOf = (kind: Kind) => RELEVANCE_QUERIES.filter((query) => query.kind === kind).length;

describe('search relevance: the hand-written query set', () => {
  it('keeps enough queries of every kind, each expecting 1–5 titles of the demo catalogue', () => {
    const titles = new Set(buildNeeds().map((need) => need.title));
    expect(titles.size).toBe(CATALOGUE_SIZE);
    expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(150);
    expect(countOf('english') + countOf('variant')).toBeGreaterThanOrEqual(40);
    expect(PRECISION_QUERIES.length).toBeGreaterThanOrEqual(30);
    const shortKinds = KINDS.filter((kind) => countOf(kind) < MIN_PER_KIND[kind]).map(
      (kind) => `${kind}: ${countOf(kind)} < ${MIN_PER_KIND[kind]}`,
    );
    expect(shortKinds).toEqual([]);

    const queries = RELEVANCE_QUERIES.map((query) => query.q);
    expect(queries.filter((q, index) => queries.indexOf(q) !== index)).toEqual([]);
    const unknown = RELEVANCE_QUERIES.flatMap((query) =>
      query.expect.filter((title) => !titles.has(title)).map((title) => `${query.q} → ${title}`),
    );
    expect(unknown).toEqual([]);
    const badSizes = RELEVANCE_QUERIES.filter(
      (query) =>
        query.expect.length < 1 || query.expect.length > 5 || new Set(query.expect).size !== query.expect.length,
    ).map((query) => query.q);
    expect(badSizes).toEqual([]);
    const precisionQueries = PRECISION_QUERIES.map((query) => query.q);
    expect(precisionQueries.filter((q, index) => precisionQueries.indexOf(q) !== index)).toEqual([]);
  });
});

describe('search relevance: the search API on the demo catalogue', () => {
  let service: TestService | undefined;

  beforeAll(async () => {
    service = await startTestService(marketplace);
    // The 2023 catalogue and the live batch: the judged titles compete with both.
    const { needs } = await service.app.get(DemoSeeder).seed();
    const http = service.http;
    await eventually(
      async () =>
        expect((await http.get('/api/v1/search/demands').query({ pageSize: 1 }).expect(200)).body.total).toBe(needs),
      { timeoutMs: 120_000, intervalMs: 500 },
    );
  }, 300_000);

  afterAll(async () => {
    await service?.close();
  });

  /** The search API, ranked by relevance. */
  const ours: Engine = async (q, limit) => {
    const response = await service!.http
      .get('/api/v1/search/demands')
      .query({ q, page: 1, pageSize: limit })
      .expect(200);
    return response.body.items as Found[];
  };

  /**
   * What a plain SQL search would do: every whitespace-separated token must occur in the title,
   * summary or keywords; title hits of the first token first, then the newest. No synonyms, no
   * traditional characters, no segmentation.
   */
  const baseline: Engine = async (q, limit) => {
    const tokens = q.split(/\s+/).filter(Boolean);
    const where = tokens
      .map(
        (_, i) =>
          `(title ILIKE $${i + 1} OR summary ILIKE $${i + 1} OR array_to_string(keywords, ' ') ILIKE $${i + 1})`,
      )
      .join(' AND ');
    return service!.app.get(Transactions).manager.query(
      `SELECT title, summary, keywords FROM demand.demand WHERE published_at IS NOT NULL AND ${where}
         ORDER BY (title ILIKE $1) DESC, published_at DESC LIMIT ${limit}`,
      tokens.map(likePattern),
    );
  };

  it('reaches recall@10 ≥ 0.9 and precision@3 ≥ 0.9 on the hand-written queries, beside an ILIKE baseline', async () => {
    const published: Found[] = await service!.app
      .get(Transactions)
      .manager.query('SELECT title, summary, keywords FROM demand.demand WHERE published_at IS NOT NULL');
    const scores = { search: await score(ours, published), 'ILIKE baseline': await score(baseline, published) };
    const missed = scores.search.results
      .filter((result) => result.missing.length > 0)
      .map((r) => `  [${r.query.kind}] ${r.query.q}: missing ${r.missing.join('、')}`);
    console.log(
      [
        `search relevance on ${RELEVANCE_QUERIES.length} queries (per-kind columns: recall@${TOP})`,
        report(scores),
        missed.length === 0 ? 'search missed nothing' : `search missed (${missed.length}):\n${missed.join('\n')}`,
        scores.search.imprecise.length === 0
          ? `search's first ${PRECISION_TOP} results were all relevant`
          : `search's imprecise answers (precision@${PRECISION_TOP}):\n${scores.search.imprecise.join('\n')}`,
      ].join('\n\n'),
    );

    expect(scores.search.recall).toBeGreaterThanOrEqual(0.9);
    expect(scores.search.recall).toBeGreaterThanOrEqual(scores['ILIKE baseline'].recall);
    expect(scores.search.precision).toBeGreaterThanOrEqual(PRECISION_FLOOR);
  }, 120_000);
});

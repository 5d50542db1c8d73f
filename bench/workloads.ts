import { Agent, request } from 'node:http';
import { EventBus } from '@jiebang/platform';
import type { SearchParams } from 'meilisearch';
import pg from 'pg';

/** What one load worker runs: `work(i)` is request i of a run; `close` frees its connections. */
export interface Workload {
  work(i: number): Promise<void>;
  /** Requests that did not answer as expected, and the first such answer. */
  failures(): { count: number; first: string };
  close(): Promise<void>;
}

export interface HttpRequestSpec {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

const failureCounter = () => {
  const state = { count: 0, first: '' };
  return {
    add: (message: string) => {
      state.count += 1;
      state.first ||= message;
    },
    read: () => ({ ...state }),
  };
};

/**
 * A lean keep-alive HTTP/1.1 client, the same for both sides of a comparison over HTTP. The clients
 * share the machine with the server: `fetch` (undici) took about 1.7 ms of CPU per request on two
 * cores, which the server's figures then paid for; node:http takes a fraction of that.
 */
function httpClient(concurrency = 64) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const send = (url: URL, spec: Omit<HttpRequestSpec, 'url'>): Promise<{ status: number; text: string }> =>
    new Promise((resolve, reject) => {
      const headers = { ...spec.headers };
      if (spec.body !== undefined) headers['content-length'] = String(Buffer.byteLength(spec.body));
      const req = request(url, { agent, method: spec.method ?? 'GET', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(spec.body);
    });
  return { send, close: () => agent.destroy() };
}

/** Request i is `requests[i mod n]`, read to its last byte; any other status than `expect` is a failure. */
function http(params: { requests: HttpRequestSpec[]; expect: number }): Workload {
  const failed = failureCounter();
  const client = httpClient();
  const requests = params.requests.map(({ url, ...spec }) => ({ url: new URL(url), spec }));
  return {
    async work(i) {
      const { url, spec } = requests[i % requests.length];
      const { status, text } = await client.send(url, spec);
      if (status !== params.expect) failed.add(`${status} ${text.slice(0, 300)}`);
    },
    failures: failed.read,
    close: () => Promise.resolve(client.close()),
  };
}

/**
 * A statement, and the one a repository sends after it when it finds no page (a page past the end):
 * no row, or an aggregate's one row without a `total_count`.
 */
export interface SqlCall {
  text: string;
  values: unknown[];
  ifEmpty?: { text: string; values: unknown[] };
}

/** Call i sends every query of `calls[i mod n]` at once through a pool, as a repository does. */
function sql(params: { databaseUrl: string; poolMax: number; calls: SqlCall[][] }): Workload {
  const pool = new pg.Pool({ connectionString: params.databaseUrl, max: params.poolMax });
  return {
    async work(i) {
      await Promise.all(
        params.calls[i % params.calls.length].map(async ({ text, values, ifEmpty }) => {
          const { rows } = await pool.query<{ total_count?: string | null }>(text, values);
          const found = rows[0] !== undefined && rows[0].total_count !== null;
          if (!found && ifEmpty) await pool.query(ifEmpty.text, ifEmpty.values);
        }),
      );
    },
    failures: () => ({ count: 0, first: '' }),
    close: () => pool.end(),
  };
}

/** Search i is `searches[i mod n]`, the request the official client sends, straight to Meilisearch. */
function meiliSearch(params: {
  url: string;
  apiKey: string;
  index: string;
  searches: Array<{ q: string; params: SearchParams }>;
}): Workload {
  const failed = failureCounter();
  const client = httpClient();
  const url = new URL(
    `indexes/${encodeURIComponent(params.index)}/search`,
    params.url.endsWith('/') ? params.url : `${params.url}/`,
  );
  const headers = { authorization: `Bearer ${params.apiKey}`, 'content-type': 'application/json' };
  const bodies = params.searches.map(({ q, params: search }) => JSON.stringify({ ...search, q }));
  return {
    async work(i) {
      const { status, text } = await client.send(url, { method: 'POST', headers, body: bodies[i % bodies.length] });
      if (status !== 200) failed.add(`${status} ${text.slice(0, 300)}`);
    },
    failures: failed.read,
    close: () => Promise.resolve(client.close()),
  };
}

export const INSERT_BID = `INSERT INTO matching.bid (demand_id, team_organisation_id, created_by, status, approach,
     indicator_responses, milestones, budget, duration_months, members, created_at, submitted_at, updated_at)
   VALUES ($1, $2, $3, 'submitted', $4, $5, $6, $7, $8, $9, now(), now(), now()) RETURNING id`;

/** Bid i's row: the need, the team's organisation and user, and the bid's columns in INSERT_BID's order. */
export interface RawBid {
  demandId: string;
  organisationId: string;
  userId: string;
  values: unknown[];
}

/** A bare INSERT per bid: a floor no real write reaches. */
function bidInsert(params: { databaseUrl: string; poolMax: number; bids: RawBid[] }): Workload {
  const pool = new pg.Pool({ connectionString: params.databaseUrl, max: params.poolMax });
  return {
    async work(i) {
      await pool.query(INSERT_BID, params.bids[i].values);
    },
    failures: () => ({ count: 0, first: '' }),
    close: () => pool.end(),
  };
}

/**
 * What the API's transaction writes for a bid: the need share-locked with its award and reviewer
 * checks, the bid, its audit row, one job per consumer of matching.bid_submitted and the event log entry.
 */
function bidSameWork(params: { databaseUrl: string; poolMax: number; queues: string[]; bids: RawBid[] }): Workload {
  const pool = new pg.Pool({ connectionString: params.databaseUrl, max: params.poolMax });
  return {
    async work(i) {
      const bid = params.bids[i];
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `SELECT l.*, now(), EXISTS (SELECT 1 FROM matching.award a WHERE a.demand_id = l.demand_id),
                  EXISTS (SELECT 1 FROM matching.reviewer r WHERE r.demand_id = l.demand_id AND r.organisation_id = $2),
                  (SELECT o.name FROM matching.organisation o WHERE o.id = $2)
             FROM matching.listing l WHERE l.demand_id = $1 FOR SHARE OF l`,
          [bid.demandId, bid.organisationId],
        );
        const { rows } = await client.query<{ id: string }>(INSERT_BID, bid.values);
        const bidId = rows[0].id;
        await client.query(
          `INSERT INTO matching.audit (subject, subject_id, demand_id, action, actor_id, actor_role, detail, at)
           VALUES ('bid', $1, $2, 'submit', $3, 'team', '{}', now())`,
          [bidId, bid.demandId, bid.userId],
        );
        const event = JSON.stringify(
          EventBus.envelope('matching.bid_submitted', bidId, 1, {
            bidId,
            demandId: bid.demandId,
            teamOrganisationId: bid.organisationId,
          }),
        );
        await client.query(
          `INSERT INTO pgboss.job (id, name, data) SELECT gen_random_uuid(), q, $2::jsonb FROM unnest($1::text[]) q`,
          [params.queues, event],
        );
        await client.query(
          `INSERT INTO platform.event_log (id, type, occurred_at, event)
           VALUES (($1::jsonb->>'id')::uuid, $1::jsonb->>'type', now(), $1::jsonb)`,
          [event],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    failures: () => ({ count: 0, first: '' }),
    close: () => pool.end(),
  };
}

export const WORKLOADS = { http, sql, meiliSearch, bidInsert, bidSameWork };

export type WorkloadName = keyof typeof WORKLOADS;
export type WorkloadParams<N extends WorkloadName> = Parameters<(typeof WORKLOADS)[N]>[0];

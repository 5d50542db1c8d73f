import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UsersService } from '@jiebang/identity';
import supertest from 'supertest';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { drafted } from '../harness/demand-factories';
import { type Account, registered, signedIn } from '../harness/factories';
import {
  fieldPaths,
  HOSTILE_IDS,
  HOSTILE_QUERY_VALUES,
  HOSTILE_VALUES,
  hostileBodies,
  hostileQueryShapes,
  multipart,
  type OpenApiDocument,
  type Operation,
  type Parameter,
  Random,
  resolveSchema,
  toJson,
  unknownId,
  validValue,
  withField,
} from '../harness/hostile-input';
import { anAdvisor, awarded, bidOn, openNeed } from '../harness/matching-factories';
import { startTestService, type TestService } from '../harness/test-app';

type Role = 'admin' | 'enterprise' | 'team' | 'advisor';
type Caller = Role | 'anonymous';

/** Who may call a route, first match wins; a fuzzed request goes out as one of them or as nobody. */
const FITTING_ROLES: Array<[RegExp, Role[]]> = [
  [/^GET \/api\/v1\/advisors\//, ['advisor', 'admin']],
  [
    /\/users|\/advisors\/|\/search\/(reindex|consistency)|\/import|\/approve$|\/return$|^(POST|DELETE) \/api\/v1\/batches/,
    ['admin'],
  ],
  [/^GET \/api\/v1\/organisations$/, ['admin']],
  [
    /\/teams\/me|^POST .*\/bids$|\/bids\/mine|^(PATCH|POST) \/api\/v1\/bids\/\{id\}(\/submit|\/withdraw)?$|\/milestones\/.*\/submit/,
    ['team'],
  ],
  [/\/evaluations|\/score$|\/shortlist|\/award$|\/accept$|\/reject$|\/bids(\/history)?$/, ['enterprise', 'admin']],
  [/\/matchmakings|\/conversions|\/stats\//, ['advisor', 'admin']],
  [/\/demands/, ['enterprise', 'advisor', 'admin']],
];

/** The kind of object a path parameter names, by the segment before it. */
const ID_KIND: Record<string, string> = {
  demands: 'demand',
  batches: 'batch',
  bids: 'bid',
  engagements: 'engagement',
  milestones: 'milestone',
  organisations: 'organisation',
  advisors: 'advisor',
  teams: 'team',
  achievements: 'achievement',
  notifications: 'notification',
};

/** Body fields holding ids: the object they point at. */
const FIELD_KIND: Record<string, string> = {
  demandIds: 'demand',
  demandId: 'demand',
  bidId: 'bid',
  winnerBidIds: 'bid',
  engagementId: 'engagement',
  achievementId: 'achievement',
  teamOrganisationId: 'team',
  organisationId: 'organisation',
  organisationIds: 'organisation',
  userId: 'user',
  advisorId: 'advisor',
};

// Requests that change the principals' objects for good go last, withdrawals at the very end.
const phaseOf = (route: string): number =>
  /withdraw/.test(route)
    ? 3
    : /^DELETE|\/(award|publish|approve|return|submit|accept|reject|read|read-all|reindex)$/.test(route)
      ? 2
      : route.startsWith('GET')
        ? 0
        : 1;

interface FuzzRequest {
  route: string;
  label: string;
  caller: Caller;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: { data: string | Buffer; type: string };
}

/** One class of failure: a route, a generated case and the status it got; with its first example. */
interface Failure {
  count: number;
  example: string;
  response: string;
}

const CONCURRENCY = 4;
const PROBE_INTERVAL_MS = 250;
// The suite shares two cores with the rest of `npm test` and drives the server from the same event
// loop, so a single probe can wait on the machine: 95 % of probes must answer within the budget,
// and when they do not, the requests beside the slow probes are sent again to tell which it was.
// A probe over the ceiling (the nesting defect held the loop for 2 s a request) names its suspects,
// the requests in flight; each is sent again alone, and the one that holds a probe over the
// ceiling again is the defect. Beside the browser suite's Chromium and marketplace on the same two
// cores, probes have waited 1.0-2.0 s with no request to blame.
const LIVENESS_BUDGET_MS = 500;
const LIVENESS_CEILING_MS = 1500;
const CAP = { body: 150, query: 100, other: 50 };

// A fixed seed keeps CI deterministic; JIEBANG_FUZZ_SEED=random explores, and any seed replays.
const seedSetting = process.env.JIEBANG_FUZZ_SEED ?? '20261204';
const seed = seedSetting === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(seedSetting);
const excerpt = (text: string | Buffer, length = 240): string => {
  const value = String(text);
  return value.length > length ? `${value.slice(0, length)}… (${value.length} chars)` : value;
};

describe('Hostile-input fuzz over the OpenAPI document', () => {
  let service: TestService;
  let http: ReturnType<typeof supertest>;
  const accounts = {} as Record<Role, Account>;
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    service = await startTestService(marketplace);
    // One listening server instead of supertest's listen-per-request.
    await service.app.listen(0, '127.0.0.1');
    http = supertest(`http://127.0.0.1:${(service.app.getHttpServer().address() as AddressInfo).port}`);

    await service.app.get(UsersService).ensureAdmin('office@example.cn', 'office-password-1');
    accounts.admin = await signedIn(http, 'office@example.cn', 'office-password-1');
    accounts.enterprise = await registered(http, { role: 'enterprise' });
    accounts.team = await registered(http, { role: 'team' });
    accounts.advisor = await anAdvisor(http, accounts.admin, [accounts.enterprise.organisationId!]);
    const { admin, enterprise, team } = accounts;

    await http
      .put('/api/v1/teams/me')
      .set(team.bearer)
      .send({
        summary: '团队长期从事稀土永磁材料研究。',
        researchFields: ['稀土永磁'],
        keywords: ['钕铁硼'],
        members: [],
      })
      .expect(200);
    const withAchievement = await http
      .post('/api/v1/teams/me/achievements')
      .set(team.bearer)
      .send({ title: '低重稀土钕铁硼制备技术', year: 2022, trl: 6, patents: [] })
      .expect(201);
    const need = await openNeed(http, enterprise, admin);
    const bid = await bidOn(http, team, need.id);
    const awardedNeed = await openNeed(http, enterprise, admin);
    const winning = await bidOn(http, team, awardedNeed.id);
    const { engagementIds } = await awarded(http, enterprise, awardedNeed.id, [winning.id], []);
    const engagement = await http.get(`/api/v1/engagements/${engagementIds[0]}`).set(team.bearer).expect(200);
    const draft = await drafted(http, enterprise);
    const batches = await http.get('/api/v1/batches').expect(200);
    const inbox = await http.get('/api/v1/notifications').set(enterprise.bearer).expect(200);

    Object.assign(ids, {
      demand: [need.id, awardedNeed.id, draft.id],
      bid: [bid.id, winning.id],
      engagement: engagementIds,
      milestone: (engagement.body as { milestones: Array<{ id: string }> }).milestones.map((m) => m.id),
      batch: (batches.body as { items: Array<{ id: string }> }).items.map((b) => b.id),
      organisation: [enterprise.organisationId!, team.organisationId!],
      team: [team.organisationId!],
      advisor: [accounts.advisor.id],
      user: [accounts.advisor.id, enterprise.id],
      achievement: (withAchievement.body as { achievements: Array<{ id: string }> }).achievements.map((a) => a.id),
      notification: (inbox.body as { items: Array<{ id: string }> }).items.map((n) => n.id),
    });
  }, 120_000);

  afterAll(() => service.close());

  it('answers every generated request below 500, every 4xx as problem+json, and stays live', async () => {
    const document = (await http.get('/api/docs-json').expect(200)).body as OpenApiDocument;
    const random = new Random(seed);
    const idOf = (kind: string | undefined): string =>
      kind && ids[kind]?.length ? random.pick(ids[kind]) : unknownId();
    const bodyIds = (field: string): string => idOf(FIELD_KIND[field]);

    const requests = Object.entries(document.paths)
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => generate(method.toUpperCase(), path, operation)),
      )
      .flat();
    expect(requests.length).toBeGreaterThanOrEqual(5_000);

    function generate(method: string, path: string, operation: Operation): FuzzRequest[] {
      const route = `${method} ${path}`;
      const roles = FITTING_ROLES.find(([pattern]) => pattern.test(route))?.[1] ?? [
        'admin',
        'enterprise',
        'team',
        'advisor',
      ];
      const parameters = operation.parameters ?? [];
      const pathParams = parameters.filter((p) => p.in === 'path');
      const queryParams = parameters.filter((p) => p.in === 'query');
      const ifMatch = parameters.some((p) => p.in === 'header' && p.name === 'If-Match');
      const content = operation.requestBody?.content ?? {};
      const jsonSchema = content['application/json']?.schema;
      const isUpload = 'multipart/form-data' in content;

      const realPath = (hostile?: { param: string; value: string }) =>
        path.replace(/\{(\w+)\}/g, (_match, name: string) => {
          if (hostile?.param === name) return hostile.value;
          const kind = ID_KIND[path.split('/')[path.split('/').indexOf(`{${name}}`) - 1]];
          // Real ids most of the time so requests reach the handlers; unknown ones the rest.
          return random.chance(0.8) ? idOf(kind) : unknownId();
        });
      const queryValue = (parameter: Parameter) =>
        encodeURIComponent(String(validValue(document, parameter.schema ?? {}, random, bodyIds, parameter.name)));
      const validQuery = (except?: string) =>
        queryParams
          .filter((p) => p.name !== except && (p.required || random.chance(0.5)))
          .map((p) => `${p.name}=${queryValue(p)}`);
      const url = (pathPart: string, query: string[]) => (query.length ? `${pathPart}?${query.join('&')}` : pathPart);
      const validBody = () =>
        jsonSchema ? validValue(document, resolveSchema(document, jsonSchema), random, bodyIds) : undefined;

      type Case = Omit<FuzzRequest, 'route' | 'method' | 'caller'>;
      const json = (value: unknown) => ({ data: toJson(value), type: 'application/json' });
      // A valid request (real ids, valid query and body) with one part replaced by `hostile`.
      const base = (label: string, hostile: Partial<Case> = {}): Case => {
        const valid = validBody();
        return {
          label,
          url: url(realPath(), validQuery()),
          headers: {},
          ...(valid === undefined ? {} : { body: json(valid) }),
          ...hostile,
        };
      };

      // Cases every operation gets, whatever the cap.
      const essential: Case[] = [base('valid'), base('valid'), base('valid, no authorisation')];
      const sampled: Case[] = [];

      for (const parameter of pathParams) {
        for (const value of HOSTILE_IDS) {
          sampled.push(
            base(`${parameter.name}=${excerpt(value, 40)}`, {
              url: url(realPath({ param: parameter.name, value }), validQuery()),
            }),
          );
        }
      }
      for (const parameter of queryParams) {
        for (const value of HOSTILE_QUERY_VALUES) {
          const query = [...validQuery(parameter.name), `${parameter.name}=${value}`];
          sampled.push(base(`?${parameter.name}=${excerpt(value, 40)}`, { url: url(realPath(), query) }));
        }
        for (const shape of hostileQueryShapes(parameter.name)) {
          sampled.push(
            base(`?${excerpt(shape, 60)}`, { url: url(realPath(), [...validQuery(parameter.name), shape]) }),
          );
        }
      }
      if (jsonSchema) {
        const valid = validBody();
        for (const field of fieldPaths(valid)) {
          const name = field.join('.');
          sampled.push(base(`without ${name}`, { body: json(withField(valid, field, undefined)) }));
          for (const [label, value] of HOSTILE_VALUES) {
            sampled.push(base(`${name}: ${label}`, { body: json(withField(valid, field, value)) }));
          }
        }
      }
      for (const hostile of hostileBodies(jsonSchema ? validBody() : {})) {
        // Operations without a body get a few of them; those with one get all.
        (jsonSchema ? essential : sampled).push(
          base(`body: ${hostile.label}`, { body: { data: hostile.body, type: hostile.type } }),
        );
      }
      if (isUpload) {
        const uploads: Array<[string, string | Buffer, string?]> = [
          ['empty file', ''],
          ['garbage', Buffer.from(Array.from({ length: 4096 }, () => random.int(256)))],
          ['fake xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2048, 7)])],
          ['CSV header only', '企业名称,需求名称\n'],
          [
            'CSV hostile cells',
            `企业名称,需求名称,榜额下限（万元）\n"a\u0000b",=cmd|'/c calc'!A0,1e400\n${'x'.repeat(10_000)},\ud800,NaN\n`,
          ],
          ['wrong field', 'a,b\n1,2\n', 'upload'],
        ];
        for (const [label, content, field] of uploads) {
          const { body, type } = multipart(field ?? 'file', label.includes('xlsx') ? 'x.xlsx' : 'x.csv', content);
          essential.push(base(`upload: ${label}`, { body: { data: body, type } }));
        }
        essential.push(
          base('upload: truncated multipart', {
            body: {
              data: multipart('file', 'x.csv', 'a').body.subarray(0, 60),
              type: multipart('file', 'x.csv', '').type,
            },
          }),
        );
      }
      const headerCases: Array<[string, Record<string, string>]> = [
        ['bearer garbage', { Authorization: 'Bearer garbage' }],
        [
          'bearer alg none',
          {
            Authorization: `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x","role":"admin"}').toString('base64url')}.`,
          },
        ],
        ['bearer 10k', { Authorization: `Bearer ${'a'.repeat(10_000)}` }],
        ['basic auth', { Authorization: 'Basic YWRtaW46YWRtaW4=' }],
        ['request id 10k', { 'X-Request-Id': 'r'.repeat(10_000) }],
        ['oversized header', { 'X-Padding': 'p'.repeat(20_000) }],
      ];
      for (const [label, headers] of headerCases) essential.push(base(`header: ${label}`, { headers }));
      essential.push(base('oversized URL', { url: url(realPath(), [`pad=${'u'.repeat(20_000)}`]) }));
      if (ifMatch) {
        for (const value of [
          '"1"',
          '"0"',
          '"999999999"',
          'W/"1"',
          '*',
          'garbage',
          '"1", "2"',
          '"-1"',
          'x'.repeat(10_000),
        ]) {
          essential.push(base(`If-Match: ${excerpt(value, 20)}`, { headers: { 'If-Match': value } }));
        }
      }

      const cap = jsonSchema ? CAP.body : queryParams.length ? CAP.query : CAP.other;
      const chosen = [...essential, ...random.shuffle(sampled).slice(0, Math.max(0, cap - essential.length))];
      return chosen.map((c) => {
        const caller: Caller =
          c.label.includes('no authorisation') || random.chance(0.2) ? 'anonymous' : random.pick(roles);
        // Without If-Match a PATCH stops at 428; a valid one reaches the handler.
        const headers =
          ifMatch && !('If-Match' in c.headers) ? { 'If-Match': `"${1 + random.int(3)}"`, ...c.headers } : c.headers;
        return { ...c, headers, route, method, caller };
      });
    }

    const failures = new Map<string, Failure>();
    const fail = (request: FuzzRequest, index: number, status: number | string, response: string) => {
      const key = `${status} ${request.route} [${request.label}]`;
      const known = failures.get(key);
      if (known) known.count += 1;
      else failures.set(key, { count: 1, example: describeRequest(request, index), response: excerpt(response, 300) });
    };
    const inFlight = new Set<FuzzRequest>();
    const statuses = new Map<number | string, number>();
    const describeRequest = (request: FuzzRequest, index: number) =>
      `#${index} seed=${seed} ${request.method} ${excerpt(request.url, 160)} as ${request.caller} [${request.label}]` +
      (request.body
        ? ` ${request.body.type} body=${excerpt(request.body.data instanceof Buffer ? request.body.data.toString('latin1') : request.body.data, 160)}`
        : '') +
      (Object.keys(request.headers).length ? ` headers=${excerpt(JSON.stringify(request.headers), 80)}` : '');

    async function send(request: FuzzRequest, index: number): Promise<void> {
      const headers =
        request.caller === 'anonymous' ? request.headers : { ...accounts[request.caller].bearer, ...request.headers };
      let test = http[request.method.toLowerCase() as 'get'](request.url).set(headers);
      if (request.body) test = test.set('Content-Type', request.body.type).send(request.body.data);
      inFlight.add(request);
      try {
        const response = await test;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const problem = (() => {
          try {
            return JSON.parse(response.text) as { status?: unknown; code?: unknown };
          } catch {
            return {};
          }
        })();
        const isProblem =
          /^application\/problem\+json/.test(String(response.headers['content-type'])) &&
          problem.status === response.status &&
          typeof problem.code === 'string';
        if (response.status >= 500 || (response.status >= 400 && !isProblem)) {
          fail(request, index, response.status, response.text ?? '');
        }
      } catch (error) {
        statuses.set('no response', (statuses.get('no response') ?? 0) + 1);
        fail(request, index, 'no response', String(error));
      } finally {
        inFlight.delete(request);
      }
    }

    // Liveness, probed in parallel with the fuzz: a request that blocks the event loop shows here.
    const probes: Array<Promise<void>> = [];
    const latencies: number[] = [];
    const suspects = new Set<FuzzRequest>();
    /** The requests in flight beside each probe over the budget. */
    const slowCompany = new Set<FuzzRequest>();
    const timedProbe = async (): Promise<number> => {
      const started = performance.now();
      try {
        return (await http.get('/health/live')).status === 200 ? performance.now() - started : Infinity;
      } catch {
        return Infinity;
      }
    };
    const probe = setInterval(() => {
      const concurrent = [...inFlight];
      probes.push(
        timedProbe().then((latency) => {
          latencies.push(latency);
          if (latency >= LIVENESS_BUDGET_MS) for (const request of concurrent) slowCompany.add(request);
          if (latency >= LIVENESS_CEILING_MS) for (const request of concurrent) suspects.add(request);
        }),
      );
    }, PROBE_INTERVAL_MS);

    /** Sends the queue's requests, CONCURRENCY at a time. */
    const sendAll = (queue: Array<{ request: FuzzRequest; index: number }>) =>
      Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let next = queue.shift(); next; next = queue.shift()) await send(next.request, next.index);
        }),
      );

    // Tells a blocked event loop (ours or the server's: one process) from a busy machine.
    const eventLoopDelay = monitorEventLoopDelay({ resolution: 10 });
    eventLoopDelay.enable();
    const started = performance.now();
    try {
      const ordered = requests.map((request, index) => ({ request, index }));
      for (const phase of [0, 1, 2, 3]) {
        await sendAll(random.shuffle(ordered.filter(({ request }) => phaseOf(request.route) === phase)));
      }
    } finally {
      clearInterval(probe);
      eventLoopDelay.disable();
      await Promise.all(probes);
    }

    const maxLatency = Math.max(...latencies);
    const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)];
    const p95Latency = p95(latencies);
    console.log(
      `hostile-input fuzz, seed ${seed} (replay with JIEBANG_FUZZ_SEED=${seed}): ${requests.length} requests in ` +
        `${Math.round((performance.now() - started) / 1000)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; ` +
        `${latencies.length} liveness probes, p95 ${p95Latency.toFixed(1)} ms, max ${maxLatency.toFixed(1)} ms; event-loop delay max ${(eventLoopDelay.max / 1e6).toFixed(1)} ms`,
    );
    expect(latencies.length).toBeGreaterThan(0);
    // Each suspect alone, a probe sent just behind it: a request that blocks the loop holds the probe again.
    const stalls: string[] = [];
    for (const request of suspects) {
      const index = requests.indexOf(request);
      const [, latency] = await Promise.all([send(request, index), timedProbe()]);
      if (latency >= LIVENESS_CEILING_MS) stalls.push(`${Math.round(latency)} ms: ${describeRequest(request, index)}`);
    }
    if (suspects.size > 0)
      console.log(`${suspects.size} requests were in flight during slow probes; ${stalls.length} stall alone`);
    // A p95 over the budget is judged the same way: the requests that kept the slow probes company
    // are sent again, as concurrently, under fresh probes. Requests that slow the loop slow them
    // again; a machine that was only busy for a while does not (in one CI run the whole fuzz took
    // 182 s instead of 87 s and the p95 reached 503 ms with no request to blame).
    let replayedP95: number | undefined;
    if (p95Latency >= LIVENESS_BUDGET_MS) {
      const replayed: Array<Promise<number>> = [];
      const replayProbe = setInterval(() => replayed.push(timedProbe()), PROBE_INTERVAL_MS);
      try {
        await sendAll([...slowCompany].map((request) => ({ request, index: requests.indexOf(request) })));
      } finally {
        clearInterval(replayProbe);
      }
      replayedP95 = p95([...(await Promise.all(replayed)), await timedProbe()]);
      console.log(
        `liveness p95 over budget: ${slowCompany.size} requests were in flight beside slow probes; sent again, p95 ${replayedP95.toFixed(1)} ms`,
      );
    }
    expect({
      failureClasses: failures.size,
      failures: [...failures].slice(0, 25),
      stalls: stalls.slice(0, 5),
      p95WithinBudget: (replayedP95 ?? p95Latency) < LIVENESS_BUDGET_MS,
    }).toEqual({
      failureClasses: 0,
      failures: [],
      stalls: [],
      p95WithinBudget: true,
    });
  }, 300_000);
});

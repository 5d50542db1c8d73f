import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EVENT_TOPOLOGY } from '@jiebang/contracts';
import { freePort } from '@jiebang/platform';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { drafted } from '../harness/demand-factories';
import { eventually } from '../harness/eventually';
import { aRegistration, registered } from '../harness/factories';
import { serviceEnv, startApp } from '../harness/processes';
import { startTestService, TEST_JWT_SECRET, type TestService } from '../harness/test-app';
import { createTestDatabase } from '../harness/test-database';
import { readTestServers } from '../harness/test-env';

/** The samples of one series in Prometheus text format: label sets (as objects) and values. */
function samples(text: string, name: string): Array<{ labels: Record<string, string>; value: number }> {
  const line = new RegExp(`^${name}(?:\\{(.*)\\})? (\\S+)$`);
  return text.split('\n').flatMap((row) => {
    const match = line.exec(row);
    if (!match) return [];
    const labels = Object.fromEntries([...(match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    return [{ labels, value: Number(match[2]) }];
  });
}

describe('observability: Prometheus metrics at /metrics', () => {
  let service: TestService;
  let scrape: () => Promise<string>;

  beforeAll(async () => {
    // `audit` has a queue but no subscriber: what is published to it stays there, to be counted.
    service = await startTestService(marketplace, {
      topology: { ...EVENT_TOPOLOGY, 'identity.user_registered': ['notifications', 'audit'] },
    });
    scrape = async () => {
      const response = await service.http.get('/metrics').expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      return response.text;
    };
  });

  afterAll(() => service.close());

  it('times requests by method, route template and status, never by raw URL', async () => {
    // Registration publishes events; reading the need hits a parameterised route.
    const owner = await registered(service.http);
    const demand = await drafted(service.http, owner);
    await service.http.get(`/api/v1/demands/${demand.id}`).set(owner.bearer).expect(200);
    await service.http.get('/api/v1/nowhere').expect(404);
    await service.http.get('/health/ready').expect(200);

    const text = await scrape();
    const buckets = samples(text, 'http_request_duration_seconds_bucket');
    const series = (labels: Record<string, string>) =>
      buckets.filter((b) => Object.entries(labels).every(([key, value]) => b.labels[key] === value));
    expect(series({ method: 'GET', route: '/api/v1/demands/:id', status_code: '200', le: '+Inf' })).toEqual([
      expect.objectContaining({ value: 1 }),
    ]);
    expect(series({ method: 'POST', route: '/api/v1/auth/register', status_code: '201', le: '+Inf' })).toHaveLength(1);
    expect(series({ method: 'GET', route: 'unmatched', status_code: '404', le: '+Inf' })).toHaveLength(1);
    const routes = new Set(buckets.map((b) => b.labels.route));
    expect([...routes].filter((route) => route.includes(demand.id) || route.startsWith('/health'))).toEqual([]);
    expect(routes).not.toContain('/metrics');
  });

  it('reports process metrics, event queues, dead letters, search backlog and connection pools', async () => {
    const text = await scrape();
    expect(samples(text, 'process_cpu_user_seconds_total')).toHaveLength(1);
    expect(samples(text, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);

    const depth = samples(text, 'jiebang_event_queue_depth');
    expect(depth.map((s) => s.labels.queue)).toEqual(
      expect.arrayContaining(['notifications.identity.user_registered', 'search.demand.published']),
    );
    expect(depth.every((s) => s.value >= 0)).toBe(true);
    const queues = depth.map((s) => s.labels.queue).sort();
    expect(queues.some((queue) => queue.endsWith('.dead'))).toBe(false);
    for (const name of ['jiebang_event_queue_oldest_age_seconds', 'jiebang_event_dead_letters']) {
      const series = samples(text, name);
      expect(series.map((s) => s.labels.queue).sort()).toEqual(queues);
      expect(series.every((s) => s.value >= 0)).toBe(true);
    }

    expect(
      samples(text, 'jiebang_search_backlog')
        .map((s) => s.labels.kind)
        .sort(),
    ).toEqual(['demand', 'team']);

    const pools = samples(text, 'jiebang_db_pool_connections');
    expect(pools.map((s) => `${s.labels.pool}/${s.labels.state}`).sort()).toEqual([
      'events/idle',
      'events/total',
      'events/waiting',
      'typeorm/idle',
      'typeorm/total',
      'typeorm/waiting',
    ]);
    expect(pools.find((s) => s.labels.pool === 'typeorm' && s.labels.state === 'total')?.value).toBeGreaterThan(0);
  });

  it('counts the events waiting for a consumer and how long the oldest has waited', async () => {
    const before = samples(await scrape(), 'jiebang_event_queue_depth').find(
      (s) => s.labels.queue === 'audit.identity.user_registered',
    );
    await registered(service.http);
    await eventually(async () => {
      const text = await scrape();
      const of = (name: string, queue: string) => samples(text, name).find((s) => s.labels.queue === queue)?.value;
      expect(of('jiebang_event_queue_depth', 'audit.identity.user_registered')).toBe((before?.value ?? 0) + 1);
      expect(of('jiebang_event_queue_oldest_age_seconds', 'audit.identity.user_registered')).toBeGreaterThan(0);
      // The subscribed consumer's copy of the same event is handled and leaves its queue.
      expect(of('jiebang_event_queue_depth', 'notifications.identity.user_registered')).toBe(0);
    });
  });
});

interface ReceivedSpan {
  service: string;
  scope: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Array<{ key: string; value: Record<string, unknown> }>;
}

interface OtlpTraces {
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans: Array<{ scope: { name: string }; spans: Array<Omit<ReceivedSpan, 'service' | 'scope'>> }>;
  }>;
}

/** A minimal OTLP/HTTP collector: the JSON the exporter posts to /v1/traces, flattened to spans. */
async function startCollector(): Promise<{ url: string; spans: ReceivedSpan[]; server: Server }> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        for (const { resource, scopeSpans } of (JSON.parse(body) as OtlpTraces).resourceSpans) {
          const service = resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
          for (const { scope, spans: received } of scopeSpans)
            for (const span of received) spans.push({ ...span, service, scope: scope.name });
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, server };
}

const SERVER = 2;
const CONSUMER = 5;

// Auto-instrumentation patches modules as Node's require loads them, which Jest's VM modules
// bypass: the built service runs as a real process, exporting to a collector in this test.
describe('observability: OpenTelemetry tracing', () => {
  let database: { url: string; drop: () => Promise<void> };
  let collector: Awaited<ReturnType<typeof startCollector>>;

  beforeAll(async () => {
    [database, collector] = await Promise.all([createTestDatabase(), startCollector()]);
  });

  afterAll(async () => {
    await new Promise((resolve) => collector.server.close(resolve));
    await database.drop();
  });

  it('follows a request through its queries and the event it publishes into the consumer’s queries', async () => {
    const port = await freePort();
    const running = startApp('demand-service', {
      ...serviceEnv(database.url, readTestServers()),
      PORT: String(port),
      JWT_SECRET: TEST_JWT_SECRET,
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await eventually(async () => expect((await fetch(`${base}/health/ready`)).status).toBe(200), {
        timeoutMs: 60_000,
      });
      const registration = await fetch(`${base}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(aRegistration()),
      });
      expect(registration.status).toBe(201);

      // The batch processor exports every few seconds.
      const { request, consumer } = await eventually(
        () => {
          const request = collector.spans.find(
            (span) => span.kind === SERVER && JSON.stringify(span.attributes).includes('/api/v1/auth/register'),
          );
          const consumer = collector.spans.find(
            (span) => span.kind === CONSUMER && span.name === 'demand.identity.organisation_registered process',
          );
          expect(request).toBeDefined();
          expect(consumer).toBeDefined();
          return { request: request!, consumer: consumer! };
        },
        { timeoutMs: 30_000 },
      );
      // Named by the route template the server matched.
      expect(request.name).toBe('POST /api/v1/auth/register');
      const inTrace = collector.spans.filter((span) => span.traceId === request.traceId);
      expect(consumer.traceId).toBe(request.traceId);
      expect(inTrace.every((span) => span.service === 'demand-service')).toBe(true);
      const queries = inTrace.filter((span) => span.scope === '@opentelemetry/instrumentation-pg');
      expect(queries.length).toBeGreaterThan(0);
      // The consumer's own queries are its children: HTTP → DB → event → consumer → DB.
      await eventually(
        () => {
          const handled = collector.spans.filter(
            (span) => span.parentSpanId === consumer.spanId && span.scope === '@opentelemetry/instrumentation-pg',
          );
          expect(handled.length).toBeGreaterThan(0);
        },
        { timeoutMs: 30_000 },
      );
      // Probes are not traced.
      expect(collector.spans.some((span) => JSON.stringify(span.attributes).includes('/health/ready'))).toBe(false);
    } finally {
      expect(await running.stop()).toBe(0);
    }
  }, 120_000);
});

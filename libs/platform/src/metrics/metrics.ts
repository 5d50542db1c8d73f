import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** One value of a gauge, read at scrape time. */
export interface GaugeSample {
  labels?: Record<string, string>;
  value: number;
}

export interface CollectedGauge {
  /** Prometheus name, `jiebang_` prefixed. */
  name: string;
  help: string;
  labelNames?: readonly string[];
  /** Runs on each scrape: keep it to one cheap query. */
  collect: () => Promise<GaugeSample[]>;
}

/** Paths that are not traffic: probes and scrapes would dominate the request histogram. */
const UNMEASURED = /^\/(health|metrics)(\/|$)/;

/**
 * The app's Prometheus registry. One per app instance (tests run several apps in one process, so
 * the global default registry is never used). Contexts add gauges read lazily on scrape, as they
 * add readiness checks, so platform never knows them.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by method, matched route template and status code.',
      labelNames: ['method', 'route', 'status_code'],
      registers: [this.registry],
    });
  }

  gauge({ name, help, labelNames = [], collect }: CollectedGauge): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        const samples = await collect();
        // Series that vanished since the last scrape (a drained queue label) must not linger.
        this.reset();
        for (const { labels = {}, value } of samples) this.set(labels, value);
      },
    });
  }

  /**
   * Times a request. The route is the template Fastify matched (`/api/v1/demands/:id`), never the
   * raw URL, so a label cannot grow with ids; anything no route matched (404, the web app) is `unmatched`.
   */
  observeRequest(method: string, url: string, template: string | undefined, statusCode: number, seconds: number): void {
    if (UNMEASURED.test(url.split('?')[0])) return;
    this.httpDuration.observe({ method, route: template ?? 'unmatched', status_code: String(statusCode) }, seconds);
  }
}

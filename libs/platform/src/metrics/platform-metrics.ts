import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { EventBus } from '../events/event-bus';
import { Metrics } from './metrics';

/** What a scrape needs once however many gauges read it: the queue query runs once per scrape. */
const SCRAPE_WINDOW_MS = 1000;

/** Platform gauges: event queues and the connection pools of TypeORM and of the event bus. */
@Injectable()
export class PlatformMetrics {
  private queueStats: { at: number; stats: ReturnType<EventBus['queueStats']> } | null = null;

  constructor(metrics: Metrics, bus: EventBus, @InjectDataSource() dataSource: DataSource) {
    const queues = (): ReturnType<EventBus['queueStats']> => {
      if (!this.queueStats || Date.now() - this.queueStats.at > SCRAPE_WINDOW_MS) {
        this.queueStats = { at: Date.now(), stats: bus.queueStats() };
      }
      return this.queueStats.stats;
    };
    metrics.gauge({
      name: 'jiebang_event_queue_depth',
      help: 'Events not yet handled (waiting, retrying or running) per consumer queue.',
      labelNames: ['queue'],
      collect: async () => (await queues()).map(({ queue, depth }) => ({ labels: { queue }, value: depth })),
    });
    metrics.gauge({
      name: 'jiebang_event_queue_oldest_age_seconds',
      help: 'Age of the oldest event waiting in each consumer queue (0 when none waits).',
      labelNames: ['queue'],
      collect: async () =>
        (await queues()).map(({ queue, oldestWaitingSeconds }) => ({ labels: { queue }, value: oldestWaitingSeconds })),
    });
    metrics.gauge({
      name: 'jiebang_event_dead_letters',
      help: 'Events parked in each consumer queue’s dead-letter queue after their retries ran out.',
      labelNames: ['queue'],
      collect: async () => (await queues()).map(({ queue, dead }) => ({ labels: { queue }, value: dead })),
    });
    // TypeORM's postgres driver keeps its pg.Pool as `master` (typed `any`; no replication configured).
    const typeorm = (): pg.Pool => (dataSource.driver as unknown as { master: pg.Pool }).master;
    metrics.gauge({
      name: 'jiebang_db_pool_connections',
      help: 'PostgreSQL pool connections by pool (typeorm, events) and state (total, idle, waiting clients).',
      labelNames: ['pool', 'state'],
      collect: () => {
        const pools = {
          typeorm: { total: typeorm().totalCount, idle: typeorm().idleCount, waiting: typeorm().waitingCount },
          events: bus.poolStats(),
        };
        return Promise.resolve(
          Object.entries(pools).flatMap(([pool, counts]) =>
            Object.entries(counts).map(([state, value]) => ({ labels: { pool, state }, value })),
          ),
        );
      },
    });
  }
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { DomainEvent, EventEnvelope, EventPayloads, EventTopology, EventType } from '@jiebang/contracts';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AfterCommit } from '../database/after-commit';
import { errorMessage } from '../logging/logger';
import { Inbox } from './inbox';

export const EVENT_TOPOLOGY_TOKEN = Symbol('EVENT_TOPOLOGY');

const RETENTION_MINUTES = 60 * 24 * 90;
const QUEUE_SETUP_LOCK = 4_815_162_343;
const BATCH_SIZE = 50;
const REPLAY_PAGE = 500;
/** The NOTIFY channel on which publishers name the queues they filled: `<instance> <queue>,<queue>…`. */
const WAKE_CHANNEL = 'jiebang_event_jobs';
const RELISTEN_MS = 5_000;
/** A listener's connection can die without a word (a NAT or load balancer dropping an idle flow): probe it. */
const LISTENER_CHECK_MS = 60_000;
/** setTimeout's ceiling; a retry due later is left to the poll. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Which logged events `replay` re-delivers: one event type of the consumer, from an instant on. */
export interface ReplayOptions {
  eventType?: string;
  since?: Date;
}

/** Known events arrive with their typed payload; ad-hoc ones (tests) as a plain envelope. */
export type EventFor<T extends string> = T extends EventType ? DomainEvent<T> : EventEnvelope<T>;

export type EventHandler<T extends string = string> = (event: EventFor<T>) => Promise<void>;

/** `search.demand.published`: one queue per consumer and event, so consumers fail independently. */
export function queueName(consumer: string, eventType: string): string {
  return `${consumer}.${eventType}`;
}

export function deadLetterQueueName(queue: string): string {
  return `${queue}.dead`;
}

/** A no-op until runService registers a tracer provider (OTEL_EXPORTER_OTLP_ENDPOINT). */
const tracer = trace.getTracer('@jiebang/platform/events');

/** The envelope with the active span's W3C trace context, if any, so its consumers join the trace. */
function withTraceContext<E extends EventEnvelope>(event: E): E {
  const carrier: Pick<EventEnvelope, 'traceparent' | 'tracestate'> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? { ...event, ...carrier } : event;
}

/**
 * Publication in one statement: a pg-boss job per consumer queue and the events in
 * platform.event_log (publication order, for `replay`; a redelivered event keeps its first entry).
 * Each job takes its queue's policy — retries, backoff, expiry, retention, dead letter — exactly as
 * pg-boss's own `insert` computes it for jobs without per-job options, which we never send; a job
 * for a queue that does not exist is skipped, as there (publishMany checks the queues first).
 * `jobs` and `events` are JSON parameters; nothing is written unless `when` holds.
 */
const insertJobs = (jobs: string, when: string) => `
    INSERT INTO pgboss.job (id, name, data, priority, start_after, dead_letter, expire_in, keep_until,
                            retry_limit, retry_delay, retry_backoff, policy)
    SELECT (j->>'id')::uuid, q.name, j->'data', 0, now(), q.dead_letter,
           coalesce(q.expire_seconds * interval '1 second', interval '15 minutes'),
           now() + coalesce(q.retention_minutes * interval '1 minute', interval '14 days'),
           coalesce(q.retry_limit, 2),
           CASE WHEN coalesce(q.retry_backoff, false) THEN greatest(coalesce(q.retry_delay, 0), 1)
                ELSE coalesce(q.retry_delay, 0) END,
           coalesce(q.retry_backoff, false), q.policy
      FROM jsonb_array_elements(${jobs}::jsonb) AS t(j) JOIN pgboss.queue q ON q.name = j->>'name'
     WHERE ${when}
    ON CONFLICT DO NOTHING`;
const insertLog = (events: string, when: string) => `
  INSERT INTO platform.event_log (id, type, occurred_at, event)
  SELECT (e->>'id')::uuid, e->>'type', (e->>'occurredAt')::timestamptz, e
    FROM jsonb_array_elements(${events}::jsonb) WITH ORDINALITY AS t(e, n) WHERE ${when} ORDER BY n
  ON CONFLICT (id) DO NOTHING`;
const PUBLISH = `WITH jobs AS (${insertJobs('$1', 'true')}) ${insertLog('$2', 'true')}`;

/**
 * Events on PostgreSQL through pg-boss. `publish` inserts one job per consumer queue inside the
 * caller's transaction, so an event exists exactly when the state change committed. Consumer
 * queues come from the topology in `contracts` and are created by every service at start, so an
 * event waits for a consumer whose service is down. Handlers are retried with exponential
 * backoff, then parked in a dead-letter queue.
 *
 * Consumers do not wait for a poll: once a publishing transaction commits, the bus wakes this
 * instance's workers on the queues it filled and NOTIFYs the others (after the commit, because a
 * NOTIFY inside it would serialise every publishing commit on PostgreSQL's notify lock). Polling
 * every `events.pollSeconds` is the safety net for a lost wake-up: a dropped listener connection, a
 * pool in transaction mode, a publisher killed between its commit and its NOTIFY.
 */
@Injectable()
export class EventBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('EventBus');
  private readonly boss: PgBoss;
  /** pg-boss's connections, ours so that shutdown can let queued queries finish before closing them. */
  private readonly pool: pg.Pool;
  private started = false;
  private stopping = false;
  /** Handler batches running now: shutdown waits for them so no pg-boss worker outlives the bus. */
  private readonly running = new Set<Promise<void>>();
  /** Queues this instance has made sure exist (pg-boss's bulk insert skips unknown ones silently). */
  private readonly queues = new Set<string>();
  /** This instance's workers by queue, to wake when jobs arrive. */
  private readonly workers = new Map<string, string[]>();
  /** Tells this instance's own NOTIFYs, which it has acted on already, from other instances'. */
  private readonly instance = randomUUID();
  private listener: pg.Client | null = null;
  /** Queues filled since the last NOTIFY was sent, and the NOTIFY on its way. */
  private readonly unannounced = new Set<string>();
  private announcing: Promise<void> | null = null;
  /** A reconnection under way, which shutdown waits for. */
  private listening: Promise<void> | null = null;
  private relisten: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_TOPOLOGY_TOKEN) private readonly topology: EventTopology,
    private readonly inbox: Inbox,
    private readonly afterCommit: AfterCommit,
  ) {
    this.pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 4,
      application_name: `${config.serviceName}-events`,
    });
    this.pool.on('error', (error) => this.logger.error(`pg-boss connection: ${error.message}`));
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => this.pool.query(text, values) },
      schema: 'pgboss',
    });
    this.boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    this.started = true;
    await this.listen().catch((error: unknown) => {
      this.logger.warn(`event wake-up listener not connected (the poll delivers): ${errorMessage(error)}`);
      this.listenLater();
    });
    await this.ensureQueues(this.consumerQueues());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.relisten);
    await this.listening;
    await this.listener?.end().catch(() => undefined);
    // Wake-ups already committed reach the other instances before the pool closes.
    await this.announcing;
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    // A worker stops only when its handler and its last fetch return, and pg-boss polls every
    // second until it has. An ended pg pool never serves the queries queued for a connection, so
    // the pool closes only once nothing waits for it.
    await Promise.allSettled([...this.running]);
    while (this.pool.waitingCount > 0 || this.pool.idleCount < this.pool.totalCount) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await this.pool.end();
    this.started = false;
  }

  /**
   * Listens for other instances' wake-ups on a connection of its own (LISTEN holds a session). A
   * lost connection is replaced every few seconds; meanwhile the poll delivers.
   */
  private async listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.config.databaseUrl,
      application_name: `${this.config.serviceName}-events`,
      connectionTimeoutMillis: 10_000,
      query_timeout: 10_000,
      keepAlive: true,
    });
    const check = setInterval(
      () => void client.query('SELECT 1').catch(() => client.end().catch(() => undefined)),
      LISTENER_CHECK_MS,
    ).unref();
    client.on('notification', ({ payload = '' }) => {
      const [sender, queues = ''] = payload.split(' ');
      if (sender !== this.instance) this.wakeWorkers(queues.split(','));
    });
    client.on('error', (error) => this.logger.warn(`event wake-up listener: ${error.message}`));
    client.on('end', () => {
      clearInterval(check);
      if (this.listener === client) this.listenLater();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${WAKE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopping) return client.end();
    this.listener = client;
  }

  private listenLater(): void {
    this.listener = null;
    if (this.stopping) return;
    this.relisten = setTimeout(() => {
      this.listening = this.listen()
        .catch((error: unknown) => {
          this.logger.warn(`event wake-up listener not connected (the poll delivers): ${errorMessage(error)}`);
          this.listenLater();
        })
        .finally(() => (this.listening = null));
    }, RELISTEN_MS);
  }

  /**
   * Fetches at once on this instance's workers of `queues`, and tells the other instances to. One
   * NOTIFY at a time: queues filled while one is on its way go together in the next.
   */
  private wake(filled: readonly string[]): void {
    // A batch publication names each queue once per event.
    const queues = [...new Set(filled)];
    if (queues.length === 0) return;
    this.wakeWorkers(queues);
    if (this.stopping) return;
    for (const queue of queues) this.unannounced.add(queue);
    if (!this.announcing) this.announcing = this.announce().finally(() => (this.announcing = null));
  }

  private async announce(): Promise<void> {
    while (this.unannounced.size > 0) {
      const queues = [...this.unannounced];
      this.unannounced.clear();
      await this.pool
        .query('SELECT pg_notify($1, $2)', [WAKE_CHANNEL, `${this.instance} ${queues.join(',')}`])
        .catch((error: unknown) =>
          this.logger.warn(`event wake-up not sent (the poll delivers): ${errorMessage(error)}`),
        );
    }
  }

  private wakeWorkers(queues: readonly string[]): void {
    for (const queue of queues) for (const id of this.workers.get(queue) ?? []) this.boss.notifyWorker(id);
  }

  /** Runs a handler batch so that shutdown can wait for it. */
  private track(batch: Promise<void>): Promise<void> {
    this.running.add(batch);
    return batch.finally(() => this.running.delete(batch));
  }

  /** Creates missing queues; services starting together on an empty database would otherwise deadlock. */
  private async ensureQueues(queues: string[]): Promise<void> {
    const missing = queues.filter((queue) => !this.queues.has(queue));
    if (missing.length === 0) return;
    const lock = new pg.Client({ connectionString: this.config.databaseUrl });
    await lock.connect();
    // A transaction-level lock, released by COMMIT: behind PgBouncer in transaction mode a session
    // lock would stay on a pooled server connection after this client has gone.
    try {
      await lock.query('BEGIN');
      await lock.query('SELECT pg_advisory_xact_lock($1)', [QUEUE_SETUP_LOCK]);
      const existing = new Set((await this.boss.getQueues()).map((queue) => queue.name));
      // One at a time: creating queues side by side deadlocks on pg-boss's partitioned job table.
      for (const queue of missing) {
        await this.createQueue(existing, deadLetterQueueName(queue), {});
        await this.createQueue(existing, queue, {
          retryLimit: this.config.events.retryLimit,
          retryDelay: this.config.events.retryDelaySeconds,
          retryBackoff: true,
          deadLetter: deadLetterQueueName(queue),
        });
      }
      for (const queue of missing) this.queues.add(queue);
      await lock.query('COMMIT');
    } finally {
      await lock.end();
    }
  }

  private async createQueue(
    existing: ReadonlySet<string>,
    name: string,
    options: Omit<PgBoss.Queue, 'name'>,
  ): Promise<void> {
    // Undelivered events wait this long for a consumer whose service is down (pg-boss's default: 14 days).
    if (!existing.has(name))
      await this.boss.createQueue(name, { name, retentionMinutes: RETENTION_MINUTES, ...options });
  }

  /** Builds an envelope for an aggregate change; `version` is the aggregate's new version. */
  static envelope<T extends EventType>(
    type: T,
    aggregateId: string,
    version: number,
    payload: EventPayloads[T],
  ): DomainEvent<T> {
    return {
      id: randomUUID(),
      type,
      aggregateId,
      version,
      occurredAt: new Date().toISOString(),
      payload,
    };
  }

  /** Writes the event inside `manager`'s transaction; it is delivered only if that transaction commits. */
  async publish(manager: EntityManager, event: EventEnvelope): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`Event ${event.type} must be published inside the transaction that made the change`);
    }
    // One statement for every consumer's job and the log.
    await this.publishMany(manager, [event]);
  }

  /** Publishes many events in one statement per call, inside `manager`'s transaction (batch publication). */
  async publishMany(manager: EntityManager, events: readonly EventEnvelope[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Events must be published inside the transaction that made the change');
    }
    const jobs = this.jobsOf(events);
    if (events.length === 0) return;
    await manager.query(PUBLISH, [JSON.stringify(jobs), JSON.stringify(events)]);
    this.afterCommit.run(manager, () => this.wake(jobs.map((job) => job.name)));
  }

  /**
   * The publication of `events` as CTEs of a caller's single statement that makes the change, so
   * the change and its events commit together without a transaction of several round trips:
   * written only if `when` (SQL over the statement's other CTEs) holds. Appends its parameters.
   */
  publication(events: readonly EventEnvelope[], params: unknown[], when: string): string[] {
    if (events.length === 0) return [];
    const jobs = `$${params.push(JSON.stringify(this.jobsOf(events)))}`;
    const logged = `$${params.push(JSON.stringify(events))}`;
    return [`event_jobs AS (${insertJobs(jobs, when)})`, `event_log AS (${insertLog(logged, when)})`];
  }

  /** Wakes the consumers of `events` once the statement carrying their `publication` (which made the jobs) has committed. */
  published(events: readonly EventEnvelope[]): void {
    this.wake(
      events.flatMap((event) => (this.topology[event.type] ?? []).map((consumer) => queueName(consumer, event.type))),
    );
  }

  /** One job per consumer queue of each event, carrying the active trace context. */
  private jobsOf(events: readonly EventEnvelope[]): Array<{ id: string; name: string; data: EventEnvelope }> {
    const jobs = events.flatMap((event) => {
      const consumers = this.topology[event.type];
      if (!consumers) throw new Error(`Event ${event.type} is not in the event topology`);
      return consumers.map((consumer) => ({
        id: randomUUID(),
        name: queueName(consumer, event.type),
        data: withTraceContext(event),
      }));
    });
    const missing = jobs.find((job) => !this.queues.has(job.name));
    if (missing) throw new Error(`Queue ${missing.name} does not exist`);
    return jobs;
  }

  /**
   * Re-delivers logged events to `consumer`'s queues, for a consumer added after they were
   * published. Consumers handle events through the inbox, so those it already has are skipped.
   * Returns how many events went to each of its queues.
   */
  async replay(consumer: string, options: ReplayOptions = {}): Promise<Record<string, number>> {
    const eventTypes = Object.entries(this.topology)
      .filter(([type, consumers]) => consumers.includes(consumer) && (!options.eventType || type === options.eventType))
      .map(([type]) => type);
    if (eventTypes.length === 0) {
      throw new Error(
        options.eventType
          ? `${consumer} does not consume ${options.eventType} in the event topology`
          : `${consumer} consumes nothing in the event topology`,
      );
    }
    await this.ensureQueues(eventTypes.map((type) => queueName(consumer, type)));
    const replayed: Record<string, number> = {};
    for (const type of eventTypes) {
      replayed[type] = 0;
      for (let after = '0'; ;) {
        const { rows } = await this.pool.query<{ seq: string; event: EventEnvelope }>(
          `SELECT seq, event FROM platform.event_log
           WHERE type = $1 AND occurred_at >= $2 AND seq > $3 ORDER BY seq LIMIT $4`,
          [type, options.since ?? new Date(0), after, REPLAY_PAGE],
        );
        if (rows.length === 0) break;
        await this.boss.insert(
          rows.map(({ event }) => ({ id: randomUUID(), name: queueName(consumer, type), data: event })),
        );
        replayed[type] += rows.length;
        this.wake([queueName(consumer, type)]);
        after = rows[rows.length - 1].seq;
      }
    }
    return replayed;
  }

  /**
   * Runs `handler` on a cron schedule. pg-boss keeps one job per tick across all instances, so
   * a rule runs once per tick however many services host it.
   */
  async schedule(name: string, cron: string, handler: () => Promise<void>): Promise<void> {
    await this.ensureQueues([name]);
    await this.boss.schedule(name, cron);
    await this.boss.work(name, { pollingIntervalSeconds: 2 }, () => this.track(handler()));
  }

  /**
   * Starts delivering `eventType` to `consumer`'s handler, in order, up to a batch at a time.
   * A throwing handler fails only its own event, which is retried with backoff.
   */
  async subscribe<T extends string>(consumer: string, eventType: T, handler: EventHandler<T>): Promise<void> {
    const queue = queueName(consumer, eventType);
    await this.ensureQueues([queue]);
    // The handler may run before `work` resolves with the worker's id.
    const worker = { id: '' };
    worker.id = await this.boss.work<EventFor<T>>(
      queue,
      { batchSize: BATCH_SIZE, pollingIntervalSeconds: this.config.events.pollSeconds, includeMetadata: true },
      (jobs) => this.track(this.deliver(queue, jobs, handler, worker)),
    );
    this.workers.set(queue, [...(this.workers.get(queue) ?? []), worker.id]);
  }

  private async deliver<T extends string>(
    queue: string,
    jobs: PgBoss.JobWithMetadata<EventFor<T>>[],
    handler: EventHandler<T>,
    worker: { id: string },
  ): Promise<void> {
    // pg-boss hands over a batch in no particular order; deliver it in publication order.
    const ordered = [...jobs].sort((a, b) => a.createdOn.getTime() - b.createdOn.getTime());
    if (!(ordered.length > 1 && (await this.deliverTogether(queue, ordered, handler)))) {
      for (const job of ordered) {
        // Failing the batch redelivers it after restart; consumers are idempotent.
        if (this.stopping) throw new Error('Event bus is shutting down');
        try {
          await this.handle(queue, job.data, handler);
        } catch (error) {
          // Nest's Logger takes a message first: say everything in it.
          this.logger.warn(`${queue}: handler failed for event ${job.data.id}; will retry: ${errorMessage(error)}`);
          await this.boss.fail(queue, job.id, { message: errorMessage(error) });
          // Only a shortcut: if it fails, the poll finds the retry.
          void this.wakeForRetry(queue, job.id, worker.id).catch((wakeError: unknown) =>
            this.logger.debug(`${queue}: no wake-up for the retry: ${errorMessage(wakeError)}`),
          );
        }
      }
    }
    // A full batch means a backlog: fetch again at once instead of waiting for the next poll.
    if (jobs.length === BATCH_SIZE && worker.id) this.boss.notifyWorker(worker.id);
  }

  /** Wakes the worker when the failed job's retry is due (pg-boss backs off with jitter), not at a poll after. */
  private async wakeForRetry(queue: string, jobId: string, workerId: string): Promise<void> {
    const { rows } = await this.pool.query<{ due: number }>(
      `SELECT extract(epoch FROM start_after - now()) * 1000 AS due FROM pgboss.job
        WHERE name = $1 AND id = $2 AND state = 'retry'`,
      [queue, jobId],
    );
    if (rows.length === 0) return;
    const due = Math.max(0, Number(rows[0].due));
    if (due <= MAX_TIMER_MS) setTimeout(() => this.boss.notifyWorker(workerId), due).unref();
  }

  /**
   * The batch's inbox effects in one transaction; false when any handler failed (the transaction
   * is rolled back), so that the events are delivered one at a time and only the failing one retries.
   */
  private async deliverTogether<T extends string>(
    queue: string,
    jobs: PgBoss.JobWithMetadata<EventFor<T>>[],
    handler: EventHandler<T>,
  ): Promise<boolean> {
    try {
      await this.inbox.together(
        jobs.map((job) => job.data.id),
        async () => {
          for (const job of jobs) {
            if (this.stopping) throw new Error('Event bus is shutting down');
            await this.handle(queue, job.data, handler);
          }
        },
      );
      return true;
    } catch (error) {
      this.logger.debug(
        `${queue}: a batch of ${jobs.length} failed together, delivering one by one: ${errorMessage(error)}`,
      );
      return false;
    }
  }

  /** Runs a handler in a consumer span, the child of the publisher's span when the event carries one. */
  private handle<T extends string>(queue: string, event: EventFor<T>, handler: EventHandler<T>): Promise<void> {
    const parent = propagation.extract(ROOT_CONTEXT, event);
    const attributes = {
      'messaging.system': 'pg-boss',
      'messaging.destination.name': queue,
      'messaging.message.id': event.id,
    };
    return tracer.startActiveSpan(`${queue} process`, { kind: SpanKind.CONSUMER, attributes }, parent, async (span) => {
      try {
        await handler(event);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(error) });
        throw error;
      } finally {
        span.end();
      }
    });
  }

  /** Everything waiting for a consumer across its queues in the topology, for health checks. */
  async consumerBacklog(consumer: string): Promise<{ pending: number; dead: number }> {
    const total = { pending: 0, dead: 0 };
    for (const [eventType, consumers] of Object.entries(this.topology)) {
      if (!consumers.includes(consumer)) continue;
      const size = await this.backlog(consumer, eventType);
      total.pending += size.pending;
      total.dead += size.dead;
    }
    return total;
  }

  /** The consumer queues of the topology. */
  private consumerQueues(): string[] {
    return Object.entries(this.topology).flatMap(([eventType, consumers]) =>
      consumers.map((consumer) => queueName(consumer, eventType)),
    );
  }

  /**
   * Per consumer queue: jobs not yet done (waiting, retrying or running), how long the oldest
   * waiting one has waited, and its dead letters, in one query (metrics scrape this every 15 s).
   * pg-boss partitions `pgboss.job` by queue name, and its job_i5 index covers waiting jobs.
   */
  async queueStats(): Promise<Array<{ queue: string; depth: number; oldestWaitingSeconds: number; dead: number }>> {
    const queues = this.consumerQueues();
    const { rows } = await this.pool.query<{ name: string; depth: number; oldest: number }>(
      `SELECT name, count(*)::int AS depth,
              coalesce(extract(epoch FROM now() - min(created_on) FILTER (WHERE state < 'active')), 0)::float8 AS oldest
         FROM pgboss.job WHERE name = ANY($1::text[]) AND state < 'completed' GROUP BY name`,
      [[...queues, ...queues.map(deadLetterQueueName)]],
    );
    const byName = new Map(rows.map((row) => [row.name, row]));
    return queues.map((queue) => ({
      queue,
      depth: byName.get(queue)?.depth ?? 0,
      oldestWaitingSeconds: byName.get(queue)?.oldest ?? 0,
      dead: byName.get(deadLetterQueueName(queue))?.depth ?? 0,
    }));
  }

  /** The bus's own connection pool, for metrics. */
  poolStats(): { total: number; idle: number; waiting: number } {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  /** Jobs waiting or retrying in a queue, for health and tests. */
  async backlog(consumer: string, eventType: string): Promise<{ pending: number; dead: number }> {
    const queue = queueName(consumer, eventType);
    const [pending, dead] = await Promise.all([
      this.boss.getQueueSize(queue, { before: 'completed' }),
      this.boss.getQueueSize(deadLetterQueueName(queue), { before: 'completed' }),
    ]);
    return { pending, dead };
  }
}

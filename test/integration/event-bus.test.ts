import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EventEnvelope } from '@jiebang/contracts';
import type { EntityManager } from 'typeorm';
import { EventBus, Inbox, type ServiceDefinition, Transactions } from '@jiebang/platform';
import { eventually } from '../harness/eventually';
import { createTestDatabase } from '../harness/test-database';
import { startTestService, type TestService } from '../harness/test-app';

const probe: ServiceDefinition = { name: 'probe', defaultPort: 0, contexts: [], migrations: [] };
const topology = {
  'probe.happened': ['listener'],
  'probe.failing': ['listener'],
  'probe.batched': ['listener'],
  'probe.mixed': ['listener'],
  'probe.claimed': ['listener'],
  'probe.woken': ['listener'],
  'probe.nearby': ['listener'],
  'probe.unheard': ['listener'],
} as const;

function anEvent(type: string, marker: string): EventEnvelope {
  return {
    ...EventBus.envelope('identity.organisation_registered', marker, 1, { name: marker, kind: 'enterprise' }),
    type,
  };
}

describe('event bus on PostgreSQL', () => {
  let databaseUrl: string;
  let drop: () => Promise<void>;
  let publisher: TestService;

  beforeAll(async () => {
    ({ url: databaseUrl, drop } = await createTestDatabase());
    publisher = await startTestService(probe, { topology, databaseUrl });
  });

  afterAll(async () => {
    await publisher.close();
    await drop();
  });

  it('delivers an event from a committed transaction, never one from a rolled-back one, even to a consumer that was down', async () => {
    const bus = publisher.app.get(EventBus);
    const transactions = publisher.app.get(Transactions);
    const rolledBack = anEvent('probe.happened', 'rolled-back');
    const committed = anEvent('probe.happened', 'committed');

    await expect(
      transactions.run(async (manager) => {
        await bus.publish(manager, rolledBack);
        throw new Error('the use case fails after publishing');
      }),
    ).rejects.toThrow('the use case fails');
    await transactions.run((manager) => bus.publish(manager, committed));

    // Nobody is listening yet: the committed event waits in the consumer's queue.
    expect(await bus.backlog('listener', 'probe.happened')).toEqual({ pending: 1, dead: 0 });

    // The consumer's service comes up afterwards, as a separate instance.
    const consumer = await startTestService(probe, { topology, databaseUrl });
    const received: string[] = [];
    try {
      await consumer.app.get(EventBus).subscribe('listener', 'probe.happened', (event) => {
        received.push(event.aggregateId);
        return Promise.resolve();
      });
      await eventually(async () =>
        expect(await bus.backlog('listener', 'probe.happened')).toEqual({ pending: 0, dead: 0 }),
      );
      expect(received).toEqual(['committed']);
    } finally {
      await consumer.close({ keepDatabase: true });
    }
  });

  it('refuses to publish outside a transaction', async () => {
    const bus = publisher.app.get(EventBus);
    await expect(bus.publish(publisher.app.get(Transactions).manager, anEvent('probe.happened', 'x'))).rejects.toThrow(
      /inside the transaction/,
    );
  });

  it('retries a failing handler, then parks the event in the dead-letter queue', async () => {
    const bus = publisher.app.get(EventBus);
    let attempts = 0;
    await bus.subscribe('listener', 'probe.failing', () => {
      attempts += 1;
      return Promise.reject(new Error('consumer bug'));
    });
    await publisher.app.get(Transactions).run((manager) => bus.publish(manager, anEvent('probe.failing', 'doomed')));
    await eventually(
      async () => expect(await bus.backlog('listener', 'probe.failing')).toEqual({ pending: 0, dead: 1 }),
      {
        timeoutMs: 30_000,
      },
    );
    // one delivery plus retryLimit (2) retries
    expect(attempts).toBe(3);
  });

  it('applies a redelivered event once through the inbox', async () => {
    const inbox = publisher.app.get(Inbox);
    const event = anEvent('probe.happened', 'twice');
    const effects: string[] = [];
    const effect = () => {
      effects.push(event.id);
      return Promise.resolve();
    };
    expect(await inbox.handleOnce('listener', event, effect)).toBe(true);
    expect(await inbox.handleOnce('listener', event, effect)).toBe(false);
    expect(effects).toEqual([event.id]);
  });

  describe('wake-ups', () => {
    /** An instance whose queues are polled only every `pollSeconds`. */
    const instance = (serviceName: string, pollSeconds: number) =>
      startTestService(probe, {
        topology,
        databaseUrl,
        config: { serviceName, events: { retryLimit: 2, retryDelaySeconds: 0, pollSeconds } },
      });
    /** The connection on which an instance LISTENs for other instances' wake-ups. */
    const listenerOf = (serviceName: string) =>
      publisher.app.get(Transactions).manager.query<Array<{ pid: number }>>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = $1 AND query LIKE 'LISTEN%'`,
        [`${serviceName}-events`],
      );
    const publishOne = (service: TestService, type: string, marker: string) =>
      service.app.get(Transactions).run((manager) => service.app.get(EventBus).publish(manager, anEvent(type, marker)));

    it('delivers at commit, in the publishing instance and in another, long before a poll', async () => {
      const [consumer, neighbour] = await Promise.all([instance('probe-far', 300), instance('probe-near', 300)]);
      try {
        const received: string[] = [];
        const handler = (event: EventEnvelope) => {
          received.push(event.aggregateId);
          return Promise.resolve();
        };
        await consumer.app.get(EventBus).subscribe('listener', 'probe.woken', handler);
        await neighbour.app.get(EventBus).subscribe('listener', 'probe.nearby', handler);
        // Once each worker has handled a first event it waits for a wake-up, or for its poll in 300 s.
        await publishOne(neighbour, 'probe.woken', 'first');
        await publishOne(neighbour, 'probe.nearby', 'first');
        await eventually(() => expect(received).toEqual(['first', 'first']), { timeoutMs: 10_000 });

        await publishOne(neighbour, 'probe.woken', 'across instances');
        await eventually(() => expect(received.slice(2)).toEqual(['across instances']), { timeoutMs: 10_000 });
        await publishOne(neighbour, 'probe.nearby', 'in the same instance');
        await eventually(() => expect(received.slice(2)).toEqual(['across instances', 'in the same instance']), {
          timeoutMs: 10_000,
        });
      } finally {
        await Promise.all([consumer.close({ keepDatabase: true }), neighbour.close({ keepDatabase: true })]);
      }
    });

    it('delivers at the next poll when a wake-up is lost, and listens again after its connection dropped', async () => {
      const consumer = await instance('probe-deaf', 1);
      try {
        const received: string[] = [];
        await consumer.app.get(EventBus).subscribe('listener', 'probe.unheard', (event) => {
          received.push(event.aggregateId);
          return Promise.resolve();
        });
        const [{ pid }] = await listenerOf('probe-deaf');
        await publisher.app.get(Transactions).manager.query('SELECT pg_terminate_backend($1)', [pid]);

        await publishOne(publisher, 'probe.unheard', 'unheard');
        await eventually(() => expect(received).toEqual(['unheard']), { timeoutMs: 10_000 });
        await eventually(
          async () => {
            const listeners = await listenerOf('probe-deaf');
            expect(listeners).toHaveLength(1);
            expect(listeners[0].pid).not.toBe(pid);
          },
          { timeoutMs: 20_000 },
        );
      } finally {
        await consumer.close({ keepDatabase: true });
      }
    });
  });

  describe('a delivered batch', () => {
    /** Publishes events in one transaction, before anyone listens, so that one fetch takes them all. */
    async function publishAll(type: string, markers: string[]): Promise<EventEnvelope[]> {
      const events = markers.map((marker) => anEvent(type, marker));
      await publisher.app.get(Transactions).run((manager) => publisher.app.get(EventBus).publishMany(manager, events));
      return events;
    }

    it('commits its inbox effects in one transaction', async () => {
      const bus = publisher.app.get(EventBus);
      const inbox = publisher.app.get(Inbox);
      await publishAll('probe.batched', ['one', 'two', 'three']);
      const transactionOf = new Map<string, string>();
      await bus.subscribe('listener', 'probe.batched', async (event) => {
        await inbox.handleOnce('listener', event, async (manager) => {
          const [{ id }] = await manager.query<Array<{ id: string }>>('SELECT txid_current()::text AS id');
          transactionOf.set(event.aggregateId, id);
        });
      });
      await eventually(async () =>
        expect(await bus.backlog('listener', 'probe.batched')).toEqual({ pending: 0, dead: 0 }),
      );
      expect([...transactionOf.keys()].sort()).toEqual(['one', 'three', 'two']);
      expect(new Set(transactionOf.values()).size).toBe(1);
    });

    it('applies each event once per consumer, skips the handled ones, and leaves those its handler passed over unhandled', async () => {
      const bus = publisher.app.get(EventBus);
      const inbox = publisher.app.get(Inbox);
      const [done, kept, , passed] = await publishAll('probe.claimed', ['done', 'kept', 'also-kept', 'passed']);
      const effects: string[] = [];
      const transactions = new Set<string>();
      const record = (event: EventEnvelope) => async (manager: EntityManager) => {
        effects.push(event.aggregateId);
        const [{ id }] = await manager.query<Array<{ id: string }>>('SELECT txid_current()::text AS id');
        transactions.add(id);
      };
      expect(await inbox.handleOnce('listener', done, record(done))).toBe(true);
      transactions.clear();
      await bus.subscribe('listener', 'probe.claimed', async (event) => {
        if (event.aggregateId === 'passed') return;
        await inbox.handleOnce('listener', event, record(event));
        // A second call for the same event in the same batch is a duplicate.
        await inbox.handleOnce('listener', event, record(event));
      });
      await eventually(async () =>
        expect(await bus.backlog('listener', 'probe.claimed')).toEqual({ pending: 0, dead: 0 }),
      );
      // Events published in one transaction share a timestamp: the batch may hold them in either order.
      expect([...effects].sort()).toEqual(['also-kept', 'done', 'kept']);
      // One delivered batch: the claim path, not the one-by-one one.
      expect(transactions.size).toBe(1);
      expect(await inbox.handleOnce('listener', kept, record(kept))).toBe(false);
      expect(await inbox.handleOnce('listener', passed, record(passed))).toBe(true);
      expect([...effects].sort()).toEqual(['also-kept', 'done', 'kept', 'passed']);
    });

    it('falls back to one transaction per event when a handler fails, so only the failing event is retried', async () => {
      const bus = publisher.app.get(EventBus);
      const inbox = publisher.app.get(Inbox);
      const transactions = publisher.app.get(Transactions);
      await transactions.run((manager) => manager.query('CREATE TABLE probe_effect (marker text NOT NULL)'));
      await publishAll('probe.mixed', ['before', 'flaky', 'after']);
      const attempts = new Map<string, number>();
      await bus.subscribe('listener', 'probe.mixed', async (event) => {
        await inbox.handleOnce('listener', event, async (manager) => {
          const attempt = (attempts.get(event.aggregateId) ?? 0) + 1;
          attempts.set(event.aggregateId, attempt);
          await manager.query('INSERT INTO probe_effect (marker) VALUES ($1)', [event.aggregateId]);
          // Fails in the batch and again on its own, then succeeds when retried.
          if (event.aggregateId === 'flaky' && attempt <= 2) throw new Error('flaky consumer');
        });
      });
      await eventually(
        async () => expect(await bus.backlog('listener', 'probe.mixed')).toEqual({ pending: 0, dead: 0 }),
        { timeoutMs: 30_000 },
      );
      const rows = await transactions.manager.query<Array<{ marker: string }>>(
        'SELECT marker FROM probe_effect ORDER BY marker',
      );
      // Every effect committed exactly once: neither the rolled-back batch nor the failures left a row.
      expect(rows.map((row) => row.marker)).toEqual(['after', 'before', 'flaky']);
      expect(attempts.get('flaky')).toBe(3);
    });
  });
});

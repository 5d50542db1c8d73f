import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EventEnvelope } from '@jiebang/contracts';
import { EventBus, Inbox, type ServiceDefinition, Transactions } from '@jiebang/platform';
import { eventually } from '../harness/eventually';
import { createTestDatabase } from '../harness/test-database';
import { startTestService, type TestService } from '../harness/test-app';

const probe: ServiceDefinition = { name: 'probe', defaultPort: 0, contexts: [], migrations: [] };
const topology = { 'probe.happened': ['listener'], 'probe.failing': ['listener'] } as const;

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
});

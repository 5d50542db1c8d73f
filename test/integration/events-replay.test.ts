import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EventEnvelope } from '@jiebang/contracts';
import { EventBus, Inbox, type ServiceDefinition, Transactions } from '@jiebang/platform';
import { eventually } from '../harness/eventually';
import { createTestDatabase } from '../harness/test-database';
import { startTestService, type TestService } from '../harness/test-app';
import { DataSource } from 'typeorm';

const probe: ServiceDefinition = { name: 'probe', defaultPort: 0, contexts: [], migrations: [] };
// Release 1 knows one consumer; release 2 adds `late`, which also wants `probe.renamed`.
const before = { 'probe.happened': ['early'], 'probe.renamed': ['early'] } as const;
const after = { 'probe.happened': ['early', 'late'], 'probe.renamed': ['early', 'late'] } as const;

function anEvent(type: string, marker: string): EventEnvelope {
  return {
    ...EventBus.envelope('identity.organisation_registered', marker, 1, { name: marker, kind: 'enterprise' }),
    type,
  };
}

describe('events:replay', () => {
  let databaseUrl: string;
  let drop: () => Promise<void>;
  let release1: TestService;
  const published: EventEnvelope[] = [];

  beforeAll(async () => {
    ({ url: databaseUrl, drop } = await createTestDatabase());
    release1 = await startTestService(probe, { topology: before, databaseUrl });
    const bus = release1.app.get(EventBus);
    const transactions = release1.app.get(Transactions);
    published.push(
      anEvent('probe.happened', 'one'),
      anEvent('probe.renamed', 'two'),
      anEvent('probe.happened', 'three'),
    );
    await transactions.run((manager) => bus.publish(manager, published[0]));
    await transactions.run((manager) => bus.publishMany(manager, published.slice(1)));
    // A rolled-back event never reaches the log.
    await expect(
      transactions.run(async (manager) => {
        await bus.publish(manager, anEvent('probe.happened', 'rolled-back'));
        throw new Error('the use case fails after publishing');
      }),
    ).rejects.toThrow('the use case fails');
  });

  afterAll(async () => {
    await release1.close({ keepDatabase: true });
    await drop();
  });

  it('gives a consumer added later every past event, each applied once even when delivered twice', async () => {
    const release2 = await startTestService(probe, { topology: after, databaseUrl });
    try {
      const bus = release2.app.get(EventBus);
      const inbox = release2.app.get(Inbox);
      // Published after `late` exists: it reaches late's queue directly, and the replay sends it again.
      const fresh = anEvent('probe.happened', 'four');
      await release2.app.get(Transactions).run((manager) => bus.publish(manager, fresh));

      expect(await bus.replay('late')).toEqual({ 'probe.happened': 3, 'probe.renamed': 1 });

      const applied: string[] = [];
      let deliveries = 0;
      const handler = (event: EventEnvelope) => {
        deliveries += 1;
        return inbox
          .handleOnce('late', event, () => {
            applied.push(event.aggregateId);
            return Promise.resolve();
          })
          .then(() => undefined);
      };
      await bus.subscribe('late', 'probe.happened', handler);
      await bus.subscribe('late', 'probe.renamed', handler);
      await eventually(async () => {
        expect(await bus.backlog('late', 'probe.happened')).toEqual({ pending: 0, dead: 0 });
        expect(await bus.backlog('late', 'probe.renamed')).toEqual({ pending: 0, dead: 0 });
      });
      expect(deliveries).toBe(5);
      expect([...applied].sort()).toEqual(['four', 'one', 'three', 'two']);

      // A second replay delivers everything again and changes nothing.
      await bus.replay('late', { eventType: 'probe.happened' });
      await eventually(async () => {
        expect(deliveries).toBe(8);
        expect(await bus.backlog('late', 'probe.happened')).toEqual({ pending: 0, dead: 0 });
      });
      expect(applied).toHaveLength(4);
      // The consumer that existed all along got nothing extra.
      expect(await bus.backlog('early', 'probe.happened')).toEqual({ pending: 3, dead: 0 });
    } finally {
      await release2.close({ keepDatabase: true });
    }
  });

  it('limits a replay to one event type and to events since a date', async () => {
    const bus = release1.app.get(EventBus);
    const since = new Date(Date.parse(published[0].occurredAt) + 1);
    const later = published.filter((event) => Date.parse(event.occurredAt) >= since.getTime());
    expect(await bus.replay('early', { eventType: 'probe.renamed' })).toEqual({ 'probe.renamed': 1 });
    expect(await bus.replay('early', { eventType: 'probe.happened', since: new Date(Date.now() + 60_000) })).toEqual({
      'probe.happened': 0,
    });
    const counts = await bus.replay('early', { since });
    expect(counts['probe.happened'] + counts['probe.renamed']).toBe(
      later.length + 1, // `four`, published by release 2
    );
  });

  it('refuses a consumer or an event type outside the topology', async () => {
    const bus = release1.app.get(EventBus);
    await expect(bus.replay('nobody')).rejects.toThrow('nobody consumes nothing');
    await expect(bus.replay('late')).rejects.toThrow('late consumes nothing');
    await expect(bus.replay('early', { eventType: 'probe.unknown' })).rejects.toThrow('does not consume');
  });

  it('starts the log, when its migration runs, with the events pg-boss still holds', async () => {
    const dataSource = release1.app.get(DataSource);
    const migration = dataSource.migrations.find((candidate) => candidate.name?.startsWith('CreateEventLog'));
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query('DROP TABLE platform.event_log');
      await migration!.up(runner);
      const rows: Array<{ id: string }> = await runner.query('SELECT id FROM platform.event_log ORDER BY seq');
      const ids = rows.map((row) => row.id);
      const [one, two, three] = published.map((event) => event.id);
      expect(ids).toHaveLength(4);
      expect(ids[0]).toBe(one);
      expect(ids.slice(1, 3).sort()).toEqual([two, three].sort());
    } finally {
      await runner.release();
    }
  });
});

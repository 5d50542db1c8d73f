import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UsersService } from '@jiebang/identity';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { demandService } from '../../apps/demand-service/src/demand.definition';
import { searchService } from '../../apps/search-service/src/search.definition';
import { type Account, signedIn } from '../harness/factories';
import { startTestService, type TestService } from '../harness/test-app';

const BUDGET = 10;

/** Every service scaled to two replicas on one PostgreSQL, as production runs them. */
describe('scale-out: two replicas of a service behave as one', () => {
  let demand: TestService[];
  let search: TestService[];
  let admin: Account;
  const connectionsPerReplica = async (): Promise<Record<string, number>> => {
    const rows = await demand[0].app
      .get<DataSource>(getDataSourceToken())
      .query<Array<{ name: string; connections: number }>>(
        `SELECT application_name AS name, count(*)::int AS connections FROM pg_stat_activity
         WHERE datname = current_database() AND application_name LIKE '%-service-_%' GROUP BY 1 ORDER BY 1`,
      );
    return Object.fromEntries(rows.map((row) => [row.name, row.connections]));
  };
  let atStart: Record<string, number>;

  beforeAll(async () => {
    // Behind one proxy (TRUST_PROXY=1): the client is the last X-Forwarded-For entry.
    const config = { authRateLimitPerMinute: BUDGET, trustProxy: 1 };
    const first = await startTestService(demandService, { config: { ...config, serviceName: 'demand-service-1' } });
    const databaseUrl = first.config.databaseUrl;
    demand = [
      first,
      await startTestService(demandService, { databaseUrl, config: { ...config, serviceName: 'demand-service-2' } }),
    ];
    const search1 = await startTestService(searchService, { databaseUrl, config: { serviceName: 'search-service-1' } });
    search = [
      search1,
      await startTestService(searchService, {
        databaseUrl,
        // One installation: both replicas serve the same indexes.
        config: { serviceName: 'search-service-2', search: search1.config.search },
      }),
    ];
    await first.app.get(UsersService).ensureAdmin('office@example.cn', 'office-password-1');
    admin = await signedIn(first.http, 'office@example.cn', 'office-password-1');
    atStart = await connectionsPerReplica();
  });

  afterAll(async () => {
    const atEnd = await connectionsPerReplica();
    console.log(
      `PostgreSQL connections per replica: after start ${JSON.stringify(atStart)}, after the suite ${JSON.stringify(atEnd)}`,
    );
    for (const replica of [...search, demand[1]]) await replica.close({ keepDatabase: true });
    await demand[0].close();
  });

  it('shares one sign-in budget across replicas, whatever a client writes before the proxy hop', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < BUDGET + 2; i += 1) {
      const response = await demand[i % 2].http
        .post('/api/v1/auth/login')
        // The client forges a fresh address each time; nginx appends the one it really came from.
        .set('X-Forwarded-For', `10.0.${i}.1, 203.0.113.7`)
        .send({ email: 'office@example.cn', password: 'wrong-password' });
      if (response.status === 429) {
        expect(response.headers['content-type']).toMatch(/problem\+json/);
        expect(response.body.code).toBe('RATE_LIMITED');
      }
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array<number>(BUDGET).fill(401), 429, 429]);
    // Another client behind the same proxy keeps its own budget.
    await demand[0].http
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '203.0.113.8')
      .send({ email: 'office@example.cn', password: 'office-password-1' })
      .expect(200);
  });

  it('runs one rebuild when two replicas are asked at once', async () => {
    const reindex = (replica: TestService) => replica.http.post('/api/v1/search/reindex').set(admin.bearer);
    const responses = await Promise.all(search.map(reindex));
    const byStatus = Object.fromEntries(responses.map((response) => [response.status, response.body]));
    expect(Object.keys(byStatus).sort()).toEqual(['200', '409']);
    expect(byStatus[200]).toMatchObject({ kind: 'demand', documents: 0 });
    expect(byStatus[409]).toMatchObject({ code: 'SEARCH_REINDEX_RUNNING' });
    // The lock went with the rebuild: either replica may run the next one.
    await reindex(search[1]).expect(200);
    await reindex(search[0]).expect(200);
  });
});

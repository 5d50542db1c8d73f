import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freePort } from '@jiebang/platform';
import supertest from 'supertest';
import { approved, publishedBatch } from '../harness/demand-factories';
import { eventually } from '../harness/eventually';
import { type Account, registered, signedIn } from '../harness/factories';
import { anAdvisor, aProposal, awarded } from '../harness/matching-factories';
import { type RunningProcess, serviceEnv, startApp } from '../harness/processes';
import { TEST_JWT_SECRET } from '../harness/test-app';
import { createTestDatabase } from '../harness/test-database';
import { readTestServers } from '../harness/test-env';

type Http = ReturnType<typeof supertest>;

const ADMIN = { email: 'office@example.cn', password: 'office-password-1' };

/**
 * The deployment split: demand-service, search-service and matching-service as three processes on
 * one PostgreSQL and one Meilisearch, talking only through events, walked over HTTP end to end.
 */
describe('the whole story across three services', () => {
  let database: { url: string; drop: () => Promise<void> };
  const running: RunningProcess[] = [];
  let demand: Http;
  let search: Http;
  let matching: Http;

  beforeAll(async () => {
    database = await createTestDatabase();
    const servers = readTestServers();
    const common = {
      ...serviceEnv(database.url, servers),
      JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'warn',
      SEARCH_INDEX_PREFIX: `story${randomBytes(3).toString('hex')}_`,
      EVENT_RETRY_DELAY_SECONDS: '0',
    };
    const urls: Record<string, string> = {};
    for (const app of ['demand-service', 'search-service', 'matching-service']) {
      const port = await freePort();
      urls[app] = `http://127.0.0.1:${port}`;
      running.push(
        startApp(app, {
          ...common,
          PORT: String(port),
          ...(app === 'demand-service' ? { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } : {}),
        }),
      );
    }
    for (const url of Object.values(urls)) {
      await eventually(async () => expect((await fetch(`${url}/health/ready`)).status).toBe(200), {
        timeoutMs: 60_000,
      });
    }
    demand = supertest(urls['demand-service']);
    search = supertest(urls['search-service']);
    matching = supertest(urls['matching-service']);
  });

  afterAll(async () => {
    for (const process of running) expect(await process.stop()).toBe(0);
    await database.drop();
  });

  it('post → approve → publish → search → bid → award → milestones → convert → funnel', async () => {
    const admin = await signedIn(demand, ADMIN.email, ADMIN.password);
    const owner = await registered(demand, { role: 'enterprise' });
    const team = await registered(demand, { role: 'team' });
    const rival = await registered(demand, { role: 'team' });
    const advisor: Account = await anAdvisor(demand, admin, [owner.organisationId!]);

    // Post, review and publish on demand-service.
    const title = `航空发动机叶片激光冲击强化工艺${randomBytes(2).toString('hex')}`;
    const need = await approved(demand, owner, admin, {
      title,
      industry: 'laser_technology',
      keywords: ['激光冲击强化', '叶片'],
    });
    await publishedBatch(demand, admin, [need.id]);

    // Found on search-service.
    const found = await eventually(async () => {
      const response = await search.get('/api/v1/search/demands').query({ q: '激光冲击强化' }).expect(200);
      const hit = (response.body.items as Array<{ id: string }>).find((item) => item.id === need.id);
      expect(hit).toBeDefined();
      return hit!;
    });
    expect(found.id).toBe(need.id);

    // Bid on matching-service, once its listing has arrived through demand's events.
    const bid = await eventually(async () => {
      const response = await matching.post(`/api/v1/demands/${need.id}/bids`).set(team.bearer).send(aProposal());
      expect(response.status).toBe(201);
      return response.body as { id: string };
    });
    const losing = (
      await matching.post(`/api/v1/demands/${need.id}/bids`).set(rival.bearer).send(aProposal()).expect(201)
    ).body as { id: string };
    expect((await matching.get(`/api/v1/demands/${need.id}/bids/count`).expect(200)).body.bids).toBe(2);

    // Award on matching-service; demand-service follows.
    const { engagementIds } = await awarded(matching, owner, need.id, [bid.id], [losing.id]);
    const statusOf = async () => (await demand.get(`/api/v1/demands/${need.id}`).expect(200)).body.status as string;
    await eventually(async () => expect(await statusOf()).toBe('awarded'));
    const feedback = await matching.get(`/api/v1/bids/${losing.id}`).set(rival.bearer).expect(200);
    expect(feedback.body.feedback).toMatchObject({ category: 'cost' });

    // Milestones to completion.
    const path = `/api/v1/engagements/${engagementIds[0]}`;
    const milestones = (await matching.get(path).set(team.bearer).expect(200)).body.milestones as Array<{ id: string }>;
    for (const milestone of milestones) {
      await matching
        .post(`${path}/milestones/${milestone.id}/submit`)
        .set(team.bearer)
        .send({ deliverables: [{ name: '阶段成果报告', reference: 'DOC-2027-0099' }] })
        .expect(200);
      await matching.post(`${path}/milestones/${milestone.id}/accept`).set(owner.bearer).expect(200);
    }
    await eventually(async () => expect(await statusOf()).toBe('completed'));
    await eventually(async () => {
      const response = await search.get('/api/v1/search/demands').query({ q: '激光冲击强化', status: 'completed' });
      expect((response.body.items as Array<{ id: string }>).map((item) => item.id)).toContain(need.id);
    });

    // The advisor records the matchmaking and the conversion, once identity's assignment reached matching.
    await eventually(() =>
      matching
        .post('/api/v1/matchmakings')
        .set(advisor.bearer)
        .send({
          demandId: need.id,
          teamOrganisationId: team.organisationId,
          kind: 'introduction',
          occurredOn: '2026-11-20',
          notes: '引荐团队与企业对接叶片强化工艺需求。',
          outcome: 'agreement',
        })
        .expect(201),
    );
    await matching
      .post('/api/v1/conversions')
      .set(advisor.bearer)
      .send({
        title: '激光冲击强化工艺技术转让',
        kind: 'transfer',
        contractValue: 450,
        signedOn: '2026-11-27',
        demandId: need.id,
        bidId: bid.id,
        engagementId: engagementIds[0],
        parties: '企业；团队',
        evidenceRef: '技术合同登记号 5107032026000099',
      })
      .expect(201);

    // The funnel shows the whole path.
    const funnel = (await matching.get('/api/v1/stats/funnel').set(admin.bearer).expect(200)).body as {
      stages: Array<{ stage: string; count: number }>;
      contractValue: number;
    };
    expect(Object.fromEntries(funnel.stages.map((s) => [s.stage, s.count]))).toEqual({
      collected: 1,
      published: 1,
      bid_on: 1,
      matched: 1,
      awarded: 1,
      converted: 1,
    });
    expect(funnel.contractValue).toBe(450);

    // Each service serves only its own routes.
    await demand.get('/api/v1/stats/funnel').set(admin.bearer).expect(404);
    await matching.get(`/api/v1/demands/${need.id}`).expect(404);
  });
});

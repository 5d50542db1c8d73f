import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EventEnvelope, EVENT_TOPOLOGY } from '@jiebang/contracts';
import { BatchesService, DemandClockJob } from '@jiebang/demand';
import { UsersService } from '@jiebang/identity';
import { Clock, EventBus, Transactions } from '@jiebang/platform';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { aBatch, aDemand, approved, drafted, publishedBatch } from '../harness/demand-factories';
import { eventually } from '../harness/eventually';
import { type Account, registered, signedIn } from '../harness/factories';
import { startTestService, type TestService } from '../harness/test-app';

/** Routes demand's events also to a probe, so the suite sees exactly what was emitted. */
const topology = {
  ...EVENT_TOPOLOGY,
  'demand.published': ['probe'],
  'demand.updated': ['probe'],
  'demand.withdrawn': ['probe'],
  'demand.status_changed': ['probe'],
};

describe('demand: the lifecycle of a need, by role', () => {
  let service: TestService;
  let admin: Account;
  let owner: Account;
  let rival: Account;
  let team: Account;
  const events: EventEnvelope[] = [];
  const eventsOf = (id: string) => events.filter((event) => event.aggregateId === id);

  beforeAll(async () => {
    service = await startTestService(marketplace, { topology });
    const bus = service.app.get(EventBus);
    for (const type of ['demand.published', 'demand.updated', 'demand.withdrawn', 'demand.status_changed']) {
      await bus.subscribe('probe', type, (event) => {
        events.push(event);
        return Promise.resolve();
      });
    }
    await service.app.get(UsersService).ensureAdmin('office@example.cn', 'office-password-1');
    admin = await signedIn(service.http, 'office@example.cn', 'office-password-1');
    owner = await registered(service.http, { role: 'enterprise' });
    rival = await registered(service.http, { role: 'enterprise' });
    team = await registered(service.http, { role: 'team' });
  });

  afterAll(() => service.close());

  describe('drafting and editing', () => {
    it('lets an enterprise draft a need that only its side and admin can see', async () => {
      const demand = await drafted(service.http, owner);
      expect(demand).toMatchObject({ status: 'draft', code: null, version: 1 });
      const path = `/api/v1/demands/${demand.id}`;
      await service.http.get(path).set(owner.bearer).expect(200).expect('etag', '"1"');
      await service.http.get(path).set(admin.bearer).expect(200);
      for (const outsider of [rival, team]) await service.http.get(path).set(outsider.bearer).expect(404);
      await service.http.get(path).expect(404);
    });

    it('refuses drafting to teams and for another organisation', async () => {
      await service.http.post('/api/v1/demands').set(team.bearer).send({}).expect(403);
      const response = await service.http
        .post('/api/v1/demands')
        .set(owner.bearer)
        .send({ ...aDemand(), organisationId: rival.organisationId })
        .expect(403);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'organisationId' })]);
    });

    it('names every bad field and checks fields against each other', async () => {
      const bad = await service.http
        .post('/api/v1/demands')
        .set(owner.bearer)
        .send(aDemand({ industry: 'steel', indicators: [], bountyMin: -5, contactPhone: '12345' }))
        .expect(400);
      expect((bad.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
        'bountyMin',
        'contactPhone',
        'indicators',
        'industry',
      ]);
      const inconsistent = await service.http
        .post('/api/v1/demands')
        .set(owner.bearer)
        .send(aDemand({ bountyMin: 500, bountyMax: 100, awardMode: 'single', awardLeads: 3 }))
        .expect(400);
      expect((inconsistent.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
        'awardLeads',
        'bountyMax',
      ]);
    });

    it('edits with If-Match and catches a concurrent edit instead of overwriting it', async () => {
      const demand = await drafted(service.http, owner);
      const path = `/api/v1/demands/${demand.id}`;
      await service.http.patch(path).set(owner.bearer).send({ bountyMax: 400 }).expect(428);
      const [first, second] = await Promise.all([
        service.http.patch(path).set(owner.bearer).set('If-Match', '"1"').send({ bountyMax: 400 }),
        service.http.patch(path).set(owner.bearer).set('If-Match', '"1"').send({ bountyMax: 500 }),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 412]);
      const loser = first.status === 412 ? first : second;
      expect(loser.body).toMatchObject({ code: 'DEMAND_VERSION_MISMATCH', currentVersion: 2 });
      const now = await service.http.get(path).set(owner.bearer).expect(200);
      expect(now.body.version).toBe(2);
      expect([400, 500]).toContain(now.body.bountyMax);
      const inconsistent = await service.http
        .patch(path)
        .set(owner.bearer)
        .set('If-Match', '"2"')
        .send({ bountyMin: 9999 })
        .expect(400);
      expect(inconsistent.body.errors).toEqual([expect.objectContaining({ field: 'bountyMax' })]);
    });
  });

  describe('review', () => {
    it('walks draft → submitted → returned → submitted → approved, with a code, by the right roles only', async () => {
      const demand = await drafted(service.http, owner);
      const at = (action: string) => `/api/v1/demands/${demand.id}/${action}`;
      await service.http.post(at('approve')).set(admin.bearer).expect(409);
      await service.http.post(at('submit')).set(rival.bearer).expect(404);
      await service.http.post(at('submit')).set(team.bearer).expect(403);
      await service.http.post(at('submit')).set(owner.bearer).expect(200);
      await service.http
        .patch(`/api/v1/demands/${demand.id}`)
        .set(owner.bearer)
        .set('If-Match', '"2"')
        .send({ bountyMax: 350 })
        .expect(409);
      await service.http.post(at('approve')).set(owner.bearer).expect(403);
      await service.http.post(at('withdraw')).set(team.bearer).send({ reason: '越权撤回' }).expect(403);
      await service.http.post(at('return')).set(admin.bearer).send({ reasons: [] }).expect(400);
      const returned = await service.http
        .post(at('return'))
        .set(admin.bearer)
        .send({ reasons: ['技术指标缺少量化目标值', '榜额区间过宽'] })
        .expect(200);
      expect(returned.body.status).toBe('returned');
      await service.http
        .patch(`/api/v1/demands/${demand.id}`)
        .set(owner.bearer)
        .set('If-Match', `"${returned.body.version}"`)
        .send({ bountyMax: 280 })
        .expect(200);
      await service.http.post(at('submit')).set(owner.bearer).expect(200);
      const approvedNeed = await service.http.post(at('approve')).set(admin.bearer).expect(200);
      expect(approvedNeed.body).toMatchObject({ status: 'approved', code: expect.stringMatching(/^MY-\d{4}-\d{4}$/) });

      const illegal = await service.http.post(at('approve')).set(admin.bearer).expect(409);
      expect(illegal.body).toMatchObject({ code: 'DEMAND_ILLEGAL_TRANSITION', currentStatus: 'approved' });
    });

    it('keeps an audit trail of every move, readable by owner and admin only', async () => {
      const demand = await approved(service.http, owner, admin);
      const history = await service.http.get(`/api/v1/demands/${demand.id}/history`).set(owner.bearer).expect(200);
      expect(history.body.map((t: { action: string; to: string }) => `${t.action}:${t.to}`)).toEqual([
        'create:draft',
        'submit:submitted',
        'approve:approved',
      ]);
      expect(history.body[2]).toMatchObject({ actorId: admin.id, actorRole: 'admin', from: 'submitted' });
      await service.http.get(`/api/v1/demands/${demand.id}/history`).set(admin.bearer).expect(200);
      await service.http.get(`/api/v1/demands/${demand.id}/history`).set(rival.bearer).expect(404);
      await service.http.get(`/api/v1/demands/${demand.id}/history`).set(team.bearer).expect(403);
    });

    it('gives concurrent approvals distinct codes', async () => {
      const needs = await Promise.all(
        Array.from({ length: 6 }, async () => {
          const demand = await drafted(service.http, owner);
          await service.http.post(`/api/v1/demands/${demand.id}/submit`).set(owner.bearer).expect(200);
          return demand;
        }),
      );
      const codes = await Promise.all(
        needs.map(
          async (d) =>
            (await service.http.post(`/api/v1/demands/${d.id}/approve`).set(admin.bearer).expect(200)).body
              .code as string,
        ),
      );
      expect(new Set(codes).size).toBe(6);
    });
  });

  describe('batches and publication', () => {
    it('publishes a batch atomically with one event per need, visible to everyone', async () => {
      const needs = await Promise.all([
        approved(service.http, owner, admin),
        approved(service.http, owner, admin),
        approved(service.http, owner, admin),
      ]);
      const batch = await publishedBatch(
        service.http,
        admin,
        needs.map((n) => n.id),
      );
      const detail = await service.http
        .get(`/api/v1/batches/${batch.id}`)
        .expect(200)
        .expect('content-type', 'application/json; charset=utf-8');
      expect(detail.body).toMatchObject({ status: 'published', demandCount: 3 });
      expect(detail.body.demands.map((d: { status: string }) => d.status)).toEqual([
        'published',
        'published',
        'published',
      ]);
      // PostgreSQL writes the batch's needs and the service maps a need's page: the two must agree;
      // with every need public, the batch itself reads as it is listed.
      for (const need of detail.body.demands as Array<{ id: string }>)
        expect(need).toEqual((await service.http.get(`/api/v1/demands/${need.id}`).expect(200)).body);
      const { demands: _needs, ...head } = detail.body as Record<string, unknown>;
      const listedBatches = (await service.http.get('/api/v1/batches').expect(200)).body.items as Array<{ id: string }>;
      expect(listedBatches.find((b) => b.id === batch.id)).toEqual(head);
      const listed = await service.http.get('/api/v1/demands').query({ batchId: batch.id }).expect(200);
      expect(listed.body.total).toBe(3);
      // A page holds its share of the needs and the filter's total; a page past the end holds none.
      const pageOf = async (page: number) =>
        (await service.http.get('/api/v1/demands').query({ batchId: batch.id, pageSize: 2, page }).expect(200))
          .body as {
          items: Array<{ id: string }>;
          total: number;
        };
      const [first, second, beyond] = await Promise.all([pageOf(1), pageOf(2), pageOf(3)]);
      expect([first.items.length, second.items.length, beyond.items.length]).toEqual([2, 1, 0]);
      expect([first.total, second.total, beyond.total]).toEqual([3, 3, 3]);
      expect([...first.items, ...second.items].map((d) => d.id).sort()).toEqual(needs.map((n) => n.id).sort());
      await eventually(() => {
        for (const need of needs)
          expect(eventsOf(need.id).filter((e) => e.type === 'demand.published')).toHaveLength(1);
      });
      // A published batch is closed for changes.
      await service.http.post(`/api/v1/batches/${batch.id}/publish`).set(admin.bearer).expect(409);
    });

    it('fails the whole publication when one need cannot be published', async () => {
      const [keep, drop] = await Promise.all([
        approved(service.http, owner, admin),
        approved(service.http, owner, admin),
      ]);
      const batch = (await service.http.post('/api/v1/batches').set(admin.bearer).send(aBatch()).expect(201)).body as {
        id: string;
      };
      await service.http
        .post(`/api/v1/batches/${batch.id}/demands`)
        .set(admin.bearer)
        .send({ demandIds: [keep.id, drop.id] })
        .expect(200);
      await service.http
        .post(`/api/v1/demands/${drop.id}/withdraw`)
        .set(owner.bearer)
        .send({ reason: '企业已自主攻克该技术' })
        .expect(200);
      const failed = await service.http.post(`/api/v1/batches/${batch.id}/publish`).set(admin.bearer).expect(409);
      expect(failed.body).toMatchObject({
        code: 'BATCH_DEMAND_NOT_APPROVED',
        errors: [expect.objectContaining({ field: drop.id })],
      });
      expect((await service.http.get(`/api/v1/demands/${keep.id}`).set(owner.bearer).expect(200)).body.status).toBe(
        'approved',
      );
      // Its submission and approval only, no publication (delivery order is not promised; versions are).
      await eventually(() =>
        expect(
          eventsOf(keep.id)
            .sort((a, b) => a.version - b.version)
            .map((e) => `${e.type}:${(e.payload as { to: string }).to}`),
        ).toEqual(['demand.status_changed:submitted', 'demand.status_changed:approved']),
      );
      await service.http.get(`/api/v1/batches/${batch.id}`).expect(404); // still a draft: not public
    });

    it('drops a need withdrawn after publication from the public batch, not from the office view', async () => {
      const needs = await Promise.all([approved(service.http, owner, admin), approved(service.http, owner, admin)]);
      const batch = await publishedBatch(
        service.http,
        admin,
        needs.map((n) => n.id),
      );
      await service.http
        .post(`/api/v1/demands/${needs[1].id}/withdraw`)
        .set(owner.bearer)
        .send({ reason: '需求已变更' })
        .expect(200);
      const anonymous = await service.http.get(`/api/v1/batches/${batch.id}`).expect(200);
      expect(anonymous.body.demands.map((d: { id: string }) => d.id)).toEqual([needs[0].id]);
      const office = await service.http.get(`/api/v1/batches/${batch.id}`).set(admin.bearer).expect(200);
      expect(office.body.demands).toHaveLength(2);
      // The batch list counts what each reader's batch page shows.
      const listed = async (caller?: Account) => {
        const request = service.http.get('/api/v1/batches').query({ pageSize: 100 });
        const { items } = (await (caller ? request.set(caller.bearer) : request).expect(200)).body as {
          items: Array<{ id: string; demandCount: number }>;
        };
        return items.find((item) => item.id === batch.id)?.demandCount;
      };
      expect([await listed(), await listed(admin)]).toEqual([1, 2]);
      expect([anonymous.body.demandCount, office.body.demandCount]).toEqual([1, 2]);
    });

    it('refuses nulls, unreadable dates and absurd pages with 400, never 500', async () => {
      const demand = await drafted(service.http, owner);
      const nulls = await service.http
        .patch(`/api/v1/demands/${demand.id}`)
        .set(owner.bearer)
        .set('If-Match', '"1"')
        .send({ title: null, keywords: null })
        .expect(400);
      expect((nulls.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(
        expect.arrayContaining(['keywords', 'title']),
      );
      const week = await service.http
        .post('/api/v1/demands')
        .set(owner.bearer)
        .send(aDemand({ bidDeadline: '2027W01' }))
        .expect(400);
      expect(week.body.errors).toEqual([expect.objectContaining({ field: 'bidDeadline' })]);
      await service.http.get('/api/v1/demands').query({ page: '1000000000000000000' }).expect(400);
      await service.http
        .post('/api/v1/auth/register')
        .send({ email: 'n@example.cn', password: 'long-enough-pass', displayName: 'x', role: 'team', joinCode: null })
        .expect(400);
    });

    it('only adds approved needs, naming the others', async () => {
      const draft = await drafted(service.http, owner);
      const batch = (await service.http.post('/api/v1/batches').set(admin.bearer).send(aBatch()).expect(201)).body as {
        id: string;
      };
      const response = await service.http
        .post(`/api/v1/batches/${batch.id}/demands`)
        .set(admin.bearer)
        .send({ demandIds: [draft.id] })
        .expect(409);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'demandIds.0', message: 'is draft, not approved' }),
      ]);
      await service.http.post('/api/v1/batches').set(owner.bearer).send(aBatch()).expect(403);
    });

    it('declares a need unclaimed (流榜) once its deadline is long past without an award', async () => {
      const need = await approved(service.http, owner, admin);
      const day = 24 * 3600 * 1000;
      const batches = service.app.get(BatchesService);
      // Replay a release event 200 days ago whose bids closed 150 days ago (the window is 90 days).
      const principal = { userId: admin.id, role: 'admin' as const, organisationId: null };
      const clock = service.app.get(Clock);
      const batch = await clock.replayAt(new Date(Date.now() - 201 * day), async () => {
        const created = await batches.create(
          {
            title: `流榜测试榜单${need.id.slice(0, 6)}`,
            releaseDate: new Date(Date.now() - 200 * day).toISOString().slice(0, 10),
            venue: '测试',
            defaultBidDeadline: new Date(Date.now() - 150 * day).toISOString(),
          },
          { principal },
        );
        await batches.addDemands(created.id, [need.id]);
        return created;
      });
      await clock.replayAt(new Date(Date.now() - 200 * day), () => batches.publish(batch.id, { principal }));
      await service.app.get(DemandClockJob).tick();
      const history = await service.http.get(`/api/v1/demands/${need.id}/history`).set(owner.bearer).expect(200);
      expect(history.body.slice(-2).map((t: { action: string; to: string }) => `${t.action}:${t.to}`)).toEqual([
        'close_bidding:bidding_closed',
        'expire_unclaimed:unclaimed',
      ]);
      expect((await service.http.get(`/api/v1/demands/${need.id}`).expect(200)).body.status).toBe('unclaimed');
      // Nobody withdraws or re-awards a need that went unclaimed.
      await service.http
        .post(`/api/v1/demands/${need.id}/withdraw`)
        .set(owner.bearer)
        .send({ reason: '撤回' })
        .expect(409);
    });

    it('reads a need as closed at its deadline, before the job runs, and the job then records it', async () => {
      const need = await approved(service.http, owner, admin);
      await publishedBatch(service.http, admin, [need.id], {
        defaultBidDeadline: new Date(Date.now() + 1500).toISOString(),
      });
      await eventually(async () => {
        const view = await service.http.get(`/api/v1/demands/${need.id}`).expect(200);
        expect(view.body.status).toBe('bidding_closed');
      });
      const stored = await service.app
        .get(Transactions)
        .manager.query<Array<{ status: string }>>('SELECT status FROM demand.demand WHERE id = $1', [need.id]);
      expect(stored[0].status).toBe('published');
      await service.app.get(DemandClockJob).tick();
      const history = await service.http.get(`/api/v1/demands/${need.id}/history`).set(admin.bearer).expect(200);
      expect(history.body.at(-1)).toMatchObject({ action: 'close_bidding', to: 'bidding_closed', actorId: null });
      await eventually(() => expect(eventsOf(need.id).map((e) => e.type)).toContain('demand.status_changed'));
    });
  });

  describe('driven by matching events', () => {
    async function emit(
      type: 'matching.awarded' | 'matching.engagement_started' | 'matching.engagement_completed',
      payload: Record<string, unknown>,
      aggregateId: string,
    ) {
      const event = EventBus.envelope(type, aggregateId, 1, payload as never);
      await service.app.get(Transactions).run((manager) => service.app.get(EventBus).publish(manager, event));
      return event;
    }

    it('follows award (showing the winners the confidential fields), start and completion, once each even when redelivered, and refuses withdrawal after an award', async () => {
      const need = await approved(service.http, owner, admin);
      await publishedBatch(service.http, admin, [need.id]);
      const status = async () =>
        (await service.http.get(`/api/v1/demands/${need.id}`).set(owner.bearer)).body.status as string;

      const winners = [{ bidId: '00000000-0000-4000-8000-000000000001', teamOrganisationId: team.organisationId }];
      const award = await emit('matching.awarded', { demandId: need.id, winners, losers: [] }, need.id);
      await eventually(async () => expect(await status()).toBe('awarded'));
      // The same event again changes nothing.
      await service.app.get(Transactions).run((manager) => service.app.get(EventBus).publish(manager, award));
      // The winning team now reads the confidential fields; another team still does not.
      const asWinner = await service.http.get(`/api/v1/demands/${need.id}`).set(team.bearer).expect(200);
      expect(asWinner.body).toMatchObject({ confidentialDetails: need.confidentialDetails, contactName: '张工' });
      const outsider = await registered(service.http, { role: 'team' });
      const asOutsider = await service.http.get(`/api/v1/demands/${need.id}`).set(outsider.bearer).expect(200);
      expect(asOutsider.body).not.toHaveProperty('confidentialDetails');
      await service.http.get(`/api/v1/demands/${need.id}/history`).set(team.bearer).expect(403);
      await service.http
        .post(`/api/v1/demands/${need.id}/withdraw`)
        .set(owner.bearer)
        .send({ reason: '不再需要' })
        .expect(409);

      await emit('matching.engagement_started', { demandId: need.id }, 'engagement-1');
      await eventually(async () => expect(await status()).toBe('in_progress'));
      await emit(
        'matching.engagement_completed',
        { demandId: need.id, allEngagementsCompleted: false },
        'engagement-1',
      );
      await emit('matching.engagement_completed', { demandId: need.id, allEngagementsCompleted: true }, 'engagement-2');
      await eventually(async () => expect(await status()).toBe('completed'));
      const history = await service.http.get(`/api/v1/demands/${need.id}/history`).set(owner.bearer).expect(200);
      expect(history.body.map((t: { action: string }) => t.action).filter((a: string) => a === 'award')).toHaveLength(
        1,
      );
    });
  });

  describe('the public list', () => {
    // PostgreSQL writes the list's items and the service maps the need's page: the two must agree.
    it('shows every need exactly as its own public page does, in each public state', async () => {
      const fractional = await approved(service.http, owner, admin, { bountyMin: 12.5, bountyMax: 80.25 });
      await publishedBatch(service.http, admin, [fractional.id]);
      const list = await service.http
        .get('/api/v1/demands')
        .query({ pageSize: 100 })
        .expect(200)
        .expect('content-type', 'application/json; charset=utf-8');
      const items = list.body.items as Array<{ id: string; status: string }>;
      expect(list.body).toMatchObject({ total: items.length, page: 1, pageSize: 100 });
      expect(new Set(items.map((item) => item.status))).toEqual(
        new Set(['published', 'bidding_closed', 'unclaimed', 'completed']),
      );
      expect(items.find((item) => item.id === fractional.id)).toMatchObject({ bountyMin: 12.5, bountyMax: 80.25 });
      for (const item of items) {
        expect(item).toEqual((await service.http.get(`/api/v1/demands/${item.id}`).expect(200)).body);
      }
    });

    it('orders every page by the sort asked for, ties by id, pages adding up to the whole list', async () => {
      type Item = { id: string; bountyMin: number; bountyMax: number; bidDeadline: string | null };
      const list = async (query: Record<string, string | number>) =>
        (await service.http.get('/api/v1/demands').query(query).expect(200)).body as { items: Item[]; total: number };
      const byId = (a: Item, b: Item) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      const expected: Record<string, (a: Item, b: Item) => number> = {
        bounty_desc: (a, b) => b.bountyMax - a.bountyMax || byId(a, b),
        bounty_asc: (a, b) => a.bountyMin - b.bountyMin || byId(a, b),
        deadline: (a, b) => (a.bidDeadline ?? '~').localeCompare(b.bidDeadline ?? '~') || byId(a, b),
      };
      for (const [sort, order] of Object.entries(expected)) {
        const whole = await list({ sort, pageSize: 100 });
        expect(new Set(whole.items.map((item) => item.bountyMax)).size).toBeGreaterThan(1);
        expect(whole.items.map((item) => item.id)).toEqual([...whole.items].sort(order).map((item) => item.id));
        const pages = await Promise.all(
          Array.from({ length: Math.ceil(whole.total / 4) }, (_, i) => list({ sort, pageSize: 4, page: i + 1 })),
        );
        expect(pages.flatMap((page) => page.items.map((item) => item.id))).toEqual(whole.items.map((item) => item.id));
      }
    });
  });

  describe('confidentiality', () => {
    it('never shows confidential fields or contacts through a public route or a search-bound event', async () => {
      const need = await approved(service.http, owner, admin, {
        contactPhone: '0816-7654321',
        contactEmail: 'secret-contact@example.cn',
      });
      const batch = await publishedBatch(service.http, admin, [need.id]);
      const secrets = [need.confidentialDetails, '0816-7654321', 'secret-contact@example.cn', '张工'];
      const publicBodies = [
        (await service.http.get(`/api/v1/demands/${need.id}`)).text,
        (await service.http.get(`/api/v1/demands/${need.id}`).set(rival.bearer)).text,
        (await service.http.get(`/api/v1/demands/${need.id}`).set(team.bearer)).text,
        (await service.http.get('/api/v1/demands').query({ batchId: batch.id })).text,
        (await service.http.get(`/api/v1/batches/${batch.id}`)).text,
        (await service.http.get(`/api/v1/batches/${batch.id}/export?format=csv`)).text,
      ];
      await eventually(() => expect(eventsOf(need.id).some((e) => e.type === 'demand.published')).toBe(true));
      const eventBodies = eventsOf(need.id).map((event) => JSON.stringify(event));
      for (const body of [...publicBodies, ...eventBodies]) {
        for (const secret of secrets) expect(body).not.toContain(secret);
        expect(body).not.toContain('confidentialDetails');
      }
      // The owner still sees everything.
      const full = await service.http.get(`/api/v1/demands/${need.id}`).set(owner.bearer).expect(200);
      expect(full.body).toMatchObject({ confidentialDetails: need.confidentialDetails, contactPhone: '0816-7654321' });
    });
  });

  describe('advisors', () => {
    it('counts the needs each side manages per status in one request, agreeing with the lists', async () => {
      const fresh = await registered(service.http, { role: 'enterprise' });
      await drafted(service.http, fresh);
      const submitted = await drafted(service.http, fresh);
      await service.http.post(`/api/v1/demands/${submitted.id}/submit`).set(fresh.bearer).expect(200);
      await approved(service.http, fresh, admin);
      const counts = (await service.http.get('/api/v1/demands/manage/counts').set(fresh.bearer).expect(200)).body;
      expect(counts.total).toBe(3);
      expect(counts.statuses.filter((entry: { count: number }) => entry.count > 0)).toEqual([
        { status: 'draft', count: 1 },
        { status: 'submitted', count: 1 },
        { status: 'approved', count: 1 },
      ]);
      expect(counts.statuses).toHaveLength(11);
      for (const { status, count } of counts.statuses as Array<{ status: string; count: number }>) {
        const list = await service.http.get('/api/v1/demands/manage').query({ status }).set(fresh.bearer).expect(200);
        expect({ status, count: list.body.total }).toEqual({ status, count });
      }
      // The office counts everything, including these; a team counts nothing; filters are checked.
      const office = (await service.http.get('/api/v1/demands/manage/counts').set(admin.bearer).expect(200)).body;
      expect(office.total).toBeGreaterThanOrEqual(3);
      await service.http.get('/api/v1/demands/manage/counts').set(team.bearer).expect(403);
      const bad = await service.http
        .get('/api/v1/demands/manage/counts')
        .query({ industry: 'nonsense', status: 'draft' })
        .set(fresh.bearer)
        .expect(400);
      expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['industry', 'status']);
    });

    it('lets an advisor draft for an enterprise it serves, and no other', async () => {
      const created = await service.http
        .post('/api/v1/users')
        .set(admin.bearer)
        .send({
          email: `advisor-${Date.now()}@example.cn`,
          password: 'advisor-password',
          displayName: '李顾问',
          role: 'advisor',
        })
        .expect(201);
      await service.http
        .put(`/api/v1/advisors/${created.body.id}/organisations`)
        .set(admin.bearer)
        .send({ organisationIds: [owner.organisationId] })
        .expect(200);
      const advisor = await signedIn(service.http, created.body.email as string, 'advisor-password');
      const response = await eventually(async () =>
        service.http
          .post('/api/v1/demands')
          .set(advisor.bearer)
          .send(aDemand({ organisationId: owner.organisationId }))
          .expect(201),
      );
      expect(response.body).toMatchObject({ advisorId: advisor.id, owner: { id: owner.organisationId } });
      await service.http
        .post('/api/v1/demands')
        .set(advisor.bearer)
        .send(aDemand({ organisationId: rival.organisationId }))
        .expect(403);
      const mine = await service.http.get('/api/v1/demands/manage').set(advisor.bearer).expect(200);
      expect(mine.body.items.map((d: { id: string }) => d.id)).toContain(response.body.id);
      // The owner sees the advisor's draft among its own.
      const owners = await service.http
        .get('/api/v1/demands/manage')
        .query({ status: 'draft', pageSize: 100 })
        .set(owner.bearer)
        .expect(200);
      expect(owners.body.items.map((d: { id: string }) => d.id)).toContain(response.body.id);
      await service.http.get('/api/v1/demands/manage').set(team.bearer).expect(403);
      // An advisor drafts and submits for its enterprise, but withdrawing is the owner's or the office's call.
      await service.http.post(`/api/v1/demands/${response.body.id}/submit`).set(advisor.bearer).expect(200);
      const refused = await service.http
        .post(`/api/v1/demands/${response.body.id}/withdraw`)
        .set(advisor.bearer)
        .send({ reason: '顾问撤回' })
        .expect(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    });
  });
});

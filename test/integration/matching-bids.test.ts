import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UsersService } from '@jiebang/identity';
import { Transactions } from '@jiebang/platform';
import { DataSource } from 'typeorm';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { eventually } from '../harness/eventually';
import { type Account, registered, signedIn } from '../harness/factories';
import { drafted } from '../harness/demand-factories';
import { anAdvisor, aProposal, bidOn, openNeed } from '../harness/matching-factories';
import { startTestService, type TestService } from '../harness/test-app';

describe('matching: bids from draft to withdrawal, the deadline, and who sees what', () => {
  let service: TestService;
  let admin: Account;
  let owner: Account;
  let team: Account;
  let rivalTeam: Account;
  let query: <T>(sql: string, params?: unknown[]) => Promise<T[]>;

  beforeAll(async () => {
    service = await startTestService(marketplace);
    await service.app.get(UsersService).ensureAdmin('office@example.cn', 'office-password-1');
    admin = await signedIn(service.http, 'office@example.cn', 'office-password-1');
    owner = await registered(service.http, { role: 'enterprise' });
    team = await registered(service.http, { role: 'team' });
    rivalTeam = await registered(service.http, { role: 'team' });
    const manager = service.app.get(Transactions).manager;
    query = <T>(sql: string, params: unknown[] = []) => manager.query<T[]>(sql, params);
  });

  afterAll(() => service.close());

  /** Moves a need's deadline in matching's projection, as the clock would by passing it. */
  const setDeadline = (demandId: string, sql: string) =>
    query(`UPDATE matching.listing SET bid_deadline = ${sql} WHERE demand_id = $1`, [demandId]);

  describe('drafts, edits and submission', () => {
    it('keeps a draft with its team, then submits it before the deadline', async () => {
      const need = await openNeed(service.http, owner, admin);
      const draft = await bidOn(service.http, team, need.id, { submit: false });
      expect(draft).toMatchObject({ status: 'draft', version: 1 });
      // The need's side never sees a draft.
      await service.http.get(`/api/v1/bids/${draft.id}`).set(owner.bearer).expect(404);
      expect((await service.http.get(`/api/v1/demands/${need.id}/bids/count`).expect(200)).body).toEqual({
        demandId: need.id,
        bids: 0,
      });

      const path = `/api/v1/bids/${draft.id}`;
      await service.http.patch(path).set(team.bearer).send({ budget: 240 }).expect(428);
      const edited = await service.http
        .patch(path)
        .set(team.bearer)
        .set('If-Match', '"1"')
        .send({ budget: 240 })
        .expect(200);
      expect(edited.body).toMatchObject({ budget: 240, version: 2 });
      const stale = await service.http
        .patch(path)
        .set(team.bearer)
        .set('If-Match', '"1"')
        .send({ budget: 250 })
        .expect(412);
      expect(stale.body).toMatchObject({ code: 'BID_VERSION_MISMATCH', currentVersion: 2 });

      const nulled = await service.http
        .patch(path)
        .set(team.bearer)
        .set('If-Match', '"2"')
        .send({ approach: null })
        .expect(400);
      expect(new Set(nulled.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['approach']));

      const submitted = await service.http.post(`${path}/submit`).set(team.bearer).expect(200);
      expect(submitted.body).toMatchObject({ status: 'submitted', budget: 240 });
      expect(submitted.body.submittedAt).not.toBeNull();
      await service.http.post(`${path}/submit`).set(team.bearer).expect(409);
      expect((await service.http.get(`/api/v1/demands/${need.id}/bids/count`).expect(200)).body.bids).toBe(1);
      const [audit] = await query<{ actions: string[] }>(
        `SELECT array_agg(action ORDER BY id) AS actions FROM matching.audit WHERE subject_id = $1`,
        [draft.id],
      );
      expect(audit.actions).toEqual(['draft', 'edit', 'submit']);
    });

    it('keeps a withdrawn draft private to its team, history included', async () => {
      const need = await openNeed(service.http, owner, admin);
      const draft = await bidOn(service.http, team, need.id, { submit: false });
      await service.http.post(`/api/v1/bids/${draft.id}/withdraw`).set(team.bearer).expect(200);
      await service.http.get(`/api/v1/bids/${draft.id}`).set(team.bearer).expect(200);
      for (const side of [owner, admin])
        await service.http.get(`/api/v1/bids/${draft.id}`).set(side.bearer).expect(404);
      const history = await service.http.get(`/api/v1/demands/${need.id}/bids/history`).set(owner.bearer).expect(200);
      expect(JSON.stringify(history.body)).not.toContain(draft.id);
      const bogus = await service.http
        .post(`/api/v1/demands/${need.id}/bids`)
        .set(team.bearer)
        .send(aProposal({ submit: null }));
      expect(bogus.status).toBe(400);
    });

    it('answers an inconsistent proposal field by field, writing nothing', async () => {
      const need = await openNeed(service.http, owner, admin);
      const response = await service.http
        .post(`/api/v1/demands/${need.id}/bids`)
        .set(team.bearer)
        .send(
          aProposal({
            indicatorResponses: [{ indicator: '磁能积', response: '≥52 MGOe' }],
            milestones: [{ title: '唯一里程碑', dueDate: '2027-03-31', paymentShare: 80 }],
          }),
        )
        .expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors).toEqual([
        { field: 'indicatorResponses', message: 'no response to indicator 内禀矫顽力' },
        { field: 'milestones', message: 'payment shares add up to 80%, not 100%' },
      ]);
      const malformed = await service.http
        .post(`/api/v1/demands/${need.id}/bids`)
        .set(team.bearer)
        .send(aProposal({ budget: -1, milestones: [{ title: 'x', dueDate: '2027-02-30', paymentShare: 100 }] }))
        .expect(400);
      expect(malformed.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'budget',
        'milestones.0.dueDate',
        'milestones.0.title',
      ]);
      expect((await service.http.get(`/api/v1/bids/mine`).set(team.bearer).expect(200)).body.items).not.toContainEqual(
        expect.objectContaining({ demandId: need.id }),
      );
    });

    it('commits a bid with its audit row and its event, and with none of them a bid it refuses', async () => {
      const need = await openNeed(service.http, owner, admin);
      const writes = async () => {
        const [row] = await query<{ bids: number; audit: number; events: number; jobs: number }>(
          `SELECT (SELECT count(*)::int FROM matching.bid WHERE demand_id = $1) AS bids,
                  (SELECT count(*)::int FROM matching.audit WHERE demand_id = $1) AS audit,
                  (SELECT count(*)::int FROM platform.event_log
                    WHERE type = 'matching.bid_submitted' AND event->'payload'->>'demandId' = $1::text) AS events,
                  (SELECT count(*)::int FROM pgboss.job
                    WHERE name LIKE '%.matching.bid_submitted' AND data->'payload'->>'demandId' = $1::text) AS jobs`,
          [need.id],
        );
        return row;
      };
      const bid = await bidOn(service.http, team, need.id);
      const [event] = await query<{ id: string }>(
        `SELECT id FROM platform.event_log WHERE type = 'matching.bid_submitted' AND event->'payload'->>'bidId' = $1`,
        [bid.id],
      );
      const jobs = await query<{ name: string }>(`SELECT name FROM pgboss.job WHERE data->>'id' = $1 ORDER BY name`, [
        event.id,
      ]);
      expect(jobs.map((job) => job.name)).toEqual([
        'notifications.matching.bid_submitted',
        'search.matching.bid_submitted',
      ]);
      expect(await query(`SELECT action, actor_id FROM matching.audit WHERE subject_id = $1`, [bid.id])).toEqual([
        { action: 'submit', actor_id: team.id },
      ]);
      const after = await writes();
      expect(after).toEqual({ bids: 1, audit: 1, events: 1, jobs: 2 });

      // Answers only one of the two indicators: the need's indicators differ from those answered.
      const partial = aProposal({ indicatorResponses: [{ indicator: '磁能积', response: '≥52 MGOe' }] });
      await service.http.post(`/api/v1/demands/${need.id}/bids`).set(rivalTeam.bearer).send(partial).expect(400);
      await setDeadline(need.id, `now() - interval '1 second'`);
      await service.http.post(`/api/v1/demands/${need.id}/bids`).set(rivalTeam.bearer).send(aProposal()).expect(409);
      expect(await writes()).toEqual(after);
    });

    it('refuses a bid that waited on an award in progress once the award commits', async () => {
      const need = await openNeed(service.http, owner, admin);
      // The award's hold as the award takes it: the listing locked for update and the award row
      // written, not yet committed.
      const award = service.app.get(DataSource).createQueryRunner();
      await award.connect();
      try {
        await award.startTransaction();
        await award.query('SELECT 1 FROM matching.listing WHERE demand_id = $1 FOR UPDATE', [need.id]);
        await award.query(
          'INSERT INTO matching.award (demand_id, winners, decided_by, decided_at) VALUES ($1, 1, $2, now())',
          [need.id, owner.id],
        );
        const bid = service.http
          .post(`/api/v1/demands/${need.id}/bids`)
          .set(team.bearer)
          .send(aProposal())
          .then((response) => response);
        // The bid's statement is waiting on the listing lock (an event consumer may wait on it too).
        await eventually(async () => {
          const [waiting] = await query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO matching.bid%'`,
          );
          expect(waiting.n).toBe(1);
        });
        await award.commitTransaction();
        const response = await bid;
        expect(response.status).toBe(409);
        expect(response.body).toMatchObject({ code: 'BID_NOT_OPEN', currentStatus: 'awarded' });
      } finally {
        if (award.isTransactionActive) await award.rollbackTransaction();
        await award.release();
      }
      expect(await query(`SELECT id FROM matching.bid WHERE demand_id = $1`, [need.id])).toEqual([]);
    });

    it('refuses a second active bid of a team, and takes a new one after withdrawal', async () => {
      const need = await openNeed(service.http, owner, admin);
      const first = await bidOn(service.http, team, need.id);
      const second = await service.http
        .post(`/api/v1/demands/${need.id}/bids`)
        .set(team.bearer)
        .send(aProposal())
        .expect(409);
      expect(second.body.code).toBe('BID_ALREADY_ACTIVE');
      // Another team's bid is its own business.
      await bidOn(service.http, rivalTeam, need.id);

      const withdrawn = await service.http.post(`/api/v1/bids/${first.id}/withdraw`).set(team.bearer).expect(200);
      expect(withdrawn.body.status).toBe('withdrawn');
      await service.http.post(`/api/v1/bids/${first.id}/withdraw`).set(team.bearer).expect(409);
      expect((await service.http.get(`/api/v1/demands/${need.id}/bids/count`).expect(200)).body.bids).toBe(1);
      const again = await bidOn(service.http, team, need.id);
      expect(again.status).toBe('submitted');
      const mine = await service.http.get(`/api/v1/demands/${need.id}/bids`).set(team.bearer).expect(200);
      expect(mine.body.map((b: { status: string }) => b.status).sort()).toEqual(['submitted', 'withdrawn']);
    });
  });

  describe('the deadline, decided by the database', () => {
    it('accepts a bid before the deadline and refuses one after it, also for drafts and edits', async () => {
      const need = await openNeed(service.http, owner, admin);
      const early = await bidOn(service.http, team, need.id);
      const draft = await bidOn(service.http, rivalTeam, need.id, { submit: false });
      await setDeadline(need.id, `now() - interval '1 second'`);

      const late = await registered(service.http, { role: 'team' });
      const refused = await service.http
        .post(`/api/v1/demands/${need.id}/bids`)
        .set(late.bearer)
        .send(aProposal())
        .expect(409);
      expect(refused.body).toMatchObject({ code: 'BID_DEADLINE_PASSED' });
      await service.http.post(`/api/v1/bids/${draft.id}/submit`).set(rivalTeam.bearer).expect(409);
      await service.http
        .patch(`/api/v1/bids/${early.id}`)
        .set(team.bearer)
        .set('If-Match', '"1"')
        .send({ budget: 1 })
        .expect(409);
      // Still lodged, on a need that now reads as closed: the team sees it awaits a decision.
      expect((await service.http.get(`/api/v1/bids/${early.id}`).set(team.bearer).expect(200)).body).toMatchObject({
        status: 'submitted',
        demandStatus: 'bidding_closed',
      });
    });

    it('shows a team which of its bids lost their chance when the need lapsed unclaimed (流榜)', async () => {
      const need = await openNeed(service.http, owner, admin);
      const bid = await bidOn(service.http, team, need.id);
      const mine = async () =>
        (await service.http.get('/api/v1/bids/mine?pageSize=100').set(team.bearer).expect(200)).body.items.find(
          (item: { id: string }) => item.id === bid.id,
        );
      expect(await mine()).toMatchObject({ status: 'submitted', demandStatus: 'published' });
      // What demand's 流榜 event does to matching's copy of the need.
      await query(
        `UPDATE matching.listing SET status = 'unclaimed', bid_deadline = now() - interval '91 days'
                    WHERE demand_id = $1`,
        [need.id],
      );
      expect(await mine()).toMatchObject({ status: 'submitted', demandStatus: 'unclaimed' });
    });

    it('settles bids racing the deadline one way or the other, never both', async () => {
      const need = await openNeed(service.http, owner, admin);
      const teams = await Promise.all(Array.from({ length: 24 }, () => registered(service.http, { role: 'team' })));
      await setDeadline(need.id, `now() + interval '800 milliseconds'`);
      const [{ deadline }] = await query<{ deadline: Date }>(
        'SELECT bid_deadline AS deadline FROM matching.listing WHERE demand_id = $1',
        [need.id],
      );
      // Staggered over about 1.7 s, so some land before the deadline and some after.
      const responses = await Promise.all(
        teams.map(async (racer, index) => {
          await new Promise((resolve) => setTimeout(resolve, index * 70));
          return service.http.post(`/api/v1/demands/${need.id}/bids`).set(racer.bearer).send(aProposal());
        }),
      );
      const accepted = responses.filter((r) => r.status === 201);
      const refused = responses.filter((r) => r.status === 409);
      expect(accepted.length + refused.length).toBe(teams.length);
      expect(accepted.length).toBeGreaterThan(0);
      expect(refused.length).toBeGreaterThan(0);
      for (const response of refused) expect(response.body.code).toBe('BID_DEADLINE_PASSED');
      for (const response of accepted) {
        expect(new Date(response.body.submittedAt as string).getTime()).toBeLessThan(deadline.getTime());
      }
      const stored = await query<{ submitted_at: Date }>(
        `SELECT submitted_at FROM matching.bid WHERE demand_id = $1 AND status = 'submitted'`,
        [need.id],
      );
      expect(stored).toHaveLength(accepted.length);
      for (const row of stored) expect(row.submitted_at.getTime()).toBeLessThan(deadline.getTime());
    });

    it('enforces the deadline in the database itself, whatever the application checks', async () => {
      const need = await openNeed(service.http, owner, admin);
      await setDeadline(need.id, `now() - interval '1 minute'`);
      await expect(
        query(
          `INSERT INTO matching.bid (demand_id, team_organisation_id, created_by, status, approach, indicator_responses,
             milestones, budget, duration_months, members, created_at, submitted_at, updated_at)
           VALUES ($1, gen_random_uuid(), gen_random_uuid(), 'submitted', 'x', '[]', '[]', 1, 1, '[]', now(), now(), now())`,
          [need.id],
        ),
      ).rejects.toThrow(/after the deadline/);
    });
  });

  describe('confidentiality: every role on every bid route', () => {
    let need: { id: string };
    let bidId: string;
    let parties: Record<string, Account | undefined>;

    beforeAll(async () => {
      need = await openNeed(service.http, owner, admin);
      bidId = (await bidOn(service.http, team, need.id)).id;
      const rivalOwner = await registered(service.http, { role: 'enterprise' });
      const advisor = await anAdvisor(service.http, admin, [owner.organisationId!]);
      const strangerAdvisor = await anAdvisor(service.http, admin, [rivalOwner.organisationId!]);
      parties = { team, owner, advisor, admin, rivalTeam, rivalOwner, strangerAdvisor, anonymous: undefined };
      // The advisor's portfolio reaches matching through identity's events.
      await eventually(() => service.http.get(`/api/v1/bids/${bidId}`).set(advisor.bearer).expect(200));
    });

    const READS = [
      [
        'GET /bids/:id',
        {
          team: 200,
          owner: 200,
          advisor: 200,
          admin: 200,
          rivalTeam: 404,
          rivalOwner: 404,
          strangerAdvisor: 404,
          anonymous: 401,
        },
      ],
      [
        'GET /demands/:id/bids',
        {
          team: 200,
          owner: 200,
          advisor: 200,
          admin: 200,
          rivalTeam: 200,
          rivalOwner: 404,
          strangerAdvisor: 404,
          anonymous: 401,
        },
      ],
      [
        'GET /demands/:id/shortlist',
        {
          team: 404,
          owner: 200,
          advisor: 200,
          admin: 200,
          rivalTeam: 404,
          rivalOwner: 404,
          strangerAdvisor: 404,
          anonymous: 401,
        },
      ],
    ] as const;

    it.each(READS)('%s answers each role as expected', async (route, expected) => {
      for (const [name, status] of Object.entries(expected)) {
        const path = route
          .replace('GET ', '/api/v1')
          .replace('/bids/:id', `/bids/${bidId}`)
          .replace('/demands/:id', `/demands/${need.id}`);
        const request = service.http.get(path);
        const caller = parties[name];
        const response = await (caller ? request.set(caller.bearer) : request);
        expect({ name, status: response.status }).toEqual({ name, status });
        if (route === 'GET /demands/:id/bids' && name === 'rivalTeam') expect(response.body).toEqual([]);
        if (status === 200 && route !== 'GET /demands/:id/shortlist' && name !== 'rivalTeam')
          expect(JSON.stringify(response.body)).toContain(bidId);
      }
    });

    const WRITES = [
      [
        'PATCH /bids/:id',
        {
          team: 412,
          owner: 403,
          advisor: 403,
          admin: 403,
          rivalTeam: 404,
          rivalOwner: 403,
          strangerAdvisor: 403,
          anonymous: 401,
        },
      ],
      [
        'POST /bids/:id/withdraw',
        {
          team: 'skip',
          owner: 403,
          advisor: 403,
          admin: 403,
          rivalTeam: 404,
          rivalOwner: 403,
          strangerAdvisor: 403,
          anonymous: 401,
        },
      ],
      [
        'PUT /bids/:id/score',
        {
          team: 'skip',
          owner: 'skip',
          advisor: 403,
          admin: 'skip',
          rivalTeam: 404,
          rivalOwner: 404,
          strangerAdvisor: 404,
          anonymous: 401,
        },
      ],
      [
        'POST /demands/:id/award',
        {
          team: 403,
          owner: 'skip',
          advisor: 403,
          admin: 'skip',
          rivalTeam: 403,
          rivalOwner: 404,
          strangerAdvisor: 403,
          anonymous: 401,
        },
      ],
    ] as const;

    it.each(WRITES)('%s refuses everyone but the party who may, without saying more', async (route, expected) => {
      const [method, template] = route.split(' ');
      const path = `/api/v1${template.replace('/bids/:id', `/bids/${bidId}`).replace('/demands/:id', `/demands/${need.id}`)}`;
      const body = route.includes('score')
        ? { feasibility: 80, capability: 80, cost: 80, timeline: 80 }
        : route.includes('award')
          ? { winnerBidIds: [bidId], feedback: [] }
          : { budget: 1 };
      for (const [name, status] of Object.entries(expected)) {
        if (status === 'skip') continue;
        const caller = parties[name];
        let request = service.http[method.toLowerCase() as 'patch' | 'post' | 'put'](path).set('If-Match', '"99"');
        if (caller) request = request.set(caller.bearer);
        const response = await request.send(body);
        expect({ name, status: response.status }).toEqual({ name, status });
      }
      const stored = await service.http.get(`/api/v1/bids/${bidId}`).set(team.bearer).expect(200);
      expect(stored.body).toMatchObject({ status: 'submitted', budget: 260, version: 1 });
    });

    it('tells anyone how many bids a published need has, but not whose', async () => {
      const response = await service.http.get(`/api/v1/demands/${need.id}/bids/count`).expect(200);
      expect(response.body).toEqual({ demandId: need.id, bids: 1 });
      expect(JSON.stringify(response.body)).not.toContain(bidId);
    });

    it('counts the bids of several needs in one request, leaving out those not public', async () => {
      const quiet = await openNeed(service.http, owner, admin);
      const draft = await drafted(service.http, owner);
      const ids = [need.id, quiet.id, draft.id].join(',');
      const response = await service.http.get(`/api/v1/bids/counts?demandIds=${ids},${need.id}`).expect(200);
      expect(response.body).toEqual([
        { demandId: need.id, bids: 1 },
        { demandId: quiet.id, bids: 0 },
      ]);

      const bad = await service.http.get('/api/v1/bids/counts?demandIds=not-a-need').expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'demandIds', code: 'isUuid' })]);
      const tooMany = Array.from({ length: 101 }, () => need.id).join(',');
      await service.http.get(`/api/v1/bids/counts?demandIds=${tooMany}`).expect(400);
    });
  });

  describe('evaluation', () => {
    it('invites a reviewer by e-mail, who is told and finds the need to review, and withdraws one only before scoring', async () => {
      const http = service.http;
      const need = await openNeed(http, owner, admin);
      const { title } = (await http.get(`/api/v1/demands/${need.id}`).expect(200)).body;
      const bid = await bidOn(http, team, need.id);
      const expert = await registered(http, { role: 'team' });
      const passerby = await registered(http, { role: 'team' });
      const stranger = await registered(http, { role: 'enterprise' });
      const reviewers = `/api/v1/demands/${need.id}/evaluations/reviewers`;
      const invite = (email: unknown) => http.post(reviewers).set(owner.bearer).send({ email });

      // Identity announces new users asynchronously; the e-mail is matched whatever its case.
      const invited = await eventually(() => invite(`  ${expert.email.toUpperCase()} `).expect(200));
      expect(invited.body).toEqual({
        userId: expert.id,
        email: expert.email,
        displayName: expect.any(String),
        assignedAt: expect.any(String),
        scoredBids: 0,
      });
      await invite(expert.email).expect(200);
      expect((await http.get(reviewers).set(owner.bearer).expect(200)).body).toHaveLength(1);

      const unknown = await invite('nobody@example.cn').expect(422);
      expect(unknown.body.errors).toEqual([{ field: 'email', message: 'no registered user with this e-mail' }]);
      const malformed = await invite('not-an-email').expect(400);
      expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
      await http.post(reviewers).set(owner.bearer).send({}).expect(400);
      const both = await http.post(reviewers).set(owner.bearer).send({ email: expert.email, userId: 'not-a-uuid' });
      expect([both.status, both.body.errors]).toEqual([400, [expect.objectContaining({ field: 'userId' })]]);
      const twice = await http.post(reviewers).set(owner.bearer).send({ email: expert.email, userId: expert.id });
      expect([twice.status, twice.body.errors]).toEqual([
        400,
        [{ field: 'userId', message: 'give either email or userId, not both' }],
      ]);
      // Only the owner and the office see or change who reviews.
      await http.get(reviewers).set(expert.bearer).expect(403);
      await http.get(reviewers).set(stranger.bearer).expect(404);
      await http.post(reviewers).set(stranger.bearer).send({ email: passerby.email }).expect(404);

      // The reviewer hears of it and finds the need among their reviews, with its progress.
      const inbox = await eventually(async () => {
        const items = (await http.get('/api/v1/notifications').set(expert.bearer).expect(200)).body.items;
        expect(items).toEqual([expect.objectContaining({ kind: 'reviewer_assigned', link: `/reviews/${need.id}` })]);
        return items;
      });
      expect(inbox[0].params).toEqual({ need: title });
      const assigned = (await http.get('/api/v1/evaluations/assigned').set(expert.bearer).expect(200)).body;
      expect(assigned).toEqual([
        expect.objectContaining({
          demandId: need.id,
          title,
          status: 'published',
          lodgedBids: 1,
          scoredBids: 0,
        }),
      ]);
      expect((await http.get('/api/v1/evaluations/assigned').set(passerby.bearer).expect(200)).body).toEqual([]);

      // An invitation is withdrawn while the reviewer has not scored; after that their scores count and they stay.
      await eventually(() => invite(passerby.email).expect(200));
      await http.delete(`${reviewers}/${passerby.id}`).set(owner.bearer).expect(204);
      // No longer a reviewer: the bids are out of sight again.
      await http
        .put(`/api/v1/bids/${bid.id}/score`)
        .set(passerby.bearer)
        .send({ feasibility: 50, capability: 50, cost: 50, timeline: 50 })
        .expect(404);
      await http.delete(`${reviewers}/${passerby.id}`).set(owner.bearer).expect(404);
      await http
        .put(`/api/v1/bids/${bid.id}/score`)
        .set(expert.bearer)
        .send({ feasibility: 80, capability: 80, cost: 70, timeline: 70 })
        .expect(200);
      const stays = await http.delete(`${reviewers}/${expert.id}`).set(owner.bearer).expect(409);
      expect(stays.body.code).toBe('REVIEWER_HAS_SCORED');
      expect((await http.get(reviewers).set(owner.bearer).expect(200)).body).toEqual([
        expect.objectContaining({ userId: expert.id, scoredBids: 1 }),
      ]);
      expect((await http.get('/api/v1/evaluations/assigned').set(expert.bearer).expect(200)).body[0].scoredBids).toBe(
        1,
      );
    });

    it('ranks bids by the need’s weights and keeps reviewers off their own organisation’s bid', async () => {
      const need = await openNeed(service.http, owner, admin);
      const strong = await bidOn(service.http, team, need.id);
      const weak = await bidOn(service.http, rivalTeam, need.id);
      const colleague = await registered(service.http, { role: 'team', joinCode: team.joinCode! });
      const expert = await registered(service.http, { role: 'team' });
      const assign = (reviewer: Account) =>
        service.http
          .post(`/api/v1/demands/${need.id}/evaluations/reviewers`)
          .set(owner.bearer)
          .send({ userId: reviewer.id });
      // Identity announces new users asynchronously.
      await eventually(() => assign(expert).expect(200));
      const partial = await eventually(() => assign(colleague).expect(403));
      expect(partial.body).toMatchObject({ code: 'CONFLICT_OF_INTEREST' });
      // Nor may the reviewer's organisation, or the owner's own, then bid.
      const expertsColleague = await registered(service.http, { role: 'team', joinCode: expert.joinCode! });
      const refused = await service.http
        .post(`/api/v1/demands/${need.id}/bids`)
        .set(expertsColleague.bearer)
        .send(aProposal())
        .expect(403);
      expect(refused.body.code).toBe('CONFLICT_OF_INTEREST');
      const ownersLab = await registered(service.http, { role: 'team', joinCode: owner.joinCode! });
      await service.http.post(`/api/v1/demands/${need.id}/bids`).set(ownersLab.bearer).send(aProposal()).expect(403);
      // An office member from the bidding organisation may score the others, never that bid.
      const officeColleagueEmail = `office-${team.organisationId!.slice(0, 8)}@example.cn`;
      await service.http
        .post('/api/v1/users')
        .set(admin.bearer)
        .send({
          email: officeColleagueEmail,
          password: 'office-password-2',
          displayName: '项目办（借调）',
          role: 'admin',
          organisationId: team.organisationId,
        })
        .expect(201);
      const officeColleague = await signedIn(service.http, officeColleagueEmail, 'office-password-2');

      const bad = await service.http
        .put(`/api/v1/demands/${need.id}/evaluations/weights`)
        .set(owner.bearer)
        .send({ feasibility: 50, capability: 30, cost: 30, timeline: 10 })
        .expect(400);
      expect(bad.body.errors).toEqual([{ field: 'weights', message: 'add up to 120, not 100' }]);
      await service.http
        .put(`/api/v1/demands/${need.id}/evaluations/weights`)
        .set(owner.bearer)
        .send({ feasibility: 50, capability: 30, cost: 10, timeline: 10 })
        .expect(200);

      const conflict = await service.http
        .put(`/api/v1/bids/${strong.id}/score`)
        .set(officeColleague.bearer)
        .send({ feasibility: 100, capability: 100, cost: 100, timeline: 100 })
        .expect(403);
      expect(conflict.body.code).toBe('CONFLICT_OF_INTEREST');
      await service.http
        .put(`/api/v1/bids/${weak.id}/score`)
        .set(officeColleague.bearer)
        .send({ feasibility: 40, capability: 50, cost: 90, timeline: 60 })
        .expect(200);
      await service.http
        .put(`/api/v1/bids/${strong.id}/score`)
        .set(expert.bearer)
        .send({ feasibility: 90, capability: 80, cost: 60, timeline: 70 })
        .expect(200);
      const shortlist = await service.http
        .put(`/api/v1/bids/${strong.id}/score`)
        .set(owner.bearer)
        .send({ feasibility: 70, capability: 80, cost: 80, timeline: 90, comment: '方案成熟' })
        .expect(200);
      expect(shortlist.body.weights).toEqual({ feasibility: 50, capability: 30, cost: 10, timeline: 10 });
      expect(
        shortlist.body.entries.map((e: { bidId: string; rank: number; weightedTotal: number; reviewers: number }) => [
          e.bidId,
          e.rank,
          e.weightedTotal,
          e.reviewers,
        ]),
      ).toEqual([
        [strong.id, 1, 79, 2],
        [weak.id, 2, 50, 1],
      ]);
      // A reviewer lists and reads the bids it scores, though its role is team; a team sees only its own.
      await service.http.get(`/api/v1/bids/${strong.id}`).set(expert.bearer).expect(200);
      await service.http.get(`/api/v1/bids/${strong.id}`).set(rivalTeam.bearer).expect(404);
      const listed = async (caller: Account) =>
        (
          (await service.http.get(`/api/v1/demands/${need.id}/bids`).set(caller.bearer).expect(200)).body as Array<{
            id: string;
          }>
        )
          .map((bid) => bid.id)
          .sort();
      expect(await listed(expert)).toEqual([strong.id, weak.id].sort());
      expect(await listed(rivalTeam)).toEqual([weak.id]);
      expect(await listed(expertsColleague)).toEqual([]);
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UsersService } from '@jiebang/identity';
import { MilestoneClockJob } from '@jiebang/matching';
import { EventBus, freePort, Transactions } from '@jiebang/platform';
import { SMTPServer } from 'smtp-server';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { eventually } from '../harness/eventually';
import { type Account, registered, signedIn } from '../harness/factories';
import { anAdvisor, awarded, bidOn, openNeed } from '../harness/matching-factories';
import { startTestService, type TestService } from '../harness/test-app';

interface Inbox {
  items: Array<{ id: string; kind: string; title: string; body: string; link: string | null; readAt: string | null }>;
  unread: number;
}

describe('matching: awards, feedback, engagements and notifications', () => {
  let service: TestService;
  let smtp: SMTPServer;
  const mailed: string[] = [];
  let admin: Account;
  let owner: Account;
  let query: <T>(sql: string, params?: unknown[]) => Promise<T[]>;

  beforeAll(async () => {
    // A real SMTP server on a free port: the notification mailer talks to it like to any other.
    const port = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          mailed.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    service = await startTestService(marketplace, {
      config: { mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: '揭榜挂帅平台 <noreply@jiebang.test>' } },
    });
    await service.app.get(UsersService).ensureAdmin('office@example.cn', 'office-password-1');
    admin = await signedIn(service.http, 'office@example.cn', 'office-password-1');
    owner = await registered(service.http, { role: 'enterprise' });
    const manager = service.app.get(Transactions).manager;
    query = <T>(sql: string, params: unknown[] = []) => manager.query<T[]>(sql, params);
  });

  afterAll(async () => {
    await service.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const teams = (count: number) =>
    Promise.all(Array.from({ length: count }, () => registered(service.http, { role: 'team' })));
  const inboxOf = async (account: Account): Promise<Inbox> =>
    (await service.http.get('/api/v1/notifications').set(account.bearer).expect(200)).body as Inbox;
  const statusOf = async (demandId: string): Promise<string> =>
    (await service.http.get(`/api/v1/demands/${demandId}`).expect(200)).body.status as string;

  describe('the award decision under concurrency', () => {
    it('turns 50 concurrent awards of a single-lead need into one winner and 49 clean refusals', async () => {
      const need = await openNeed(service.http, owner, admin);
      const bidders = await teams(3);
      const bids = await Promise.all(bidders.map((team) => bidOn(service.http, team, need.id)));
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, index) => {
          const winner = bids[index % bids.length].id;
          return service.http
            .post(`/api/v1/demands/${need.id}/award`)
            .set(owner.bearer)
            .send({
              winnerBidIds: [winner],
              feedback: bids
                .filter((b) => b.id !== winner)
                .map((b) => ({ bidId: b.id, category: 'technical_route', text: '技术路线的中试验证不足。' })),
            });
        }),
      );
      expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
      const refused = responses.filter((r) => r.status !== 200);
      expect(refused).toHaveLength(49);
      for (const response of refused)
        expect(response.body).toMatchObject({ status: 409, code: 'AWARD_ALREADY_DECIDED' });
      const statuses = await query<{ status: string; count: string }>(
        'SELECT status, count(*) FROM matching.bid WHERE demand_id = $1 GROUP BY status ORDER BY status',
        [need.id],
      );
      expect(statuses).toEqual([
        { status: 'awarded', count: '1' },
        { status: 'not_selected', count: '2' },
      ]);
      expect(await query('SELECT id FROM matching.engagement WHERE demand_id = $1', [need.id])).toHaveLength(1);
    });

    it('awards exactly N teams of a 赛马 need, however many requests race', async () => {
      const need = await openNeed(service.http, owner, admin, { awardMode: 'parallel', awardLeads: 3 });
      const bidders = await teams(5);
      const bids = await Promise.all(bidders.map((team) => bidOn(service.http, team, need.id)));
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, index) => {
          const winners = [0, 1, 2].map((offset) => bids[(index + offset) % bids.length].id);
          return awardRequest(
            need.id,
            winners,
            bids.map((b) => b.id).filter((id) => !winners.includes(id)),
          );
        }),
      );
      expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
      expect(responses.filter((r) => r.status === 409)).toHaveLength(49);
      const [{ awarded: count }] = await query<{ awarded: string }>(
        `SELECT count(*) AS awarded FROM matching.bid WHERE demand_id = $1 AND status = 'awarded'`,
        [need.id],
      );
      expect(Number(count)).toBe(3);
      await eventually(async () => expect(await statusOf(need.id)).toBe('awarded'));
    });

    function awardRequest(demandId: string, winners: string[], losers: string[]) {
      return service.http
        .post(`/api/v1/demands/${demandId}/award`)
        .set(owner.bearer)
        .send({
          winnerBidIds: winners,
          feedback: losers.map((bidId) => ({ bidId, category: 'cost', text: '经费报价偏高。' })),
        });
    }

    it('refuses the wrong number of winners, missing feedback and strangers’ bids, field by field', async () => {
      const need = await openNeed(service.http, owner, admin);
      const bidders = await teams(2);
      const [a, b] = await Promise.all(bidders.map((team) => bidOn(service.http, team, need.id)));
      const both = await awardRequest(need.id, [a.id, b.id], []).expect(422);
      expect(both.body).toMatchObject({ code: 'AWARD_WINNERS_INVALID', awardLeads: 1, submittedBids: 2 });
      expect(both.body.errors).toEqual([{ field: 'winnerBidIds', message: 'choose exactly 1 winner(s); 2 given' }]);
      const silent = await service.http
        .post(`/api/v1/demands/${need.id}/award`)
        .set(owner.bearer)
        .send({ winnerBidIds: [a.id], feedback: [] })
        .expect(422);
      expect(silent.body).toMatchObject({ code: 'AWARD_FEEDBACK_MISSING' });
      expect(silent.body.errors).toEqual([{ field: 'feedback', message: `no feedback for losing bid ${b.id}` }]);
      const stranger = await awardRequest(need.id, ['00000000-0000-4000-8000-000000000000'], [a.id, b.id]).expect(422);
      expect(stranger.body.errors[0]).toEqual({
        field: 'winnerBidIds[0]',
        message: 'not a submitted bid on this need',
      });
      const malformed = await service.http
        .post(`/api/v1/demands/${need.id}/award`)
        .set(owner.bearer)
        .send({ winnerBidIds: 'all', feedback: [{ bidId: b.id, category: 'luck', text: '' }] })
        .expect(400);
      expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(
        expect.arrayContaining(['winnerBidIds', 'feedback.0.category', 'feedback.0.text']),
      );
      expect(await query('SELECT 1 FROM matching.award WHERE demand_id = $1', [need.id])).toHaveLength(0);
    });
  });

  describe('feedback', () => {
    it('shows each losing team its own feedback and nobody else’s bid', async () => {
      const need = await openNeed(service.http, owner, admin);
      const [winnerTeam, loserTeam, otherLoser] = await teams(3);
      const win = await bidOn(service.http, winnerTeam, need.id);
      const lose = await bidOn(service.http, loserTeam, need.id);
      const other = await bidOn(service.http, otherLoser, need.id);
      await awarded(service.http, owner, need.id, [win.id], [lose.id, other.id]);

      // The winning team learns the need's confidential details and contacts; the losing ones never do.
      const needAs = async (team: Account) =>
        (await service.http.get(`/api/v1/demands/${need.id}`).set(team.bearer).expect(200)).body as Record<
          string,
          unknown
        >;
      const full = await eventually(async () => {
        const body = await needAs(winnerTeam);
        expect(body).toMatchObject({ status: 'awarded', contactName: '张工', contactPhone: '0816-2345678' });
        return body;
      });
      expect(full.confidentialDetails).toContain('内部工艺参数');
      for (const team of [loserTeam, otherLoser]) {
        const body = await needAs(team);
        expect(body).not.toHaveProperty('confidentialDetails');
        expect(JSON.stringify(body)).not.toContain('0816-2345678');
      }

      const mine = await service.http.get(`/api/v1/bids/${lose.id}`).set(loserTeam.bearer).expect(200);
      expect(mine.body).toMatchObject({
        status: 'not_selected',
        statusLabel: '未入选',
        feedback: { category: 'cost', categoryLabel: '经费报价偏高', text: '经费报价高于同类方案，建议优化预算结构。' },
      });
      await service.http.get(`/api/v1/bids/${other.id}`).set(loserTeam.bearer).expect(404);
      await service.http.get(`/api/v1/bids/${win.id}`).set(loserTeam.bearer).expect(404);
      await service.http.get(`/api/v1/bids/${lose.id}`).set(winnerTeam.bearer).expect(404);
      expect((await service.http.get(`/api/v1/bids/${win.id}`).set(winnerTeam.bearer).expect(200)).body).toMatchObject({
        status: 'awarded',
        feedback: null,
      });
      await eventually(async () => {
        const inbox = await inboxOf(loserTeam);
        expect(inbox.items).toContainEqual(
          expect.objectContaining({
            kind: 'bid_not_selected',
            link: `/bids/${lose.id}`,
            body: expect.stringContaining('经费报价偏高'),
            // A code, labelled by the app in the reader's language.
            params: { need: expect.any(String), category: 'cost' },
          }),
        );
        expect((await inboxOf(winnerTeam)).items.map((n) => n.kind)).toContain('bid_awarded');
      });
      const closed = await service.http
        .post(`/api/v1/demands/${need.id}/bids`)
        .set((await teams(1))[0].bearer)
        .send({});
      expect(closed.status).toBe(400);
    });
  });

  describe('engagements', () => {
    it('walks an award through milestones to a completed need, the demand context following', async () => {
      const need = await openNeed(service.http, owner, admin);
      const [team, rival] = await teams(2);
      const advisor = await anAdvisor(service.http, admin, [owner.organisationId!]);
      const bid = await bidOn(service.http, team, need.id);
      const loser = await bidOn(service.http, rival, need.id);
      const { engagementIds } = await awarded(service.http, owner, need.id, [bid.id], [loser.id]);
      const path = `/api/v1/engagements/${engagementIds[0]}`;
      await eventually(async () => expect(await statusOf(need.id)).toBe('awarded'));

      const engagement = (await service.http.get(path).set(team.bearer).expect(200)).body;
      expect(engagement).toMatchObject({ status: 'awarded', demandId: need.id, bidId: bid.id });
      const [first, second] = engagement.milestones as Array<{ id: string; status: string; paymentShare: number }>;
      expect([first.status, second.status, first.paymentShare, second.paymentShare]).toEqual([
        'planned',
        'planned',
        30,
        70,
      ]);
      for (const outsider of [rival]) await service.http.get(path).set(outsider.bearer).expect(404);
      await eventually(() => service.http.get(path).set(advisor.bearer).expect(200));
      const mineAsOwner = await service.http.get('/api/v1/engagements').set(owner.bearer).expect(200);
      expect(mineAsOwner.body.items.map((e: { id: string }) => e.id)).toContain(engagementIds[0]);
      expect((await service.http.get('/api/v1/engagements').set(rival.bearer).expect(200)).body.items).toEqual([]);

      const deliver = (milestoneId: string) =>
        service.http
          .post(`${path}/milestones/${milestoneId}/submit`)
          .set(team.bearer)
          .send({ deliverables: [{ name: '阶段技术报告', reference: 'DOC-2027-0001' }], note: '请验收' });
      expect((await deliver(second.id).expect(409)).body.code).toBe('MILESTONE_ILLEGAL_TRANSITION');
      await service.http
        .post(`${path}/milestones/${first.id}/submit`)
        .set(owner.bearer)
        .send({ deliverables: [] })
        .expect(403);
      await deliver(first.id).expect(200);
      await eventually(async () => expect(await statusOf(need.id)).toBe('in_progress'));

      await service.http.post(`${path}/milestones/${first.id}/accept`).set(team.bearer).expect(403);
      const rejected = await service.http
        .post(`${path}/milestones/${first.id}/reject`)
        .set(owner.bearer)
        .send({ reason: '缺少第三方检测报告，请补充。' })
        .expect(200);
      expect(rejected.body.milestones[0]).toMatchObject({
        status: 'rejected',
        decisionReason: '缺少第三方检测报告，请补充。',
      });
      await deliver(first.id).expect(200);
      await service.http.post(`${path}/milestones/${first.id}/accept`).set(owner.bearer).expect(200);
      await service.http.post(`${path}/milestones/${first.id}/accept`).set(owner.bearer).expect(409);
      await deliver(second.id).expect(200);
      const done = await service.http.post(`${path}/milestones/${second.id}/accept`).set(admin.bearer).expect(200);
      expect(done.body).toMatchObject({ status: 'completed' });
      expect(done.body.completedAt).not.toBeNull();
      await eventually(async () => expect(await statusOf(need.id)).toBe('completed'));

      await eventually(async () => {
        const teamInbox = (await inboxOf(team)).items.map((n) => n.kind);
        expect(teamInbox).toEqual(expect.arrayContaining(['bid_awarded', 'milestone_rejected', 'milestone_accepted']));
        const ownerInbox = (await inboxOf(owner)).items.map((n) => n.kind);
        expect(ownerInbox).toEqual(expect.arrayContaining(['bid_submitted', 'milestone_submitted']));
      });
      const trail = await service.http.get(`/api/v1/demands/${need.id}/bids/history`).set(owner.bearer).expect(200);
      expect(trail.body.map((e: { subject: string; action: string }) => `${e.subject}:${e.action}`)).toEqual([
        'bid:submit',
        'bid:submit',
        'award:award',
        'milestone:submit',
        'milestone:reject',
        'milestone:submit',
        'milestone:accept',
        'milestone:submit',
        'milestone:accept',
      ]);
      expect(trail.body[4]).toMatchObject({
        actorRole: 'enterprise',
        detail: { reason: '缺少第三方检测报告，请补充。' },
      });
      await service.http.get(`/api/v1/demands/${need.id}/bids/history`).set(rival.bearer).expect(404);
    });

    it('completes a 赛马 need only when every winning team has finished', async () => {
      const need = await openNeed(service.http, owner, admin, { awardMode: 'parallel', awardLeads: 2 });
      const racers = await teams(2);
      const plan = { milestones: [{ title: '样机交付', dueDate: '2027-06-30', paymentShare: 100 }] };
      const bids = await Promise.all(racers.map((team) => bidOn(service.http, team, need.id, plan)));
      const { engagementIds } = await awarded(
        service.http,
        owner,
        need.id,
        bids.map((b) => b.id),
        [],
      );
      for (const [index, engagementId] of engagementIds.entries()) {
        const path = `/api/v1/engagements/${engagementId}`;
        const engagement = (await service.http.get(path).set(owner.bearer).expect(200)).body;
        const team = racers[bids.findIndex((b) => b.id === engagement.bidId)];
        const milestoneId = engagement.milestones[0].id as string;
        await service.http
          .post(`${path}/milestones/${milestoneId}/submit`)
          .set(team.bearer)
          .send({ deliverables: [{ name: '样机', reference: 'SN-001' }] })
          .expect(200);
        await service.http.post(`${path}/milestones/${milestoneId}/accept`).set(owner.bearer).expect(200);
        if (index === 0) await eventually(async () => expect(await statusOf(need.id)).toBe('in_progress'));
      }
      await eventually(async () => expect(await statusOf(need.id)).toBe('completed'));
    });

    it('cancels the engagements of a need withdrawn while its award was on its way to demand', async () => {
      const need = await openNeed(service.http, owner, admin);
      const [team] = await teams(1);
      const bid = await bidOn(service.http, team, need.id);
      const { engagementIds } = await awarded(service.http, owner, need.id, [bid.id], []);
      // Demand withdrew the need before it heard of the award: its withdrawal event reaches matching.
      const snapshot = {
        id: need.id,
        code: null,
        title: '已撤回的需求',
        summary: '需求方在揭榜结果送达前撤回了需求。',
        background: '需求方在揭榜结果送达前撤回了需求。',
        indicators: [{ name: '磁能积', target: '≥50', unit: 'MGOe' }],
        outcomeForm: 'process' as const,
        industry: 'advanced_materials' as const,
        keywords: ['钕铁硼'],
        district: 'high_tech_zone' as const,
        bountyMin: 200,
        bountyMax: 300,
        cooperationMode: 'joint_rd' as const,
        awardMode: 'single' as const,
        awardLeads: 1,
        bidDeadline: null,
        status: 'withdrawn' as const,
        ownerOrganisationId: owner.organisationId!,
        ownerName: null,
        batchId: null,
        publishedAt: null,
        updatedAt: new Date().toISOString(),
      };
      await service.app
        .get(Transactions)
        .run((manager) =>
          service.app
            .get(EventBus)
            .publish(manager, EventBus.envelope('demand.withdrawn', need.id, 999, { demand: snapshot })),
        );
      const path = `/api/v1/engagements/${engagementIds[0]}`;
      const engagement = await eventually(async () => {
        const view = (await service.http.get(path).set(team.bearer).expect(200)).body;
        expect(view.status).toBe('cancelled');
        return view;
      });
      const refused = await service.http
        .post(`${path}/milestones/${engagement.milestones[0].id}/submit`)
        .set(team.bearer)
        .send({ deliverables: [{ name: '报告', reference: 'DOC-1' }] })
        .expect(409);
      expect(refused.body.code).toBe('MILESTONE_ILLEGAL_TRANSITION');
    });

    it('flags a milestone past its due date once, and tells the team', async () => {
      const need = await openNeed(service.http, owner, admin);
      const [team] = await teams(1);
      const bid = await bidOn(service.http, team, need.id, {
        milestones: [
          { title: '方案评审', dueDate: '2024-01-31', paymentShare: 20 },
          { title: '样机交付', dueDate: '2099-12-31', paymentShare: 80 },
        ],
      });
      const { engagementIds } = await awarded(service.http, owner, need.id, [bid.id], []);
      const clock = service.app.get(MilestoneClockJob);
      expect(await clock.tick()).toBeGreaterThanOrEqual(1);
      const view = (await service.http.get(`/api/v1/engagements/${engagementIds[0]}`).set(team.bearer).expect(200))
        .body;
      expect(view.milestones.map((m: { overdue: boolean }) => m.overdue)).toEqual([true, false]);
      const flagged = await query<{ count: string }>(
        `SELECT count(*) FROM matching.audit WHERE action = 'overdue' AND demand_id = $1`,
        [need.id],
      );
      await clock.tick();
      expect(
        await query(`SELECT 1 FROM matching.audit WHERE action = 'overdue' AND demand_id = $1`, [need.id]),
      ).toHaveLength(Number(flagged[0].count));
      await eventually(async () =>
        expect((await inboxOf(team)).items).toContainEqual(
          expect.objectContaining({ kind: 'milestone_overdue', title: '里程碑已逾期' }),
        ),
      );
    });
  });

  describe('notifications', () => {
    it('keeps an inbox per user, with an unread count, marks read only one’s own, and emails a copy', async () => {
      const owner2 = await registered(service.http, { role: 'enterprise' });
      const need = await openNeed(service.http, owner2, admin);
      const [team] = await teams(1);
      await bidOn(service.http, team, need.id);
      const inbox = await eventually(async () => {
        const current = await inboxOf(owner2);
        expect(current.items.map((n) => n.kind)).toEqual(['bid_submitted', 'demand_approved']);
        return current;
      });
      expect(inbox.unread).toBe(2);
      expect(inbox.items[0]).toMatchObject({ title: '收到新的揭榜申报', readAt: null });
      await service.http.post(`/api/v1/notifications/${inbox.items[0].id}/read`).set(team.bearer).expect(404);
      const after = await service.http
        .post(`/api/v1/notifications/${inbox.items[0].id}/read`)
        .set(owner2.bearer)
        .expect(200);
      expect(after.body).toEqual({ unread: 1 });
      expect(
        (await service.http.get('/api/v1/notifications?unread=true').set(owner2.bearer).expect(200)).body.items,
      ).toHaveLength(1);
      await service.http.post('/api/v1/notifications/read-all').set(owner2.bearer).expect(200, { unread: 0 });
      await service.http.get('/api/v1/notifications').expect(401);
      await eventually(() => expect(mailed.filter((to) => to === owner2.email).length).toBeGreaterThanOrEqual(2), {
        timeoutMs: 20_000,
      });
      // The server has the message before the sender records it as sent.
      await eventually(async () => {
        const [{ statuses }] = await query<{ statuses: string[] }>(
          `SELECT array_agg(DISTINCT email_status) AS statuses FROM notifications.notification WHERE organisation_id = $1`,
          [owner2.organisationId],
        );
        expect(statuses).toEqual(['sent']);
      });
    });
  });
});

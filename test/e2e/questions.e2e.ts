import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UsersService } from '@jiebang/identity';
import { Transactions } from '@jiebang/platform';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { approved, drafted, publishedBatch } from '../harness/demand-factories';
import { eventually } from '../harness/eventually';
import { type Account, registered, signedIn } from '../harness/factories';
import { anAdvisor } from '../harness/matching-factories';
import { startTestService, type TestService } from '../harness/test-app';

interface QuestionView {
  id: string;
  question: string;
  mine: boolean;
  asker: { organisationId: string; name: string | null } | null;
  answer: string | null;
  answeredByRole: 'enterprise' | 'advisor' | null;
  hidden: { at: string; reason: string } | null;
}

interface QuestionPage {
  items: QuestionView[];
  total: number;
  mayAsk: boolean;
  mayAnswer: boolean;
  mayModerate: boolean;
}

interface InboxItem {
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

describe('public Q&A (答疑) on needs: who sees what, who answers, closing with bidding, notifications', () => {
  let service: TestService;
  let admin: Account;
  let owner: Account;
  let otherEnterprise: Account;
  let team: Account;
  let teammate: Account;
  let rivalTeam: Account;
  let advisor: Account;
  let unrelatedAdvisor: Account;
  let needId: string;
  let teamName: string;
  let query: <T>(sql: string, params?: unknown[]) => Promise<T[]>;

  const questionsPath = (demandId: string) => `/api/v1/demands/${demandId}/questions`;
  const listAs = async (account: Account | null, demandId = needId): Promise<QuestionPage> => {
    const request = service.http.get(questionsPath(demandId));
    if (account) void request.set(account.bearer);
    return (await request.expect(200)).body as QuestionPage;
  };
  const ask = (account: Account, question: string, demandId = needId) =>
    service.http.post(questionsPath(demandId)).set(account.bearer).send({ question });
  const answer = (account: Account, questionId: string, text: string, demandId = needId) =>
    service.http
      .post(`${questionsPath(demandId)}/${questionId}/answer`)
      .set(account.bearer)
      .send({ answer: text });
  const asked = async (account: Account, question: string, demandId = needId): Promise<QuestionView> =>
    (await ask(account, question, demandId).expect(201)).body as QuestionView;
  const inboxOf = async (account: Account): Promise<InboxItem[]> =>
    (
      (await service.http.get('/api/v1/notifications?pageSize=100').set(account.bearer).expect(200)).body as {
        items: InboxItem[];
      }
    ).items;
  /** A need published in a batch of its own, its deadline 30 days ahead. */
  const publishedNeed = async (): Promise<string> => {
    const demand = await approved(service.http, owner, admin);
    await publishedBatch(service.http, admin, [demand.id]);
    return demand.id;
  };

  beforeAll(async () => {
    service = await startTestService(marketplace);
    await service.app.get(UsersService).ensureAdmin('office@example.cn', 'office-password-1');
    admin = await signedIn(service.http, 'office@example.cn', 'office-password-1');
    owner = await registered(service.http, { role: 'enterprise' });
    otherEnterprise = await registered(service.http, { role: 'enterprise' });
    team = await registered(service.http, { role: 'team' });
    teammate = await registered(service.http, { role: 'team', joinCode: team.joinCode! });
    rivalTeam = await registered(service.http, { role: 'team' });
    advisor = await anAdvisor(service.http, admin, [owner.organisationId!]);
    unrelatedAdvisor = await anAdvisor(service.http, admin, [otherEnterprise.organisationId!]);
    const manager = service.app.get(Transactions).manager;
    query = <T>(sql: string, params: unknown[] = []) => manager.query<T[]>(sql, params);
    [{ name: teamName }] = await query<{ name: string }>('SELECT name FROM identity.organisation WHERE id = $1', [
      team.organisationId,
    ]);
    needId = await publishedNeed();
    // The advisors' portfolios and the need reached demand and notifications.
    await eventually(async () => {
      const view = await service.http.get(`/api/v1/demands/${needId}`).set(advisor.bearer).expect(200);
      expect(view.body).toHaveProperty('confidentialDetails');
    });
    await service.drainEvents();
    // A rival team and the asking team follow the need.
    for (const follower of [rivalTeam, team]) {
      await service.http
        .post('/api/v1/subscriptions')
        .set(follower.bearer)
        .send({ kind: 'need', demandId: needId })
        .expect(201);
    }
  }, 120_000);

  afterAll(() => service.close());

  describe('asking', () => {
    let question: QuestionView;

    it('lets a team ask on an open need; the answer-less question is seen by the asker, owner, advisor and admin only', async () => {
      expect((await listAs(team)).mayAsk).toBe(true);
      question = await asked(team, '指标中的“内禀矫顽力 ≥25 kOe”是在室温还是 150℃ 下测试？');
      expect(question).toMatchObject({ mine: true, asker: null, answer: null, hidden: null });

      for (const reader of [owner, advisor, admin]) {
        const page = await listAs(reader);
        expect(page.items.map((q) => q.id)).toEqual([question.id]);
        expect(page.items[0]).toMatchObject({
          mine: false,
          asker: { organisationId: team.organisationId, name: teamName },
        });
      }
      // Every member of the asking team sees it as the team's own, without a name to reveal.
      for (const member of [team, teammate]) {
        const page = await listAs(member);
        expect(page.items).toEqual([expect.objectContaining({ id: question.id, mine: true, asker: null })]);
      }
      for (const outsider of [null, rivalTeam, otherEnterprise, unrelatedAdvisor]) {
        const page = await listAs(outsider);
        expect({ items: page.items, total: page.total }).toEqual({ items: [], total: 0 });
      }
    });

    it('says who may do what on the list', async () => {
      expect(await listAs(owner)).toMatchObject({ mayAsk: false, mayAnswer: true, mayModerate: false });
      expect(await listAs(advisor)).toMatchObject({ mayAsk: false, mayAnswer: true, mayModerate: false });
      expect(await listAs(admin)).toMatchObject({ mayAsk: false, mayAnswer: false, mayModerate: true });
      expect(await listAs(unrelatedAdvisor)).toMatchObject({ mayAsk: false, mayAnswer: false, mayModerate: false });
      expect(await listAs(null)).toMatchObject({ mayAsk: false, mayAnswer: false, mayModerate: false });
    });

    it('tells the owner and its advisor about the question, without naming the team', async () => {
      for (const reader of [owner, advisor]) {
        const message = await eventually(async () => {
          const found = (await inboxOf(reader)).find((n) => n.kind === 'question_asked');
          expect(found).toBeDefined();
          return found!;
        });
        expect(message.link).toBe(`/demands/${needId}?tab=qa`);
        expect(message.body).toContain('内禀矫顽力');
        expect(message.body).not.toContain(teamName);
      }
      await service.drainEvents();
      for (const outsider of [rivalTeam, team, unrelatedAdvisor]) {
        expect((await inboxOf(outsider)).filter((n) => n.kind === 'question_asked')).toEqual([]);
      }
    });

    it('refuses bad questions field by field, and callers who may not ask', async () => {
      const empty = await ask(team, '   ')
        .expect(400)
        .expect('content-type', /application\/problem\+json/);
      expect(empty.body.errors.map((e: { field: string }) => e.field)).toEqual(['question']);
      const long = await ask(team, '问'.repeat(1001)).expect(400);
      expect(long.body.errors.map((e: { field: string }) => e.field)).toEqual(['question']);
      const nul = await ask(team, '测试温度\u0000是多少').expect(400);
      expect(nul.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(nul.body.errors.map((e: { field: string }) => e.field)).toEqual(['question']);
      await service.http.post(questionsPath(needId)).set(team.bearer).send({ question: null }).expect(400);
      await service.http.post(questionsPath(needId)).set(team.bearer).send([]).expect(400);

      await service.http.post(questionsPath(needId)).send({ question: '匿名者的提问内容' }).expect(401);
      for (const notATeam of [owner, otherEnterprise, advisor, admin]) {
        await ask(notATeam, '非团队角色的提问').expect(403);
      }
      const unknown = await ask(team, '不存在的需求的提问', '00000000-0000-4000-8000-000000000000').expect(404);
      expect(unknown.body.code).toBe('DEMAND_NOT_FOUND');
      const draft = await drafted(service.http, owner);
      expect((await ask(team, '草稿需求的提问内容', draft.id).expect(404)).body.code).toBe('DEMAND_NOT_FOUND');
      await service.http.get(questionsPath(draft.id)).expect(404);
      await service.http.get(questionsPath(draft.id)).set(owner.bearer).expect(200);
      // Nothing of the refused attempts was kept.
      expect((await listAs(admin)).total).toBe(1);
    });

    it("refuses a question from a team of the need's own organisation", async () => {
      const insider = await registered(service.http, { role: 'team', joinCode: owner.joinCode! });
      const refused = await ask(insider, '自己单位的需求能提问吗？').expect(403);
      expect(refused.body.code).toBe('QUESTION_FORBIDDEN');
    });
  });

  describe('answering', () => {
    let byOwner: QuestionView;
    let byAdvisor: QuestionView;

    beforeAll(async () => {
      byOwner = await asked(team, '样品数量需要多少件？是否需要第三方检测报告？');
      byAdvisor = await asked(rivalTeam, '是否接受联合体揭榜？牵头单位有何要求？');
    });

    it('refuses another enterprise, another team, an unrelated advisor and the office', async () => {
      for (const stranger of [otherEnterprise, unrelatedAdvisor]) {
        const refused = await answer(stranger, byOwner.id, '越权答复的内容').expect(404);
        expect(refused.body.code).toBe('QUESTION_NOT_FOUND');
      }
      for (const notAnswerer of [rivalTeam, team, admin]) await answer(notAnswerer, byOwner.id, '越权答复').expect(403);
      const unknown = await answer(owner, '00000000-0000-4000-8000-000000000000', '答复不存在的问题').expect(404);
      expect(unknown.body.code).toBe('QUESTION_NOT_FOUND');
      // A question is answered under its own need only.
      const elsewhere = await publishedNeed();
      await answer(owner, byOwner.id, '换一个需求路径答复', elsewhere).expect(404);
      const bad = await answer(owner, byOwner.id, ' ').expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['answer']);
      expect((await listAs(owner)).items.find((q) => q.id === byOwner.id)?.answer).toBeNull();
    });

    it('lets the owner and its advisor answer, once; answered questions are public, the asker still hidden', async () => {
      const answered = (await answer(owner, byOwner.id, '需提供 5 件样品，并附第三方检测报告。').expect(200))
        .body as QuestionView;
      expect(answered).toMatchObject({ answer: '需提供 5 件样品，并附第三方检测报告。', answeredByRole: 'enterprise' });
      expect(
        (await answer(advisor, byAdvisor.id, '接受联合体，牵头单位须为高校或科研院所。').expect(200)).body,
      ).toMatchObject({ answeredByRole: 'advisor' });
      const again = await answer(owner, byOwner.id, '再答一次').expect(409);
      expect(again.body.code).toBe('QUESTION_ALREADY_ANSWERED');
      // Now visible, yet still not theirs to answer.
      expect((await answer(otherEnterprise, byOwner.id, '越权答复的内容').expect(403)).body.code).toBe(
        'QUESTION_FORBIDDEN',
      );

      for (const outsider of [null, otherEnterprise, unrelatedAdvisor]) {
        const page = await listAs(outsider);
        expect(page.items.map((q) => q.id).sort()).toEqual([byOwner.id, byAdvisor.id].sort());
        expect(page.items.every((q) => q.asker === null && !q.mine && q.answer !== null)).toBe(true);
        const raw = JSON.stringify(page);
        expect(raw).not.toContain(team.organisationId!);
        expect(raw).not.toContain(rivalTeam.organisationId!);
        expect(raw).not.toContain(teamName);
      }
      // Each team sees the public ones and its own unanswered one, never a name.
      const teamView = await listAs(team);
      expect(
        teamView.items.map((q) => [q.id === byOwner.id ? 'byOwner' : q.answer ? 'public' : 'own', q.mine]),
      ).toEqual(
        expect.arrayContaining([
          ['byOwner', true],
          ['public', false],
          ['own', true],
        ]),
      );
      expect(teamView.items).toHaveLength(3);
      expect(teamView.items.every((q) => q.asker === null)).toBe(true);
      const rivalView = await listAs(rivalTeam);
      expect(rivalView.items.map((q) => [q.id, q.mine])).toEqual(
        expect.arrayContaining([
          [byOwner.id, false],
          [byAdvisor.id, true],
        ]),
      );
      expect(rivalView.items).toHaveLength(2);
    });

    it('tells the asker, the owner and the followers, each once', async () => {
      await eventually(async () => {
        const inbox = await inboxOf(team);
        expect(inbox.filter((n) => n.kind === 'question_answered')).toHaveLength(1);
        // The rival's question was answered too: the team follows the need, so it hears of that one.
        expect(inbox.filter((n) => n.kind === 'followed_answer')).toHaveLength(1);
      });
      await eventually(async () => {
        const inbox = await inboxOf(rivalTeam);
        expect(inbox.filter((n) => n.kind === 'question_answered')).toHaveLength(1);
        const followed = inbox.filter((n) => n.kind === 'followed_answer');
        expect(followed).toHaveLength(1);
        expect(followed[0].body).toContain('样品数量');
        expect(followed[0].link).toBe(`/demands/${needId}?tab=qa`);
      });
      await eventually(async () =>
        expect((await inboxOf(owner)).filter((n) => n.kind === 'question_answer_published')).toHaveLength(2),
      );
      await service.drainEvents();
      const teamInbox = await inboxOf(team);
      expect(teamInbox.find((n) => n.kind === 'question_answered')?.body).toContain('样品数量');
      expect(teamInbox.find((n) => n.kind === 'followed_answer')?.body).toContain('联合体');
    });
  });

  describe('the office hides improper questions', () => {
    let improper: QuestionView;

    beforeAll(async () => {
      improper = await asked(team, '欢迎访问我司官网了解更多产品优惠信息！');
      await answer(owner, improper.id, '与需求无关。').expect(200);
    });

    it('hides a question from everyone but admin and the asking team, which learns why', async () => {
      await service.http
        .post(`${questionsPath(needId)}/${improper.id}/hide`)
        .set(owner.bearer)
        .send({ reason: '广告' })
        .expect(403);
      const bad = await service.http
        .post(`${questionsPath(needId)}/${improper.id}/hide`)
        .set(admin.bearer)
        .send({ reason: 'x' })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
      const hidden = await service.http
        .post(`${questionsPath(needId)}/${improper.id}/hide`)
        .set(admin.bearer)
        .send({ reason: '含有与需求无关的广告内容' })
        .expect(200);
      expect(hidden.body.hidden).toMatchObject({ reason: '含有与需求无关的广告内容' });
      const again = await service.http
        .post(`${questionsPath(needId)}/${improper.id}/hide`)
        .set(admin.bearer)
        .send({ reason: '含有与需求无关的广告内容' })
        .expect(409);
      expect(again.body.code).toBe('QUESTION_ALREADY_HIDDEN');

      for (const reader of [null, owner, advisor, rivalTeam, otherEnterprise]) {
        expect((await listAs(reader)).items.map((q) => q.id)).not.toContain(improper.id);
      }
      for (const reader of [admin, team, teammate]) {
        const shown = (await listAs(reader)).items.find((q) => q.id === improper.id);
        expect(shown?.hidden).toMatchObject({ reason: '含有与需求无关的广告内容' });
      }
      await eventually(async () => {
        const message = (await inboxOf(team)).find((n) => n.kind === 'question_hidden');
        expect(message?.body).toContain('含有与需求无关的广告内容');
      });
    });

    it('keeps a hidden question out of reach of the need side, then shows it again', async () => {
      const pending = await asked(team, '这个问题将被隐藏后再答复吗？');
      await service.http
        .post(`${questionsPath(needId)}/${pending.id}/hide`)
        .set(admin.bearer)
        .send({ reason: '重复提问' })
        .expect(200);
      expect((await answer(owner, pending.id, '隐藏后答复').expect(404)).body.code).toBe('QUESTION_NOT_FOUND');

      await service.http
        .post(`${questionsPath(needId)}/${improper.id}/unhide`)
        .set(team.bearer)
        .expect(403);
      const shown = await service.http
        .post(`${questionsPath(needId)}/${improper.id}/unhide`)
        .set(admin.bearer)
        .expect(200);
      expect(shown.body.hidden).toBeNull();
      const again = await service.http
        .post(`${questionsPath(needId)}/${improper.id}/unhide`)
        .set(admin.bearer)
        .expect(409);
      expect(again.body.code).toBe('QUESTION_NOT_HIDDEN');
      expect((await listAs(null)).items.map((q) => q.id)).toContain(improper.id);
    });
  });

  describe('questions close with bidding', () => {
    it("refuses a question once the need's deadline has passed in the database, and answers the ones asked in time until the need moves on", async () => {
      const closing = await publishedNeed();
      const inTime = await asked(team, '截止前提出的问题能否获得答复？', closing);
      await query(`UPDATE demand.demand SET bid_deadline = now() - interval '1 second' WHERE id = $1`, [closing]);

      const late = await ask(team, '截止后提出的问题会被拒绝吗？', closing).expect(409);
      expect(late.body).toMatchObject({ code: 'QUESTION_CLOSED', currentStatus: 'bidding_closed' });
      expect((await listAs(team, closing)).mayAsk).toBe(false);
      // Questions asked in time may still be answered: the answer is public like any other.
      await answer(owner, inTime.id, '可以，截止后仍会答复已提出的问题。', closing).expect(200);
      expect((await listAs(null, closing)).items.map((q) => q.id)).toEqual([inTime.id]);

      const unanswered = await publishedNeed();
      const pending = await asked(rivalTeam, '撤榜之后还能答复吗？', unanswered);
      await service.http
        .post(`/api/v1/demands/${unanswered}/withdraw`)
        .set(owner.bearer)
        .send({ reason: '企业已自主攻克该技术' })
        .expect(200);
      const refused = await answer(owner, pending.id, '撤榜后的答复', unanswered).expect(409);
      expect(refused.body).toMatchObject({ code: 'QUESTION_CLOSED', currentStatus: 'withdrawn' });
      expect((await ask(team, '撤榜后还能提问吗？', unanswered).expect(404)).body.code).toBe('DEMAND_NOT_FOUND');
    });

    it('enforces the close in the database itself, whatever the application checks', async () => {
      const closing = await publishedNeed();
      await query(`UPDATE demand.demand SET bid_deadline = now() - interval '1 second' WHERE id = $1`, [closing]);
      await expect(
        query(
          `INSERT INTO demand.question (demand_id, asker_organisation_id, asked_by, body) VALUES ($1, $2, $3, $4)`,
          [closing, team.organisationId, team.id, '绕过应用直接写入的问题'],
        ),
      ).rejects.toThrow(/questions on need .* are closed/);
    });
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UsersService } from '@jiebang/identity';
import type { DomainEvent } from '@jiebang/contracts';
import { EventBus, Transactions } from '@jiebang/platform';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { aPdf } from '../harness/attachment-factories';
import { eventually } from '../harness/eventually';
import { type Account, registered, signedIn } from '../harness/factories';
import { anAdvisor, awarded, bidOn, openNeed } from '../harness/matching-factories';
import { startTestService, type TestService } from '../harness/test-app';

interface Message {
  id: string;
  seq: number;
  body: string;
  authorId: string;
  authorRole: string;
  authorOrganisationName: string | null;
  mine: boolean;
  createdAt: string;
}

interface Thread {
  items: Message[];
  hasMore: boolean;
  lastSeq: number;
  readUpTo: number;
  unread: number;
  writable: boolean;
}

interface Notification {
  createdAt: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

/** The people around one engagement: its parties, the advisors of either, and outsiders of every role. */
interface Cast {
  engagementId: string;
  demandId: string;
  path: string;
  owner: Account;
  /** A second member of the owner's organisation: the owner's side is every member. */
  colleague: Account;
  team: Account;
  ownerAdvisor: Account;
  teamAdvisor: Account;
  rival: Account;
  milestoneIds: string[];
}

describe('engagement threads: messages, read state and notifications', () => {
  let service: TestService;
  let admin: Account;
  let otherEnterprise: Account;
  let strayAdvisor: Account;
  let query: <T>(sql: string, params?: unknown[]) => Promise<T[]>;

  beforeAll(async () => {
    service = await startTestService(marketplace);
    await service.app.get(UsersService).ensureAdmin('office@example.cn', 'office-password-1');
    admin = await signedIn(service.http, 'office@example.cn', 'office-password-1');
    otherEnterprise = await registered(service.http, { role: 'enterprise' });
    strayAdvisor = await anAdvisor(service.http, admin, [otherEnterprise.organisationId!]);
    const manager = service.app.get(Transactions).manager;
    query = <T>(sql: string, params: unknown[] = []) => manager.query<T[]>(sql, params);
  });

  afterAll(async () => {
    await service.close();
  });

  /** A fresh need awarded to a company team; an advisor serves each side. */
  async function anEngagement(): Promise<Cast> {
    const owner = await registered(service.http, { role: 'enterprise' });
    const colleague = await registered(service.http, { role: 'enterprise', joinCode: owner.joinCode! });
    const team = await registered(service.http, {
      role: 'team',
      organisation: { name: `绵阳测试科技有限公司${randomUUID().slice(0, 8)}`, kind: 'company' },
    });
    const rival = await registered(service.http, { role: 'team' });
    const ownerAdvisor = await anAdvisor(service.http, admin, [owner.organisationId!]);
    const teamAdvisor = await anAdvisor(service.http, admin, [team.organisationId!]);
    const need = await openNeed(service.http, owner, admin);
    const bid = await bidOn(service.http, team, need.id);
    const lost = await bidOn(service.http, rival, need.id);
    const { engagementIds } = await awarded(service.http, owner, need.id, [bid.id], [lost.id]);
    const path = `/api/v1/engagements/${engagementIds[0]}`;
    // Advisors' portfolios reach matching through identity's events.
    for (const advisor of [ownerAdvisor, teamAdvisor]) {
      await eventually(() => service.http.get(`${path}/messages`).set(advisor.bearer).expect(200));
    }
    const view = (await service.http.get(path).set(owner.bearer).expect(200)).body as { milestones: { id: string }[] };
    return {
      engagementId: engagementIds[0],
      demandId: need.id,
      path,
      owner,
      colleague,
      team,
      ownerAdvisor,
      teamAdvisor,
      rival,
      milestoneIds: view.milestones.map((m) => m.id),
    };
  }

  const post = (cast: Cast, account: Account, body: string) =>
    service.http.post(`${cast.path}/messages`).set(account.bearer).send({ body });
  const threadOf = async (cast: Cast, account: Account, search = ''): Promise<Thread> =>
    (await service.http.get(`${cast.path}/messages${search}`).set(account.bearer).expect(200)).body as Thread;
  const unreadInList = async (cast: Cast, account: Account): Promise<number> => {
    const page = (await service.http.get('/api/v1/engagements').set(account.bearer).expect(200)).body as {
      items: Array<{ id: string; unreadMessages: number }>;
    };
    return page.items.find((e) => e.id === cast.engagementId)!.unreadMessages;
  };
  const inboxOf = async (account: Account): Promise<Notification[]> =>
    (
      (await service.http.get('/api/v1/notifications').set(account.bearer).expect(200)).body as {
        items: Notification[];
      }
    ).items;
  const messageCount = async (cast: Cast): Promise<number> =>
    Number(
      (
        await query<{ count: string }>('SELECT count(*) FROM matching.engagement_message WHERE engagement_id = $1', [
          cast.engagementId,
        ])
      )[0].count,
    );

  describe('who takes part', () => {
    let cast: Cast;
    beforeAll(async () => {
      cast = await anEngagement();
    });

    it('lets both parties, the advisors of either and the office write and read, in order', async () => {
      const writers: Array<[Account, string, string]> = [
        [cast.owner, 'enterprise', '欢迎加入，请先确认第一阶段的工艺方案。'],
        [cast.team, 'team', '收到，方案评审材料本周五前提交。'],
        [cast.ownerAdvisor, 'advisor', '我可以协调检测机构做第三方测试。'],
        [cast.teamAdvisor, 'advisor', '团队中试线场地已落实。'],
        [admin, 'admin', '项目办将跟踪里程碑进度。'],
        [cast.colleague, 'enterprise', '付款节点请按里程碑执行。'],
      ];
      for (const [account, role, body] of writers) {
        const created = await post(cast, account, `  ${body}\n`).expect(201);
        expect(created.body).toMatchObject({ body, authorId: account.id, authorRole: role, mine: true });
      }
      for (const [reader] of writers) {
        const thread = await threadOf(cast, reader);
        expect(thread.items.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
        expect(thread.items.map((m) => m.body)).toEqual(writers.map(([, , body]) => body));
        expect(thread.items.filter((m) => m.mine).map((m) => m.authorId)).toEqual([reader.id]);
        expect(thread).toMatchObject({ lastSeq: 6, hasMore: false, writable: true });
      }
      const teamMessage = (await threadOf(cast, cast.owner)).items[1];
      expect(teamMessage.authorOrganisationName).toMatch(/^绵阳测试科技有限公司/);
    });

    it('pages oldest first: the latest window, then back with before, then on with after', async () => {
      const latest = await threadOf(cast, cast.team, '?limit=4');
      expect(latest.items.map((m) => m.seq)).toEqual([3, 4, 5, 6]);
      expect(latest.hasMore).toBe(true);
      const earlier = await threadOf(cast, cast.team, '?limit=4&before=3');
      expect(earlier).toMatchObject({ hasMore: false });
      expect(earlier.items.map((m) => m.seq)).toEqual([1, 2]);
      const onwards = await threadOf(cast, cast.team, '?limit=2&after=2');
      expect(onwards.items.map((m) => m.seq)).toEqual([3, 4]);
      expect(onwards.hasMore).toBe(true);
      expect((await threadOf(cast, cast.team, '?after=6')).items).toEqual([]);
      const both = await service.http.get(`${cast.path}/messages?after=1&before=3`).set(cast.team.bearer).expect(400);
      for (const search of ['?after=99999999999999999999999', '?before=2147483648', '?after=-1', '?limit=101']) {
        const refused = await service.http.get(`${cast.path}/messages${search}`).set(cast.team.bearer).expect(400);
        expect(refused.body.code).toBe('VALIDATION_FAILED');
      }
      expect(both.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [expect.objectContaining({ field: 'before' })],
      });
    });

    it('refuses every outsider, whatever the role, without a trace of the thread', async () => {
      const before = await messageCount(cast);
      const someMessage = (await threadOf(cast, cast.owner)).items[0];
      const outsiders: Array<[string, Account]> = [
        ['a losing team', cast.rival],
        ['another enterprise', otherEnterprise],
        ['an advisor serving neither party', strayAdvisor],
      ];
      for (const [who, outsider] of outsiders) {
        const attempts = [
          service.http.get(`${cast.path}/messages`).set(outsider.bearer),
          post(cast, outsider, `${who}想看看`),
          service.http.post(`${cast.path}/messages/read`).set(outsider.bearer).send({ messageId: someMessage.id }),
        ];
        for (const response of await Promise.all(attempts)) {
          expect([who, response.status, response.body.code]).toEqual([who, 404, 'ENGAGEMENT_NOT_FOUND']);
          expect(JSON.stringify(response.body)).not.toContain(someMessage.body);
        }
        const list = (await service.http.get('/api/v1/engagements').set(outsider.bearer).expect(200)).body as {
          items: Array<{ id: string }>;
        };
        expect(list.items.map((e) => e.id)).not.toContain(cast.engagementId);
      }
      for (const request of [
        service.http.get(`${cast.path}/messages`),
        service.http.post(`${cast.path}/messages`).send({ body: '匿名留言' }),
        service.http.post(`${cast.path}/messages/read`).send({ messageId: someMessage.id }),
      ]) {
        expect((await request).status).toBe(401);
      }
      const unknown = await service.http
        .get(`/api/v1/engagements/${randomUUID()}/messages`)
        .set(admin.bearer)
        .expect(404);
      expect(unknown.body.code).toBe('ENGAGEMENT_NOT_FOUND');
      expect(await messageCount(cast)).toBe(before);
    });

    it('refuses bad messages field by field, writing nothing', async () => {
      const before = await messageCount(cast);
      const cases: Array<[unknown, string]> = [
        [{ body: '   ' }, 'body'],
        [{ body: '长'.repeat(4001) }, 'body'],
        [{ body: '含有\u0000空字符' }, 'body'],
        [{ body: 42 }, 'body'],
        [{}, 'body'],
      ];
      for (const [payload, field] of cases) {
        const response = await service.http
          .post(`${cast.path}/messages`)
          .set(cast.team.bearer)
          .send(payload as object);
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
        expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      await post(cast, cast.team, '长'.repeat(4000)).expect(201);
      expect(await messageCount(cast)).toBe(before + 1);
    });
  });

  describe('read state', () => {
    it('counts each user’s unread messages by others, and moves the marker only forward', async () => {
      const cast = await anEngagement();
      const first = (await post(cast, cast.owner, '请确认样品寄送地址。').expect(201)).body as Message;
      await post(cast, cast.ownerAdvisor, '检测机构已联系好。').expect(201);
      const third = (await post(cast, cast.team, '地址已确认。').expect(201)).body as Message;

      // Nobody counts their own messages; every member of a side reads for themselves.
      expect((await threadOf(cast, cast.team)).unread).toBe(2);
      expect((await threadOf(cast, cast.owner)).unread).toBe(2);
      expect((await threadOf(cast, cast.colleague)).unread).toBe(3);
      expect((await threadOf(cast, admin)).unread).toBe(3);
      expect(await unreadInList(cast, cast.team)).toBe(2);
      expect(await unreadInList(cast, cast.teamAdvisor)).toBe(3);

      const read = await service.http
        .post(`${cast.path}/messages/read`)
        .set(cast.colleague.bearer)
        .send({ messageId: third.id })
        .expect(200);
      expect(read.body).toEqual({ lastSeq: 3, readUpTo: 3, unread: 0 });
      // Reading an earlier message later never moves the marker back.
      const back = await service.http
        .post(`${cast.path}/messages/read`)
        .set(cast.colleague.bearer)
        .send({ messageId: first.id })
        .expect(200);
      expect(back.body).toEqual({ lastSeq: 3, readUpTo: 3, unread: 0 });
      expect(await unreadInList(cast, cast.colleague)).toBe(0);
      // The colleague's reading is theirs alone.
      expect((await threadOf(cast, cast.owner)).unread).toBe(2);

      await service.http
        .post(`${cast.path}/messages/read`)
        .set(cast.team.bearer)
        .send({ messageId: first.id })
        .expect(200);
      expect(await threadOf(cast, cast.team)).toMatchObject({ readUpTo: 1, unread: 1 });
      await post(cast, cast.owner, '好的，谢谢。').expect(201);
      expect(await unreadInList(cast, cast.team)).toBe(2);
      expect((await threadOf(cast, cast.colleague)).unread).toBe(1);

      const elsewhere = await anEngagement();
      const foreign = (await post(elsewhere, elsewhere.owner, '另一个项目的消息').expect(201)).body as Message;
      const refused = await service.http
        .post(`${cast.path}/messages/read`)
        .set(cast.team.bearer)
        .send({ messageId: foreign.id })
        .expect(422);
      expect(refused.body).toMatchObject({
        code: 'REFERENCE_NOT_FOUND',
        errors: [expect.objectContaining({ field: 'messageId' })],
      });
      const malformed = await service.http
        .post(`${cast.path}/messages/read`)
        .set(cast.team.bearer)
        .send({ messageId: 'not-a-uuid' })
        .expect(400);
      expect(malformed.body.errors[0].field).toBe('messageId');
    });
  });

  describe('under concurrency, notifications, and the end of the work', () => {
    let cast: Cast;
    beforeAll(async () => {
      cast = await anEngagement();
    });

    it('gives concurrent posts distinct places without gaps, time following the order', async () => {
      const writers = [cast.owner, cast.team, cast.ownerAdvisor, cast.teamAdvisor, admin, cast.colleague];
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, index) => post(cast, writers[index % writers.length], `并发消息 ${index}`)),
      );
      expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 30 }, () => 201));
      const seqs = responses.map((r) => (r.body as Message).seq).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
      const thread = await threadOf(cast, cast.team, '?limit=100');
      expect(thread.items.map((m) => m.seq)).toEqual(seqs);
      const times = thread.items.map((m) => Date.parse(m.createdAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(new Set(thread.items.map((m) => m.body)).size).toBe(30);
    });

    it('tells everyone else in the thread about a message, never its author, once', async () => {
      const kindOf = (items: Notification[]) => items.filter((n) => n.kind === 'engagement_message');
      const countsBefore = new Map<string, number>();
      for (const account of [cast.owner, cast.colleague, cast.team, cast.ownerAdvisor, cast.teamAdvisor, admin]) {
        countsBefore.set(account.id, kindOf(await inboxOf(account)).length);
      }
      const marker = `里程碑一的检测报告已上传 ${randomUUID().slice(0, 6)}`;
      await post(cast, cast.team, marker).expect(201);
      const aboutIt = async (account: Account) => kindOf(await inboxOf(account)).filter((n) => n.body.includes(marker));
      await eventually(async () => {
        for (const account of [cast.owner, cast.colleague, cast.ownerAdvisor, cast.teamAdvisor, admin]) {
          const found = await aboutIt(account);
          expect(found).toHaveLength(1);
          expect(found[0]).toMatchObject({ title: '项目沟通有新消息', link: `/engagements/${cast.engagementId}` });
          expect(found[0].body).toContain('揭榜团队');
        }
      });
      expect(await aboutIt(cast.team)).toEqual([]);
      // Outsiders hear nothing.
      for (const outsider of [cast.rival, otherEnterprise, strayAdvisor]) expect(await aboutIt(outsider)).toEqual([]);
      const stored = await query<{ count: string }>(
        `SELECT count(*) FROM notifications.notification WHERE kind = 'engagement_message' AND body LIKE $1`,
        [`%${marker}%`],
      );
      // The owner's side (one row for the organisation), two advisors and the office user who wrote there.
      expect(Number(stored[0].count)).toBe(4);
    });

    it('dates a notification by the message it reports, so messages handled in one batch keep their order', async () => {
      const marker = randomUUID().slice(0, 6);
      const start = Date.now();
      const messages: Array<DomainEvent<'matching.engagement_message_posted'>> = [0, 1].map((i) => ({
        id: randomUUID(),
        type: 'matching.engagement_message_posted',
        aggregateId: cast.engagementId,
        version: 1,
        occurredAt: new Date(start + i).toISOString(),
        payload: {
          engagementId: cast.engagementId,
          demandId: cast.demandId,
          messageId: randomUUID(),
          seq: 1000 + i,
          authorId: cast.team.id,
          authorRole: 'team',
          authorOrganisationId: cast.team.organisationId!,
          teamOrganisationId: cast.team.organisationId!,
          ownerOrganisationId: cast.owner.organisationId!,
          excerpt: `补充说明 ${i} ${marker}`,
          adminIds: [],
        },
      }));
      // One transaction: the consumer takes both in one batch, and so one transaction of its own.
      const bus = service.app.get(EventBus);
      await service.app.get(Transactions).run((manager) => bus.publishMany(manager, [...messages].reverse()));
      const listed = await eventually(async () => {
        const found = (await inboxOf(cast.owner)).filter((n) => n.body.includes(marker));
        expect(found).toHaveLength(2);
        return found;
      });
      expect(listed.map((n) => n.body.match(/补充说明 (\d)/)![1])).toEqual(['1', '0']);
      expect(listed.map((n) => Date.parse(n.createdAt))).toEqual([start + 1, start]);
    });

    it('keeps a completed engagement’s thread readable but closed to new messages and files', async () => {
      const closing = (await post(cast, cast.team, '结题报告见附件。').expect(201)).body as { id: string };
      const files = `${cast.path}/messages/${closing.id}/attachments`;
      await service.http.post(files).set(cast.team.bearer).attach('file', aPdf(), '结题报告.pdf').expect(201);
      for (const milestoneId of cast.milestoneIds) {
        await service.http
          .post(`${cast.path}/milestones/${milestoneId}/submit`)
          .set(cast.team.bearer)
          .send({ deliverables: [{ name: '阶段报告', reference: 'DOC-2027-0100' }] })
          .expect(200);
        await service.http.post(`${cast.path}/milestones/${milestoneId}/accept`).set(cast.owner.bearer).expect(200);
      }
      const before = await messageCount(cast);
      for (const account of [cast.team, cast.owner, admin]) {
        const refused = await post(cast, account, '项目已结题，补充一句。').expect(409);
        expect(refused.body).toMatchObject({ code: 'THREAD_READ_ONLY', engagementStatus: 'completed' });
      }
      expect(await messageCount(cast)).toBe(before);
      const late = await service.http.post(files).set(cast.team.bearer).attach('file', aPdf(), '补充.pdf').expect(409);
      expect(late.body).toMatchObject({ code: 'THREAD_READ_ONLY', engagementStatus: 'completed' });
      const listed = await service.http.get(files).set(cast.owner.bearer).expect(200);
      expect(listed.body.map((file: { filename: string }) => file.filename)).toEqual(['结题报告.pdf']);
      const thread = await threadOf(cast, cast.owner, '?limit=1');
      expect(thread).toMatchObject({ writable: false, lastSeq: before });
      const last = thread.items[0];
      await service.http
        .post(`${cast.path}/messages/read`)
        .set(cast.owner.bearer)
        .send({ messageId: last.id })
        .expect(200);
      expect(await unreadInList(cast, cast.owner)).toBe(0);
    });
  });
});

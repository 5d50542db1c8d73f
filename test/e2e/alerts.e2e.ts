import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventEnvelope } from '@jiebang/contracts';
import { UsersService } from '@jiebang/identity';
import { DeadlineReminderJob } from '@jiebang/notifications';
import { EventBus, freePort, Transactions } from '@jiebang/platform';
import { SMTPServer } from 'smtp-server';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { approved, publishedBatch } from '../harness/demand-factories';
import { eventually } from '../harness/eventually';
import { type Account, registered, signedIn } from '../harness/factories';
import { startTestService, type TestService } from '../harness/test-app';

interface Mail {
  to: string[];
  subject: string;
  text: string;
  headers: string;
}

interface Inbox {
  items: Array<{ id: string; kind: string; title: string; body: string; link: string | null }>;
}

const DAY = 24 * 3600 * 1000;

/** The decoded subject, headers and plain-text body of one message as nodemailer writes it. */
function parseMail(raw: string, to: string[]): Mail {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const headers = head.replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'im').exec(headers)?.[1] ?? '';
  const subject = header('Subject').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, encoding: string, data: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1'), 'binary').toString('utf8'),
  );
  const body = rest.join('\r\n\r\n');
  const text = /base64/i.test(header('Content-Transfer-Encoding'))
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : decodeURIComponent(
        body
          .replace(/=\r\n/g, '')
          .replace(/%/g, '%25')
          .replace(/=([0-9A-F]{2})/gi, '%$1'),
      );
  return { to, subject, text, headers };
}

describe('subscriptions and alerts: saved searches, followed needs, reminders, unsubscribe', () => {
  let service: TestService;
  let smtp: SMTPServer;
  const mails: Mail[] = [];
  let admin: Account;
  let owner: Account;
  let team: Account;
  let stranger: Account;
  let query: <T>(sql: string, params?: unknown[]) => Promise<T[]>;
  const deadline = new Date(Date.now() + 30 * DAY);
  let matching: string;
  let unrelated: string;

  const inboxOf = async (account: Account): Promise<Inbox> =>
    (await service.http.get('/api/v1/notifications').set(account.bearer).expect(200)).body as Inbox;
  const mailsTo = (account: Account) => mails.filter((mail) => mail.to.includes(account.email));

  beforeAll(async () => {
    const port = await freePort();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          mails.push(parseMail(Buffer.concat(chunks).toString('utf8'), to));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
    service = await startTestService(marketplace, {
      config: {
        mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: '揭榜挂帅平台 <noreply@jiebang.test>' },
        notifications: { clockCron: null, digestDelaySeconds: 1, publicUrl: 'https://jiebang.example.cn' },
      },
    });
    await service.app.get(UsersService).ensureAdmin('office@example.cn', 'office-password-1');
    admin = await signedIn(service.http, 'office@example.cn', 'office-password-1');
    owner = await registered(service.http, { role: 'enterprise' });
    team = await registered(service.http, { role: 'team' });
    stranger = await registered(service.http, { role: 'team' });
    const manager = service.app.get(Transactions).manager;
    query = <T>(sql: string, params: unknown[] = []) => manager.query<T[]>(sql, params);
  });

  afterAll(async () => {
    await service.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  describe('the subscriptions API', () => {
    it('validates what is saved, field by field, as problem+json', async () => {
      const bad = await service.http
        .post('/api/v1/subscriptions')
        .set(team.bearer)
        .send({ kind: 'search', name: '', industries: ['mining'] })
        .expect(400)
        .expect('content-type', /application\/problem\+json/);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['industries', 'name']);
      const empty = await service.http
        .post('/api/v1/subscriptions')
        .set(team.bearer)
        .send({ kind: 'search', name: '什么都要' })
        .expect(422);
      expect(empty.body.code).toBe('SUBSCRIPTION_SEARCH_EMPTY');
      await service.http.post('/api/v1/subscriptions').set(team.bearer).send({ kind: 'need' }).expect(400);
      const unknown = await service.http
        .post('/api/v1/subscriptions')
        .set(team.bearer)
        .send({ kind: 'need', demandId: '00000000-0000-4000-8000-000000000000' })
        .expect(404);
      expect(unknown.body.code).toBe('SUBSCRIPTION_NEED_NOT_FOUND');
      const profile = await service.http
        .post('/api/v1/subscriptions')
        .set(owner.bearer)
        .send({ kind: 'profile' })
        .expect(403);
      expect(profile.body.code).toBe('SUBSCRIPTION_FORBIDDEN');
      await service.http.get('/api/v1/subscriptions').expect(401);
      await service.http.post('/api/v1/subscriptions').send({ kind: 'profile' }).expect(401);
    });

    it('never shows or deletes one user’s subscriptions to another', async () => {
      const saved = await service.http
        .post('/api/v1/subscriptions')
        .set(stranger.bearer)
        .send({ kind: 'search', name: '激光', query: '激光' })
        .expect(201);
      const id = (saved.body as { id: string }).id;
      expect((await service.http.get('/api/v1/subscriptions').set(team.bearer).expect(200)).body.items).toEqual([]);
      const refused = await service.http.delete(`/api/v1/subscriptions/${id}`).set(team.bearer).expect(404);
      expect(refused.body.code).toBe('SUBSCRIPTION_NOT_FOUND');
      await service.http.delete(`/api/v1/subscriptions/${id}`).expect(401);
      expect((await service.http.get('/api/v1/subscriptions').set(stranger.bearer).expect(200)).body.items).toEqual([
        expect.objectContaining({ id, kind: 'search', name: '激光', query: '激光' }),
      ]);
      await service.http.delete(`/api/v1/subscriptions/${id}`).set(stranger.bearer).expect(204);
      await service.http.delete(`/api/v1/subscriptions/${id}`).set(stranger.bearer).expect(404);
    });
  });

  describe('a team’s saved search meets a publication', () => {
    beforeAll(async () => {
      await service.http
        .post('/api/v1/subscriptions')
        .set(team.bearer)
        .send({ kind: 'search', name: '钐钴磁体', query: '钐钴 永磁', industries: ['advanced_materials'] })
        .expect(201);
      await service.http
        .post('/api/v1/subscriptions')
        .set(team.bearer)
        .send({ kind: 'search', name: '钐钴磁体', query: '钐钴' })
        .expect(409);
      const wanted = await approved(service.http, owner, admin, {
        title: '高温钐钴永磁体制备技术攻关',
        keywords: ['钐钴', '稀土永磁'],
        bidDeadline: deadline.toISOString(),
      });
      const other = await approved(service.http, owner, admin, { title: '高强铝合金压铸工艺优化' });
      await publishedBatch(service.http, admin, [wanted.id, other.id]);
      matching = wanted.id;
      unrelated = other.id;
    });

    it('puts the matching need, and only it, in the team’s inbox', async () => {
      const inbox = await eventually(async () => {
        const current = await inboxOf(team);
        expect(current.items.filter((n) => n.kind === 'need_matched')).toHaveLength(1);
        return current;
      });
      expect(inbox.items[0]).toMatchObject({
        title: '新发布的需求符合您的订阅',
        link: `/demands/${matching}`,
        // What the app needs to say it in the reader's language: the need, the deadline, why it matched.
        params: {
          need: '高温钐钴永磁体制备技术攻关',
          code: expect.any(String),
          deadline: deadline.toISOString(),
          searches: '钐钴磁体',
        },
      });
      expect(inbox.items[0].body).toContain('《高温钐钴永磁体制备技术攻关》');
      expect(inbox.items[0].body).toContain('“钐钴磁体”');
      expect(inbox.items.some((n) => n.link === `/demands/${unrelated}`)).toBe(false);
      expect((await inboxOf(stranger)).items.filter((n) => n.kind === 'need_matched')).toEqual([]);
    });

    it('emails one digest of the publication through SMTP, with a one-click unsubscribe', async () => {
      const [digest] = await eventually(
        () => {
          const sent = mailsTo(team);
          expect(sent).toHaveLength(1);
          return sent;
        },
        { timeoutMs: 20_000 },
      );
      expect(digest.subject).toBe('【揭榜挂帅】1 项新发布的需求符合您的订阅');
      expect(digest.text).toContain('《高温钐钴永磁体制备技术攻关》');
      expect(digest.text).toContain(`https://jiebang.example.cn/demands/${matching}`);
      expect(digest.text).not.toContain('高强铝合金');
      expect(digest.text).toMatch(/一键退订：https:\/\/jiebang\.example\.cn\/unsubscribe\?token=\S+/);
      expect(digest.headers).toMatch(
        /List-Unsubscribe: <https:\/\/jiebang\.example\.cn\/api\/v1\/notifications\/unsubscribe\?token=\S+>/i,
      );
      expect(digest.headers).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/i);
    });

    it('changes nothing when the publication event is delivered again', async () => {
      const [{ event }] = await query<{ event: EventEnvelope }>(
        `SELECT event FROM platform.event_log WHERE type = 'demand.published' AND event->>'aggregateId' = $1`,
        [matching],
      );
      const bus = service.app.get(EventBus);
      await service.app.get(Transactions).run((manager) => bus.publish(manager, event));
      await service.drainEvents();
      // Two mailer rounds later, still one digest.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect((await inboxOf(team)).items.filter((n) => n.kind === 'need_matched')).toHaveLength(1);
      expect(mailsTo(team)).toHaveLength(1);
    });
  });

  describe('a followed need', () => {
    beforeAll(async () => {
      await service.http
        .post('/api/v1/subscriptions')
        .set(team.bearer)
        .send({ kind: 'need', demandId: matching })
        .expect(201);
      await service.http
        .post('/api/v1/subscriptions')
        .set(team.bearer)
        .send({ kind: 'need', demandId: matching })
        .expect(409);
    });

    it('lists it with its title and deadline', async () => {
      const { items } = (await service.http.get('/api/v1/subscriptions').set(team.bearer).expect(200)).body as {
        items: Array<{ kind: string; demandTitle: string | null; bidDeadline: string | null }>;
      };
      expect(items.find((s) => s.kind === 'need')).toMatchObject({
        demandTitle: '高温钐钴永磁体制备技术攻关',
        bidDeadline: deadline.toISOString(),
      });
    });

    it('reminds its follower 7 days before the deadline, once, at a controlled clock', async () => {
      const job = service.app.get(DeadlineReminderJob);
      expect(await job.tick(new Date(deadline.getTime() - 8 * DAY))).toBe(0);
      const sevenDaysBefore = new Date(deadline.getTime() - 7 * DAY + 60_000);
      expect(await job.tick(sevenDaysBefore)).toBe(1);
      expect(await job.tick(sevenDaysBefore)).toBe(0);
      expect(await job.tick(new Date(deadline.getTime() - 3 * DAY))).toBe(0);
      const reminders = (await inboxOf(team)).items.filter((n) => n.kind === 'deadline_reminder');
      expect(reminders).toEqual([
        expect.objectContaining({
          title: '关注的需求一周内截止揭榜',
          link: `/demands/${matching}`,
          params: { need: '高温钐钴永磁体制备技术攻关', deadline: deadline.toISOString(), stage: 'd7' },
        }),
      ]);
      expect((await inboxOf(stranger)).items.filter((n) => n.kind === 'deadline_reminder')).toEqual([]);
      const mail = await eventually(
        () => {
          const sent = mailsTo(team).find((m) => m.subject.includes('一周内截止'));
          expect(sent).toBeDefined();
          return sent!;
        },
        { timeoutMs: 20_000 },
      );
      expect(mail.text).toContain('《高温钐钴永磁体制备技术攻关》');
      expect(mail.text).toMatch(/一键退订：https:\/\/jiebang\.example\.cn\/unsubscribe\?token=\S+/);
    });

    it('reminds again one day before, once', async () => {
      const job = service.app.get(DeadlineReminderJob);
      const dayBefore = new Date(deadline.getTime() - DAY + 60_000);
      expect(await job.tick(dayBefore)).toBe(1);
      expect(await job.tick(new Date(deadline.getTime() - 3_600_000))).toBe(0);
      const titles = (await inboxOf(team)).items.filter((n) => n.kind === 'deadline_reminder').map((n) => n.title);
      expect(titles).toEqual(['关注的需求即将截止揭榜', '关注的需求一周内截止揭榜']);
    });

    it('tells its follower when the need is withdrawn', async () => {
      await service.http
        .post(`/api/v1/demands/${matching}/withdraw`)
        .set(owner.bearer)
        .send({ reason: '企业已自主攻克该技术' })
        .expect(200);
      await eventually(async () =>
        expect((await inboxOf(team)).items[0]).toMatchObject({
          kind: 'followed_status',
          body: expect.stringContaining('“已撤回”'),
        }),
      );
    });
  });

  describe('unsubscribing in one click', () => {
    it('turns off the digest emails with the link’s token, signed out, and refuses a forged one', async () => {
      const link = /unsubscribe\?token=(\S+)/.exec(mailsTo(team)[0].text)![1];
      const token = decodeURIComponent(link);
      const forged = await service.http
        .post(
          `/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))}`,
        )
        .expect(400)
        .expect('content-type', /application\/problem\+json/);
      expect(forged.body.code).toBe('UNSUBSCRIBE_TOKEN_INVALID');
      await service.http
        .post(`/api/v1/notifications/unsubscribe?token=${link}`)
        .expect(200, { kind: 'need_matched', email: false });
      await service.http
        .post(`/api/v1/notifications/unsubscribe?token=${link}`)
        .expect(200, { kind: 'need_matched', email: false });
      const preferences = await service.http.get('/api/v1/notifications/preferences').set(team.bearer).expect(200);
      expect(preferences.body.items).toEqual([
        { kind: 'need_matched', inApp: true, email: false },
        { kind: 'deadline_reminder', inApp: true, email: true },
        { kind: 'followed_status', inApp: true, email: true },
        { kind: 'followed_answer', inApp: true, email: true },
      ]);
      await service.http.get('/api/v1/notifications/preferences').expect(401);
    });

    it('then alerts the team in-app only, and per-user preferences turn in-app alerts off too', async () => {
      const digests = () => mailsTo(team).filter((mail) => mail.subject.includes('符合您的订阅')).length;
      const before = digests();
      const next = await approved(service.http, owner, admin, { title: '钐钴永磁体表面防护涂层', keywords: ['钐钴'] });
      await publishedBatch(service.http, admin, [next.id]);
      await eventually(async () =>
        expect((await inboxOf(team)).items.some((n) => n.link === `/demands/${next.id}`)).toBe(true),
      );
      await service.http
        .put('/api/v1/notifications/preferences')
        .set(team.bearer)
        .send({ items: [{ kind: 'need_matched', inApp: false, email: false }] })
        .expect(200);
      const quiet = await approved(service.http, owner, admin, { title: '钐钴磁体低成本制备', keywords: ['钐钴'] });
      await publishedBatch(service.http, admin, [quiet.id]);
      await service.drainEvents();
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect((await inboxOf(team)).items.some((n) => n.link === `/demands/${quiet.id}`)).toBe(false);
      expect(digests()).toBe(before);
      const [{ pending }] = await query<{ pending: string }>(
        `SELECT count(*) AS pending FROM notifications.digest WHERE user_id = $1 AND status <> 'sent'`,
        [team.id],
      );
      expect(Number(pending)).toBe(0);
    });
  });
});

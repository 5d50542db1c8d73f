import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UsersService } from '@jiebang/identity';
import { FILE_STORAGE, FileStore, type FileStorage, Transactions } from '@jiebang/platform';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { aPdf, aPng, anExe, aZip, type AttachmentRef, uploaded } from '../harness/attachment-factories';
import { drafted, publishedBatch } from '../harness/demand-factories';
import { eventually } from '../harness/eventually';
import { type Account, registered, signedIn } from '../harness/factories';
import { anAdvisor, awarded, bidOn } from '../harness/matching-factories';
import { type RunningS3, startS3Server } from '../harness/s3-server';
import { startTestService, type TestService } from '../harness/test-app';

type Http = TestService['http'];

const MAX_BYTES = 256 * 1024;

/** Collects any response body as bytes, whatever its type. */
function binary(response: unknown, done: (error: Error | null, body: Buffer) => void): void {
  const stream = response as IncomingMessage;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

const get = (http: Http, url: string, bearer: Record<string, string> = {}) =>
  http.get(url).set(bearer).buffer(true).parse(binary);

/** Every object file under a filesystem store's root (temporary `.part` files included). */
async function storedFiles(root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** A need drafted by `owner`, submitted, approved, published and known to matching. */
async function publish(http: Http, owner: Account, admin: Account, demandId: string): Promise<void> {
  await http.post(`/api/v1/demands/${demandId}/submit`).set(owner.bearer).expect(200);
  await http.post(`/api/v1/demands/${demandId}/approve`).set(admin.bearer).expect(200);
  await publishedBatch(http, admin, [demandId]);
  await eventually(() => http.get(`/api/v1/demands/${demandId}/bids/count`).expect(200));
}

describe('attachments on the filesystem: limits, editing rules, drafts and the sweeper', () => {
  let service: TestService;
  let dataDir: string;
  let owner: Account;
  let admin: Account;
  let other: Account;
  let query: <T>(sql: string, params?: unknown[]) => Promise<T[]>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'jiebang-files-'));
    service = await startTestService(marketplace, {
      config: { dataDir, storage: { s3: null, maxBytes: MAX_BYTES, linkTtlSeconds: 300, sweepCron: null } },
    });
    await service.app.get(UsersService).ensureAdmin('office@example.cn', 'office-password-1');
    admin = await signedIn(service.http, 'office@example.cn', 'office-password-1');
    owner = await registered(service.http, { role: 'enterprise' });
    other = await registered(service.http, { role: 'enterprise' });
    const manager = service.app.get(Transactions).manager;
    query = <T>(sql: string, params: unknown[] = []) => manager.query<T[]>(sql, params);
  });

  afterAll(async () => {
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const files = () => storedFiles(path.join(dataDir, 'files'));
  const pending = () => query<{ key: string }>('SELECT key FROM platform.storage_pending');

  it('tells the type from the bytes and refuses the rest, and anything too large, without writing a byte', async () => {
    const need = await drafted(service.http, owner);
    const route = `/api/v1/demands/${need.id}/attachments`;
    const before = await files();

    const exe = await service.http
      .post(route)
      .set(owner.bearer)
      .field('part', 'public')
      .attach('file', anExe(), { filename: '技术方案.pdf', contentType: 'application/pdf' })
      .expect(415)
      .expect('content-type', /application\/problem\+json/);
    expect(exe.body).toMatchObject({
      code: 'ATTACHMENT_TYPE_NOT_ALLOWED',
      detectedType: 'application/x-msdownload',
      errors: [{ field: 'file' }],
    });
    const text = await service.http
      .post(route)
      .set(owner.bearer)
      .field('part', 'public')
      .attach('file', Buffer.from('只是一段文字'), 'notes.docx')
      .expect(415);
    expect(text.body).toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED', detectedType: null });

    const oversized = Buffer.concat([aPdf(), Buffer.alloc(MAX_BYTES)]);
    const large = await service.http
      .post(route)
      .set(owner.bearer)
      .field('part', 'public')
      .attach('file', oversized, 'big.pdf')
      .expect(413);
    expect(large.body).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', maxBytes: MAX_BYTES });

    const missing = await service.http.post(route).set(owner.bearer).field('part', 'public').expect(400);
    expect(missing.body).toMatchObject({ code: 'ATTACHMENT_MISSING' });
    const badPart = await service.http
      .post(route)
      .set(owner.bearer)
      .field('part', 'secret')
      .attach('file', aPdf(), 'a.pdf')
      .expect(400);
    expect(badPart.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'part' }] });

    expect(await query('SELECT id FROM demand.attachment WHERE demand_id = $1', [need.id])).toEqual([]);
    expect(await files()).toEqual(before);
    expect(await pending()).toEqual([]);

    // An allowed type under a wrong name is kept, named for what it is; names keep their Chinese.
    const png = await uploaded(service.http, route, owner.bearer, aPng(), '扫描件.pdf', { part: 'public' });
    expect(png).toMatchObject({ filename: '扫描件.pdf.png', contentType: 'image/png', size: aPng().length });
    const zip = await uploaded(service.http, route, owner.bearer, aZip(), '样品数据.zip', { part: 'confidential' });
    expect(zip).toMatchObject({ filename: '样品数据.zip', contentType: 'application/zip' });
    const download = await get(service.http, `${route}/${png.id}/download`, owner.bearer).expect(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('扫描件.pdf.png')}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.body).toEqual(aPng());
    expect(await files()).toHaveLength(before.length + 2);
    expect(await pending()).toEqual([]);
  });

  it('lets only the owner or its advisor change a need’s files, and only while it is drafted', async () => {
    const need = await drafted(service.http, owner);
    const route = `/api/v1/demands/${need.id}/attachments`;
    const advisor = await anAdvisor(service.http, admin, [owner.organisationId!]);
    const mine = await uploaded(service.http, route, owner.bearer, aPdf(), '需求说明.pdf', { part: 'public' });
    await eventually(() =>
      uploaded(service.http, route, advisor.bearer, aPdf(), '顾问补充.pdf', { part: 'confidential' }),
    );

    const stranger = await service.http
      .post(route)
      .set(other.bearer)
      .field('part', 'public')
      .attach('file', aPdf(), 'x.pdf')
      .expect(404);
    expect(stranger.body.code).toBe('DEMAND_NOT_FOUND');
    await service.http.delete(`${route}/${mine.id}`).set(other.bearer).expect(404);
    const team = await registered(service.http, { role: 'team' });
    await service.http.post(route).set(team.bearer).field('part', 'public').attach('file', aPdf(), 'x.pdf').expect(403);

    await service.http.post(`/api/v1/demands/${need.id}/submit`).set(owner.bearer).expect(200);
    const late = await service.http
      .post(route)
      .set(owner.bearer)
      .field('part', 'public')
      .attach('file', aPdf(), 'late.pdf')
      .expect(409);
    expect(late.body).toMatchObject({ code: 'DEMAND_NOT_EDITABLE', currentStatus: 'submitted' });
    await service.http.delete(`${route}/${mine.id}`).set(owner.bearer).expect(409);
    const deleted = await service.http.delete(`/api/v1/demands/${need.id}`).set(owner.bearer).expect(409);
    expect(deleted.body.code).toBe('DEMAND_NOT_DELETABLE');
    expect((await service.http.get(route).set(owner.bearer).expect(200)).body).toHaveLength(2);
  });

  it('deletes a draft with its files: the rows in one transaction, then the stored objects', async () => {
    const need = await drafted(service.http, owner);
    const route = `/api/v1/demands/${need.id}/attachments`;
    await uploaded(service.http, route, owner.bearer, aPdf(), '公开.pdf', { part: 'public' });
    const removed = await uploaded(service.http, route, owner.bearer, aPdf(), '删掉.pdf', { part: 'public' });
    await uploaded(service.http, route, owner.bearer, aPdf(), '机密.pdf', { part: 'confidential' });
    const keysOf = async () =>
      (
        await query<{ storage_key: string }>('SELECT storage_key FROM demand.attachment WHERE demand_id = $1', [
          need.id,
        ])
      ).map((row) => row.storage_key);
    const pathOf = (key: string) => {
      const [owner_, id] = key.split('/');
      return path.join(dataDir, 'files', owner_, id.slice(0, 2), id);
    };
    const [removedKey] = (
      await query<{ storage_key: string }>('SELECT storage_key FROM demand.attachment WHERE id = $1', [removed.id])
    ).map((row) => row.storage_key);
    expect(existsSync(pathOf(removedKey))).toBe(true);
    await service.http.delete(`${route}/${removed.id}`).set(owner.bearer).expect(204);
    expect(existsSync(pathOf(removedKey))).toBe(false);
    await get(service.http, `${route}/${removed.id}/download`, owner.bearer).expect(404);

    const keys = await keysOf();
    expect(keys).toHaveLength(2);
    expect(keys.every((key) => existsSync(pathOf(key)))).toBe(true);
    await service.http.delete(`/api/v1/demands/${need.id}`).set(other.bearer).expect(404);
    await service.http.delete(`/api/v1/demands/${need.id}`).set(owner.bearer).expect(204);
    await service.http.get(`/api/v1/demands/${need.id}`).set(owner.bearer).expect(404);
    expect(await keysOf()).toEqual([]);
    expect(keys.some((key) => existsSync(pathOf(key)))).toBe(false);
    expect(await pending()).toEqual([]);
  });

  it('sweeps what a crash left behind: an upload that never committed, a deletion whose objects outlived it', async () => {
    const storage = service.app.get<FileStorage>(FILE_STORAGE);
    const store = service.app.get(FileStore);
    // A process died after storing these bytes and before its row committed: pending, due in an hour.
    const uncommitted = `demand/${randomUUID()}`;
    await storage.put(uncommitted, aPdf(), 'application/pdf');
    await query(`INSERT INTO platform.storage_pending VALUES ($1, 'demand', now() + interval '1 hour')`, [uncommitted]);
    // Another died after deleting its rows and before deleting the object: due now.
    const deleted = `demand/${randomUUID()}`;
    await storage.put(deleted, aPdf(), 'application/pdf');
    await query(`INSERT INTO platform.storage_pending VALUES ($1, 'demand', now())`, [deleted]);

    expect(await store.sweep('matching')).toBe(0);
    expect(await store.sweep('demand')).toBe(1);
    await expect(storage.open(deleted)).rejects.toThrow();
    await expect(storage.open(uncommitted)).resolves.toBeDefined();

    await query(`UPDATE platform.storage_pending SET due_at = now() WHERE key = $1`, [uncommitted]);
    expect(await store.sweep('demand')).toBe(1);
    await expect(storage.open(uncommitted)).rejects.toThrow();
    expect(await pending()).toEqual([]);
  });
});

type Role =
  | 'anonymous'
  | 'otherTeam'
  | 'biddingTeam'
  | 'owner'
  | 'otherEnterprise'
  | 'ownerAdvisor'
  | 'otherAdvisor'
  | 'reviewer'
  | 'admin';

const ROLES: Role[] = [
  'anonymous',
  'otherTeam',
  'biddingTeam',
  'owner',
  'otherEnterprise',
  'ownerAdvisor',
  'otherAdvisor',
  'reviewer',
  'admin',
];

interface Case {
  parent: string;
  /** The list route; files live under `<list>/<id>`. */
  route: string;
  file: AttachmentRef;
  bytes: Buffer;
  readers: Role[];
}

describe('attachment authorisation: every role × every parent × list, link and download', () => {
  let service: TestService;
  let dataDir: string;
  const accounts = {} as Record<Exclude<Role, 'anonymous'>, Account>;
  const cases: Case[] = [];
  const bearer = (role: Role) => (role === 'anonymous' ? {} : accounts[role].bearer);

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'jiebang-files-'));
    service = await startTestService(marketplace, { config: { dataDir } });
    const { http } = service;
    await service.app.get(UsersService).ensureAdmin('office@example.cn', 'office-password-1');
    accounts.admin = await signedIn(http, 'office@example.cn', 'office-password-1');
    accounts.owner = await registered(http, { role: 'enterprise' });
    accounts.otherEnterprise = await registered(http, { role: 'enterprise' });
    accounts.reviewer = await registered(http, { role: 'enterprise' });
    accounts.biddingTeam = await registered(http, { role: 'team' });
    accounts.otherTeam = await registered(http, { role: 'team' });
    accounts.ownerAdvisor = await anAdvisor(http, accounts.admin, [accounts.owner.organisationId!]);
    accounts.otherAdvisor = await anAdvisor(http, accounts.admin, [accounts.otherEnterprise.organisationId!]);
    const { owner, admin, biddingTeam, otherTeam, ownerAdvisor } = accounts;
    const unique = () => randomBytes(3).toString('hex');
    const add = async (parent: string, route: string, who: Account, readers: Role[], fields = {}) => {
      const bytes = aPdf();
      const file = await uploaded(http, route, who.bearer, bytes, `${parent}-${unique()}.pdf`, fields);
      cases.push({ parent, route, file, bytes, readers });
    };

    // A need with a public and a confidential file, published; another still a draft.
    const need = await drafted(http, owner);
    const needFiles = `/api/v1/demands/${need.id}/attachments`;
    await add('need (public part)', needFiles, owner, ROLES, { part: 'public' });
    await add('need (confidential part)', needFiles, owner, ['owner', 'ownerAdvisor', 'biddingTeam', 'admin'], {
      part: 'confidential',
    });
    await publish(http, owner, admin, need.id);
    const draft = await drafted(http, owner);
    await add('draft need', `/api/v1/demands/${draft.id}/attachments`, owner, ['owner', 'ownerAdvisor', 'admin'], {
      part: 'public',
    });

    await http
      .post(`/api/v1/demands/${need.id}/evaluations/reviewers`)
      .set(owner.bearer)
      .send({ userId: accounts.reviewer.id })
      .expect((response) => expect([200, 201]).toContain(response.status));
    const bid = await bidOn(http, biddingTeam, need.id, { submit: false });
    const bidFiles = `/api/v1/bids/${bid.id}/attachments`;
    // The need's side never sees a draft bid, nor its files.
    await uploaded(http, bidFiles, biddingTeam.bearer, aPdf(), '草稿方案.pdf', { kind: 'proposal' });
    await http.get(bidFiles).set(owner.bearer).expect(404);
    await http.post(`/api/v1/bids/${bid.id}/submit`).set(biddingTeam.bearer).expect(200);
    await add('bid', bidFiles, biddingTeam, ['biddingTeam', 'owner', 'ownerAdvisor', 'reviewer', 'admin'], {
      kind: 'cv',
    });
    const rival = await bidOn(http, otherTeam, need.id);
    const refused = await http
      .post(bidFiles)
      .set(otherTeam.bearer)
      .field('kind', 'cv')
      .attach('file', aPdf(), 'x.pdf')
      .expect(404);
    expect(refused.body.code).toBe('BID_NOT_FOUND');

    const { engagementIds } = await awarded(http, owner, need.id, [bid.id], [rival.id]);
    const late = await http
      .post(bidFiles)
      .set(biddingTeam.bearer)
      .field('kind', 'cv')
      .attach('file', aPdf(), 'late.pdf')
      .expect(409);
    expect(late.body.code).toBe('BID_NOT_EDITABLE');
    const engagement = (await http.get(`/api/v1/engagements/${engagementIds[0]}`).set(biddingTeam.bearer).expect(200))
      .body as { milestones: Array<{ id: string }> };
    const milestoneFiles = `/api/v1/engagements/${engagementIds[0]}/milestones/${engagement.milestones[0].id}/attachments`;
    await http.post(milestoneFiles).set(owner.bearer).attach('file', aPdf(), 'x.pdf').expect(403);
    await add('milestone', milestoneFiles, biddingTeam, ['biddingTeam', 'owner', 'ownerAdvisor', 'admin']);
    await http
      .post(`/api/v1/engagements/${engagementIds[0]}/milestones/${engagement.milestones[0].id}/submit`)
      .set(biddingTeam.bearer)
      .send({ deliverables: [{ name: '工艺方案设计报告', reference: '见附件' }] })
      .expect(200);
    const submitted = await http
      .post(milestoneFiles)
      .set(biddingTeam.bearer)
      .attach('file', aPdf(), 'after.pdf')
      .expect(409);
    expect(submitted.body.code).toBe('MILESTONE_ILLEGAL_TRANSITION');

    // A message's files: its author attaches them, everyone in the thread reads them.
    const message = (
      await http
        .post(`/api/v1/engagements/${engagementIds[0]}/messages`)
        .set(owner.bearer)
        .send({ body: '验收标准的补充说明见附件。' })
        .expect(201)
    ).body as { id: string };
    const messageFiles = `/api/v1/engagements/${engagementIds[0]}/messages/${message.id}/attachments`;
    await add('message', messageFiles, owner, ['owner', 'ownerAdvisor', 'biddingTeam', 'admin']);
    const notAuthor = await http.post(messageFiles).set(biddingTeam.bearer).attach('file', aPdf(), 'x.pdf').expect(403);
    expect(notAuthor.body.code).toBe('MESSAGE_FORBIDDEN');
    await http.post(messageFiles).set(otherTeam.bearer).attach('file', aPdf(), 'x.pdf').expect(404);
    const thread = await http
      .get(`/api/v1/engagements/${engagementIds[0]}/messages`)
      .set(biddingTeam.bearer)
      .expect(200);
    expect(thread.body.items.find((item: { id: string }) => item.id === message.id).files).toEqual([
      expect.objectContaining({ filename: cases.at(-1)!.file.filename, parentKind: 'message', kind: 'file' }),
    ]);

    // The advisor's portfolio reaches matching by an event.
    const conversion = await eventually(async () => {
      const response = await http
        .post('/api/v1/conversions')
        .set(ownerAdvisor.bearer)
        .send({
          title: '晶界扩散工艺联合开发',
          kind: 'joint_development',
          contractValue: 120,
          signedOn: new Date().toISOString().slice(0, 10),
          demandId: need.id,
          parties: '甲方；乙方',
          evidenceRef: '技术合同登记号 5107032026000001',
        });
      if (response.status !== 201) throw new Error(`conversion refused: ${response.status}`);
      return response.body as { id: string };
    });
    const conversionFiles = `/api/v1/conversions/${conversion.id}/attachments`;
    await add('conversion', conversionFiles, ownerAdvisor, ['ownerAdvisor', 'admin']);
    await http.post(conversionFiles).set(accounts.otherAdvisor.bearer).attach('file', aPdf(), 'x.pdf').expect(404);

    // What arrives by events: the winners in demand, the advisors' portfolio in matching.
    await eventually(() => http.get(`/api/v1/bids/${bid.id}`).set(ownerAdvisor.bearer).expect(200));
    await eventually(async () => {
      const view = await http.get(`/api/v1/demands/${need.id}`).set(biddingTeam.bearer).expect(200);
      expect(view.body.confidentialDetails).toEqual(expect.any(String));
    });
  });

  afterAll(async () => {
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lets each reader list, link and download, and leaks nothing to anyone else', async () => {
    const { http } = service;
    const outcomes: string[] = [];
    let leaks = 0;
    for (const { parent, route, file, bytes, readers } of cases) {
      for (const role of ROLES) {
        const allowed = readers.includes(role);
        const list = await http.get(route).set(bearer(role));
        const listed = list.status === 200 && (list.body as Array<{ id: string }>).some((f) => f.id === file.id);
        const listLeak = JSON.stringify(list.body).includes(file.filename);
        const link = await http.get(`${route}/${file.id}/link`).set(bearer(role));
        const download = await get(http, `${route}/${file.id}/download`, bearer(role));
        const got = download.status === 200 && Buffer.from(download.body as Buffer).equals(bytes);
        if (allowed) {
          const viaLink = link.status === 200 ? await get(http, (link.body as { url: string }).url) : null;
          const linked = viaLink?.status === 200 && Buffer.from(viaLink.body as Buffer).equals(bytes);
          if (!listed || !got || !linked)
            outcomes.push(`${parent} × ${role}: refused (${list.status}/${link.status}/${download.status})`);
        } else {
          const leaked =
            listed ||
            listLeak ||
            link.status < 400 ||
            download.status < 400 ||
            Buffer.from(download.body as Buffer).includes(bytes);
          if (leaked) {
            leaks += 1;
            outcomes.push(`${parent} × ${role}: LEAK (${list.status}/${link.status}/${download.status})`);
          }
          if (![401, 403, 404].includes(download.status)) outcomes.push(`${parent} × ${role}: ${download.status}`);
        }
      }
    }
    expect(outcomes).toEqual([]);
    expect(leaks).toBe(0);
    expect(cases.map((c) => c.parent)).toEqual([
      'need (public part)',
      'need (confidential part)',
      'draft need',
      'bid',
      'milestone',
      'message',
      'conversion',
    ]);
  });

  it('honours a download link only for its own file, and never a forged one', async () => {
    const { http } = service;
    const bidCase = cases.find((c) => c.parent === 'bid')!;
    const link = (await http.get(`${bidCase.route}/${bidCase.file.id}/link`).set(accounts.owner.bearer).expect(200))
      .body as { url: string; expiresAt: string };
    expect(new Date(link.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect((await get(http, link.url).expect(200)).body).toEqual(bidCase.bytes);
    const token = new URL(link.url, 'http://x').searchParams.get('token')!;
    const forged = `${Number(token.split('.')[0]) + 3600}.${token.split('.')[1]}`;
    await get(http, `${bidCase.route}/${bidCase.file.id}/download?token=${forged}`).expect(401);
    // The token of one file opens no other, even on the same parent.
    const confidential = cases.find((c) => c.parent === 'need (confidential part)')!;
    await get(http, `${confidential.route}/${confidential.file.id}/download?token=${token}`).expect(404);
  });
});

describe('attachments on S3 (a real S3-compatible server over HTTP)', () => {
  let s3: RunningS3;
  let service: TestService;
  let owner: Account;

  beforeAll(async () => {
    s3 = await startS3Server();
    service = await startTestService(marketplace, {
      config: { storage: { s3: s3.settings, maxBytes: MAX_BYTES, linkTtlSeconds: 120, sweepCron: null } },
    });
    owner = await registered(service.http, { role: 'enterprise' });
  });

  afterAll(async () => {
    await service?.close();
    await s3?.stop();
  });

  it('stores uploads in the bucket, downloads through presigned URLs, deletes with the draft', async () => {
    const need = await drafted(service.http, owner);
    const route = `/api/v1/demands/${need.id}/attachments`;
    const bytes = aPdf();
    const file = await uploaded(service.http, route, owner.bearer, bytes, '可行性报告.pdf', { part: 'confidential' });
    const keys = await s3.keys();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^demand\/[0-9a-f-]{36}$/);

    const redirect = await service.http.get(`${route}/${file.id}/download`).set(owner.bearer).redirects(0).expect(302);
    const location = redirect.headers.location;
    expect(location.startsWith(s3.settings.endpoint)).toBe(true);
    expect(location).toContain('X-Amz-Expires=120');
    const fetched = await fetch(location);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(bytes);
    expect(fetched.headers.get('content-type')).toBe('application/pdf');
    expect(fetched.headers.get('content-disposition')).toContain(encodeURIComponent('可行性报告.pdf'));
    const link = (await service.http.get(`${route}/${file.id}/link`).set(owner.bearer).expect(200)).body as {
      url: string;
    };
    expect((await fetch(link.url)).status).toBe(200);

    const other = await registered(service.http, { role: 'enterprise' });
    await service.http.get(`${route}/${file.id}/download`).set(other.bearer).redirects(0).expect(404);
    await service.http.get(`${route}/${file.id}/link`).expect(404);

    await service.http
      .post(route)
      .set(owner.bearer)
      .field('part', 'public')
      .attach('file', anExe(), 'setup.pdf')
      .expect(415);
    await service.http
      .post(route)
      .set(owner.bearer)
      .field('part', 'public')
      .attach('file', Buffer.concat([aPdf(), Buffer.alloc(MAX_BYTES)]), 'big.pdf')
      .expect(413);
    expect(await s3.keys()).toEqual(keys);

    const second = await uploaded(service.http, route, owner.bearer, aPdf(), '附件二.pdf', { part: 'public' });
    expect(await s3.keys()).toHaveLength(2);
    await service.http.delete(`${route}/${second.id}`).set(owner.bearer).expect(204);
    expect(await s3.keys()).toEqual(keys);
    await service.http.delete(`/api/v1/demands/${need.id}`).set(owner.bearer).expect(204);
    expect(await s3.keys()).toEqual([]);
  });

  it('sweeps orphaned objects out of the bucket', async () => {
    const storage = service.app.get<FileStorage>(FILE_STORAGE);
    const orphan = `matching/${randomUUID()}`;
    await storage.put(orphan, aPdf(), 'application/pdf');
    await service.app
      .get(Transactions)
      .manager.query(`INSERT INTO platform.storage_pending VALUES ($1, 'matching', now())`, [orphan]);
    expect(await s3.keys()).toContain(orphan);
    expect(await service.app.get(FileStore).sweep('matching')).toBe(1);
    expect(await s3.keys()).not.toContain(orphan);
  });
});

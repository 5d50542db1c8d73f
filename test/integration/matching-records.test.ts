import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DemandPublicSnapshot, EventType } from '@jiebang/contracts';
import { UsersService } from '@jiebang/identity';
import { EventBus, Transactions } from '@jiebang/platform';
import ExcelJS from 'exceljs';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { drafted } from '../harness/demand-factories';
import { eventually } from '../harness/eventually';
import { type Account, registered, signedIn } from '../harness/factories';
import { anAdvisor, awarded, bidOn, openNeed } from '../harness/matching-factories';
import { aSnapshot } from '../harness/search-factories';
import { startTestService, type TestService } from '../harness/test-app';

/** A team profile; override what the test is about. */
function aProfile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    summary: '团队长期从事稀土永磁材料与晶界扩散工艺研究，拥有中试线一条。',
    researchFields: ['稀土永磁材料', '粉末冶金'],
    keywords: ['钕铁硼', '晶界扩散', '重稀土'],
    members: [{ name: '李志强', title: '教授', expertise: '稀土永磁材料' }],
    ...overrides,
  };
}

interface Funnel {
  stages: Array<{ stage: string; label: string; count: number }>;
  collectedNeeds: number;
  collectedAchievements: number;
  bids: number;
  matchmakings: number;
  winners: number;
  conversions: number;
  convertedNeeds: number;
  contractValue: number;
}

const stagesOf = (funnel: Funnel) => Object.fromEntries(funnel.stages.map((s) => [s.stage, s.count]));

describe('matching: team profiles, advisors’ records and the funnel on a known data set', () => {
  let service: TestService;
  let admin: Account;
  let ownerA: Account;
  let ownerB: Account;
  let advisorX: Account;
  let advisorY: Account;
  let t1: Account;
  let t2: Account;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    service = await startTestService(marketplace);
    const http = service.http;
    await service.app.get(UsersService).ensureAdmin('office@example.cn', 'office-password-1');
    admin = await signedIn(http, 'office@example.cn', 'office-password-1');
    ownerA = await registered(http, { role: 'enterprise' });
    ownerB = await registered(http, { role: 'enterprise' });
    t1 = await registered(http, { role: 'team' });
    t2 = await registered(http, { role: 'team' });
    advisorX = await anAdvisor(http, admin, [ownerA.organisationId!]);
    advisorY = await anAdvisor(http, admin, [ownerB.organisationId!]);

    ids.n1 = (await openNeed(http, ownerA, admin, { industry: 'advanced_materials', district: 'high_tech_zone' })).id;
    ids.n2 = (await openNeed(http, ownerA, admin, { industry: 'electronic_information', district: 'fucheng' })).id;
    ids.n3 = (await openNeed(http, ownerB, admin, { industry: 'advanced_materials', district: 'fucheng' })).id;
    // Collected (submitted) but never published.
    ids.n4 = (await drafted(http, ownerA, { industry: 'advanced_materials' })).id;
    await http.post(`/api/v1/demands/${ids.n4}/submit`).set(ownerA.bearer).expect(200);

    await http.put('/api/v1/teams/me').set(t1.bearer).send(aProfile()).expect(200);
    const withFirst = await http
      .post('/api/v1/teams/me/achievements')
      .set(t1.bearer)
      .send({
        title: '低重稀土高矫顽力烧结钕铁硼制备技术',
        year: 2022,
        trl: 6,
        patents: ['ZL202210123456.7'],
        industry: 'advanced_materials',
      })
      .expect(201);
    ids.a1 = withFirst.body.achievements[0].id;
    await http
      .post('/api/v1/teams/me/achievements')
      .set(t1.bearer)
      .send({ title: '钕铁硼废料短流程再生技术', year: 2021, trl: 5, patents: [], industry: 'advanced_materials' })
      .expect(201);
    await http
      .put('/api/v1/teams/me')
      .set(t2.bearer)
      .send(aProfile({ keywords: ['MEMS', '传感器'] }))
      .expect(200);
    await http
      .post('/api/v1/teams/me/achievements')
      .set(t2.bearer)
      .send({ title: '高可靠MEMS压力传感器封装工艺', year: 2023, trl: 7, patents: [] })
      .expect(201);

    const b1 = await bidOn(http, t1, ids.n1);
    const b2 = await bidOn(http, t2, ids.n1);
    await bidOn(http, t1, ids.n3);
    ids.b1 = b1.id;
    ids.engagement = (await awarded(http, ownerA, ids.n1, [b1.id], [b2.id])).engagementIds[0];

    // Advisors' portfolios arrive through identity's events.
    await eventually(() => http.get(`/api/v1/demands/${ids.n1}/bids`).set(advisorX.bearer).expect(200));
    await eventually(() => http.get(`/api/v1/demands/${ids.n3}/bids`).set(advisorY.bearer).expect(200));
    const matchmaking = (advisor: Account, body: Record<string, unknown>) =>
      http
        .post('/api/v1/matchmakings')
        .set(advisor.bearer)
        .send({ notes: '陪同团队赴企业调研，确认合作方向。', outcome: 'intent', ...body })
        .expect(201);
    await matchmaking(advisorX, {
      demandId: ids.n1,
      teamOrganisationId: t1.organisationId,
      kind: 'visit',
      occurredOn: '2026-11-10',
    });
    await matchmaking(advisorX, {
      demandId: ids.n2,
      teamOrganisationId: t2.organisationId,
      kind: 'meeting',
      occurredOn: '2026-11-25',
    });
    await matchmaking(advisorY, {
      demandId: ids.n3,
      teamOrganisationId: t1.organisationId,
      kind: 'roadshow',
      occurredOn: '2026-11-15',
    });
    await matchmaking(advisorY, { achievementId: ids.a1, kind: 'introduction', occurredOn: '2026-11-26' });
    const conversion = (advisor: Account, body: Record<string, unknown>) =>
      http
        .post('/api/v1/conversions')
        .set(advisor.bearer)
        .send({ parties: '甲方；乙方', evidenceRef: '技术合同登记号 5107032026000001', ...body })
        .expect(201);
    await conversion(advisorX, {
      title: '钕铁硼晶界扩散工艺联合开发',
      kind: 'joint_development',
      contractValue: 300,
      signedOn: '2026-11-27',
      demandId: ids.n1,
      bidId: ids.b1,
      engagementId: ids.engagement,
    });
    await conversion(advisorY, {
      title: '低重稀土钕铁硼技术许可',
      kind: 'licence',
      contractValue: 120.5,
      signedOn: '2026-11-12',
      achievementId: ids.a1,
    });
    // The figures are read once every event has reached matching's projections.
    await service.drainEvents();
  });

  afterAll(() => service.close());

  const funnel = async (account: Account, query = ''): Promise<Funnel> =>
    (await service.http.get(`/api/v1/stats/funnel${query}`).set(account.bearer).expect(200)).body as Funnel;

  describe('the funnel', () => {
    it('counts every stage of the whole programme', async () => {
      const all = await funnel(admin);
      expect(stagesOf(all)).toEqual({ collected: 7, published: 3, bid_on: 2, matched: 3, awarded: 1, converted: 2 });
      expect(all).toMatchObject({
        collectedNeeds: 4,
        collectedAchievements: 3,
        bids: 3,
        matchmakings: 4,
        winners: 1,
        conversions: 2,
        convertedNeeds: 1,
        contractValue: 420.5,
      });
      expect(all.stages.map((s) => s.label)).toEqual([
        '征集（需求与成果）',
        '发布需求',
        '有团队揭榜的需求',
        '完成对接的需求',
        '揭榜挂帅成功的需求',
        '成果转化',
      ]);
    });

    it('filters by industry, district, period and advisor', async () => {
      const materials = await funnel(admin, '?industry=advanced_materials');
      expect(stagesOf(materials)).toEqual({
        collected: 5,
        published: 2,
        bid_on: 2,
        matched: 2,
        awarded: 1,
        converted: 2,
      });
      expect(materials).toMatchObject({ matchmakings: 3, contractValue: 420.5 });

      const fucheng = await funnel(admin, '?district=fucheng');
      expect(stagesOf(fucheng)).toEqual({
        collected: 2,
        published: 2,
        bid_on: 1,
        matched: 2,
        awarded: 0,
        converted: 0,
      });

      const early = await funnel(admin, '?from=2026-11-01&to=2026-11-21');
      expect(early).toMatchObject({ collectedNeeds: 0, matchmakings: 2, conversions: 1, contractValue: 120.5 });

      const mine = await funnel(advisorX);
      expect(stagesOf(mine)).toEqual({ collected: 3, published: 2, bid_on: 1, matched: 2, awarded: 1, converted: 1 });
      expect(mine).toMatchObject({ bids: 2, matchmakings: 2, contractValue: 300 });
      expect(await funnel(admin, `?advisorId=${advisorX.id}`)).toEqual({
        ...mine,
        filters: { advisorId: advisorX.id },
      });
    });

    it('breaks the figures down by industry and district', async () => {
      const byIndustry = (await service.http.get('/api/v1/stats/breakdown?by=industry').set(admin.bearer).expect(200))
        .body;
      expect(byIndustry).toContainEqual({
        key: 'advanced_materials',
        label: '先进材料',
        collected: 5,
        published: 2,
        bids: 3,
        matchmakings: 3,
        awarded: 1,
        conversions: 2,
        contractValue: 420.5,
      });
      const byDistrict = (await service.http.get('/api/v1/stats/breakdown?by=district').set(admin.bearer).expect(200))
        .body;
      expect(byDistrict.map((row: { key: string; published: number }) => [row.key, row.published])).toEqual(
        expect.arrayContaining([
          ['fucheng', 2],
          ['high_tech_zone', 1],
        ]),
      );
    });

    it('exports CSV and XLSX with the same figures', async () => {
      const csv = await service.http.get('/api/v1/stats/export?format=csv').set(admin.bearer).expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.text).toContain('发布需求,3');
      expect(csv.text).toContain('合同金额（万元）,420.5');
      const xlsx = await service.http
        .get('/api/v1/stats/export?format=xlsx&industry=advanced_materials')
        .set(admin.bearer)
        .buffer(true)
        .parse((response, callback) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as ArrayBuffer);
      const sheet = workbook.getWorksheet('转化漏斗')!;
      const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
      expect(rows.map((row) => row.slice(1, 3))).toContainEqual(['发布需求', 2]);
      expect(String(rows[0][1])).toContain('先进材料');
    });

    it('keeps the figures to the office and advisors, each advisor to their own', async () => {
      await service.http.get('/api/v1/stats/funnel').set(ownerA.bearer).expect(403);
      await service.http.get('/api/v1/stats/funnel').set(t1.bearer).expect(403);
      await service.http.get('/api/v1/stats/funnel').expect(401);
      await service.http.get(`/api/v1/stats/funnel?advisorId=${advisorY.id}`).set(advisorX.bearer).expect(403);
      const bad = await service.http
        .get('/api/v1/stats/funnel?from=2026-12-01&to=2026-11-01&industry=mining')
        .set(admin.bearer);
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['industry']);
    });
  });

  it('reports its event backlog on readiness, with nothing dead', async () => {
    const ready = await service.http.get('/health/ready').expect(200);
    expect(ready.body.info.matching).toEqual({
      status: 'up',
      events: { listings: { pending: expect.any(Number), dead: 0 } },
    });
    expect(ready.body.info.notifications).toEqual({
      status: 'up',
      events: { pending: expect.any(Number), dead: 0 },
    });
  });

  describe('advisors’ records', () => {
    it('shows advisors their own portfolio and the office everything', async () => {
      const own = (await service.http.get('/api/v1/matchmakings').set(advisorX.bearer).expect(200)).body;
      expect(own.total).toBe(2);
      // Each record names what it points at, so a list needs no lookups of its own.
      const need = (await service.http.get(`/api/v1/demands/${ids.n2}`).expect(200)).body;
      const me = (await service.http.get('/api/v1/auth/me').set(t2.bearer).expect(200)).body;
      expect(own.items[0]).toMatchObject({
        kind: 'meeting',
        kindLabel: '洽谈会',
        outcomeLabel: '达成合作意向',
        advisorId: advisorX.id,
        demandTitle: need.title,
        teamName: me.organisation.name,
        achievementTitle: null,
      });
      const introduction = (await service.http.get('/api/v1/matchmakings').set(advisorY.bearer).expect(200)).body
        .items[0];
      expect(introduction).toMatchObject({
        kind: 'introduction',
        demandTitle: null,
        achievementTitle: '低重稀土高矫顽力烧结钕铁硼制备技术',
      });
      expect((await service.http.get('/api/v1/matchmakings').set(admin.bearer).expect(200)).body.total).toBe(4);
      const ofY = await service.http.get(`/api/v1/conversions?advisorId=${advisorY.id}`).set(admin.bearer).expect(200);
      expect(ofY.body.items).toEqual([
        expect.objectContaining({
          kind: 'licence',
          kindLabel: '许可使用',
          contractValue: 120.5,
          demandId: null,
          demandTitle: null,
          achievementTitle: '低重稀土高矫顽力烧结钕铁硼制备技术',
        }),
      ]);
      await service.http.get(`/api/v1/conversions?advisorId=${advisorY.id}`).set(advisorX.bearer).expect(403);
      await service.http.get('/api/v1/matchmakings').set(ownerA.bearer).expect(403);
      await service.http.post('/api/v1/matchmakings').set(admin.bearer).send({}).expect(403);
    });

    it('exports an advisor’s records of a period as one workbook, named, to that advisor and the office only', async () => {
      const binary = (request: ReturnType<typeof service.http.get>) =>
        request.buffer(true).parse((response, callback) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => callback(null, Buffer.concat(chunks)));
        });
      const file = await binary(
        service.http.get('/api/v1/advisor-records/export?from=2026-11-01&to=2026-11-30').set(advisorX.bearer),
      ).expect(200);
      expect(file.headers['content-type']).toContain('spreadsheetml');
      expect(decodeURIComponent(file.headers['content-disposition'])).toContain(
        '对接与转化记录_2026-11-01_2026-11-30.xlsx',
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.body as ArrayBuffer);
      const rows = (name: string) =>
        (workbook.getWorksheet(name)!.getSheetValues().filter(Boolean) as unknown[][]).map((row) => row.slice(1));
      const need = (await service.http.get(`/api/v1/demands/${ids.n1}`).expect(200)).body;
      const matchmakings = rows('对接记录');
      expect(matchmakings[0]).toEqual(['日期', '需求', '科技成果', '团队', '方式', '结果', '备注']);
      expect(matchmakings).toHaveLength(3);
      expect(matchmakings[2].slice(0, 2)).toEqual(['2026-11-10', need.title]);
      expect(rows('成果转化').slice(1)).toEqual([
        expect.arrayContaining(['2026-11-27', '钕铁硼晶界扩散工艺联合开发', 300, need.title]),
      ]);

      await service.http.get('/api/v1/advisor-records/export').set(t1.bearer).expect(403);
      await service.http
        .get(`/api/v1/advisor-records/export?advisorId=${advisorY.id}`)
        .set(advisorX.bearer)
        .expect(403);
      const csv = await service.http.get('/api/v1/advisor-records/export?format=csv').set(advisorX.bearer).expect(400);
      expect(csv.body.errors).toEqual([expect.objectContaining({ field: 'format' })]);
      const office = await binary(
        service.http.get(`/api/v1/advisor-records/export?advisorId=${advisorY.id}`).set(admin.bearer),
      ).expect(200);
      const ofY = new ExcelJS.Workbook();
      await ofY.xlsx.load(office.body as ArrayBuffer);
      expect(ofY.getWorksheet('对接记录')!.actualRowCount).toBe(3);
    });

    it('refuses records with missing sides or references that do not exist or do not agree', async () => {
      const oneSided = await service.http
        .post('/api/v1/matchmakings')
        .set(advisorX.bearer)
        .send({ demandId: ids.n1, kind: 'visit', occurredOn: '2026-11-20', notes: '走访', outcome: 'follow_up' })
        .expect(400);
      expect(oneSided.body.errors).toEqual([
        { field: 'teamOrganisationId', message: 'name the team or the achievement that was matched' },
      ]);
      const unknown = await service.http
        .post('/api/v1/matchmakings')
        .set(advisorX.bearer)
        .send({
          demandId: '00000000-0000-4000-8000-000000000000',
          teamOrganisationId: t1.organisationId,
          kind: 'visit',
          occurredOn: '2026-11-20',
          notes: '走访',
          outcome: 'follow_up',
        })
        .expect(422);
      expect(unknown.body.errors).toEqual([{ field: 'demandId', message: 'no such need' }]);
      const mismatched = await service.http
        .post('/api/v1/conversions')
        .set(advisorX.bearer)
        .send({
          title: '错配的转化记录',
          kind: 'transfer',
          contractValue: 10,
          signedOn: '2026-11-20',
          demandId: ids.n2,
          bidId: ids.b1,
          parties: '甲；乙',
          evidenceRef: '合同',
        })
        .expect(422);
      expect(mismatched.body.errors).toEqual([{ field: 'bidId', message: 'not a bid on this need' }]);
      const outside = await service.http
        .post('/api/v1/matchmakings')
        .set(advisorY.bearer)
        .send({
          demandId: ids.n1,
          teamOrganisationId: t2.organisationId,
          kind: 'visit',
          occurredOn: '2026-11-20',
          notes: '走访',
          outcome: 'follow_up',
        })
        .expect(403);
      expect(outside.body.errors).toEqual([{ field: 'demandId', message: 'not a need of an enterprise you serve' }]);
      const conversion = {
        title: '无关联的转化记录',
        kind: 'transfer',
        contractValue: 10,
        signedOn: '2026-11-20',
        parties: '甲；乙',
        evidenceRef: '合同',
      };
      const unlinked = await service.http.post('/api/v1/conversions').set(advisorX.bearer).send(conversion).expect(400);
      expect(unlinked.body.errors).toEqual([
        { field: 'demandId', message: 'name the need, bid, engagement or achievement that was converted' },
      ]);
      const farFuture = await service.http
        .post('/api/v1/conversions')
        .set(advisorX.bearer)
        .send({ ...conversion, demandId: ids.n1, signedOn: '2999-01-01' })
        .expect(400);
      expect(farFuture.body.errors).toEqual([
        { field: 'signedOn', message: expect.stringMatching(/^signedOn must not be later than \d{4}-\d{2}-\d{2}$/) },
      ]);
      expect((await funnel(admin)).conversions).toBe(2);
    });

    it('lets the advisor who made a record correct it from the version read, audited, and nobody else', async () => {
      const http = service.http;
      const made = (
        await http
          .post('/api/v1/matchmakings')
          .set(advisorX.bearer)
          .send({
            demandId: ids.n2,
            teamOrganisationId: t1.organisationId,
            kind: 'visit',
            occurredOn: '2026-11-20',
            notes: '初次走访企业。',
            outcome: 'follow_up',
          })
          .expect(201)
      ).body;
      expect(made).toMatchObject({ version: 1, updatedAt: null });
      const corrected = {
        demandId: ids.n2,
        teamOrganisationId: t2.organisationId,
        kind: 'meeting',
        occurredOn: '2026-11-21',
        notes: '组织洽谈，双方确认合作方向。',
        outcome: 'intent',
      };
      const edit = (account: Account, version: number, body: Record<string, unknown> = corrected) =>
        http.put(`/api/v1/matchmakings/${made.id}`).set(account.bearer).set('If-Match', `"${version}"`).send(body);

      const team = (await http.get('/api/v1/auth/me').set(t2.bearer).expect(200)).body.organisation.name;
      const edited = (await edit(advisorX, 1).expect(200)).body;
      expect(edited).toMatchObject({ ...corrected, id: made.id, version: 2, kindLabel: '洽谈会', teamName: team });
      expect(edited.updatedAt).toEqual(expect.any(String));

      // A second tab still on version 1 does not overwrite the correction; no version at all is refused too.
      const stale = await edit(advisorX, 1, { ...corrected, notes: '旧页面上的修改。' }).expect(412);
      expect(stale.body).toMatchObject({ code: 'RECORD_VERSION_MISMATCH', currentVersion: 2 });
      await http.put(`/api/v1/matchmakings/${made.id}`).set(advisorX.bearer).send(corrected).expect(428);
      // The same checks as recording it.
      const oneSided = await edit(advisorX, 2, { ...corrected, teamOrganisationId: undefined }).expect(400);
      expect(oneSided.body.errors).toEqual([
        { field: 'teamOrganisationId', message: 'name the team or the achievement that was matched' },
      ]);
      const outside = await edit(advisorX, 2, { ...corrected, demandId: ids.n3 }).expect(403);
      expect(outside.body.errors).toEqual([{ field: 'demandId', message: 'not a need of an enterprise you serve' }]);
      // Another advisor cannot see it; the office reads it but does not rewrite an advisor's record.
      expect((await edit(advisorY, 2).expect(404)).body.code).toBe('MATCHMAKING_NOT_FOUND');
      await edit(admin, 2).expect(403);
      await edit(ownerA, 2).expect(403);

      const stored = (await http.get(`/api/v1/matchmakings?demandId=${ids.n2}`).set(admin.bearer).expect(200)).body;
      expect(stored.items.find((item: { id: string }) => item.id === made.id)).toMatchObject({
        notes: corrected.notes,
        version: 2,
      });
      const trail = await service.app
        .get(Transactions)
        .manager.query('SELECT action, actor_id, detail FROM matching.audit WHERE subject_id = $1 ORDER BY id', [
          made.id,
        ]);
      expect(trail).toEqual([
        { action: 'record', actor_id: advisorX.id, detail: {} },
        {
          action: 'edit',
          actor_id: advisorX.id,
          detail: {
            teamOrganisationId: [t1.organisationId, t2.organisationId],
            kind: ['visit', 'meeting'],
            occurredOn: ['2026-11-20', '2026-11-21'],
            notes: ['初次走访企业。', corrected.notes],
            outcome: ['follow_up', 'intent'],
          },
        },
      ]);

      // A corrected contract value is what the programme's figures add up; put back for the tests after.
      const deal = (await http.get(`/api/v1/conversions?demandId=${ids.n1}`).set(advisorX.bearer).expect(200)).body
        .items[0];
      const { id, version, ...fields } = deal;
      const body = {
        title: fields.title,
        kind: fields.kind,
        contractValue: 350,
        signedOn: fields.signedOn,
        demandId: fields.demandId,
        bidId: fields.bidId,
        engagementId: fields.engagementId,
        parties: fields.parties,
        evidenceRef: fields.evidenceRef,
      };
      const revalued = (
        await http.put(`/api/v1/conversions/${id}`).set(advisorX.bearer).set('If-Match', `"${version}"`).send(body)
      ).body;
      expect(revalued).toMatchObject({ contractValue: 350, version: version + 1 });
      expect(await funnel(admin)).toMatchObject({ conversions: 2, contractValue: 470.5 });
      await http
        .put(`/api/v1/conversions/${id}`)
        .set(advisorY.bearer)
        .set('If-Match', `"${version + 1}"`)
        .send(body)
        .expect(404);
      await http
        .put(`/api/v1/conversions/${id}`)
        .set(advisorX.bearer)
        .set('If-Match', `"${version + 1}"`)
        .send({ ...body, contractValue: 300 })
        .expect(200);
      expect((await funnel(admin)).contractValue).toBe(420.5);
    });
  });

  describe('team profiles', () => {
    it('publishes profiles to everyone and to search, hides them on request, and guards referenced achievements', async () => {
      const profile = (await service.http.get(`/api/v1/teams/${t1.organisationId}`).expect(200)).body;
      expect(profile).toMatchObject({ keywords: ['钕铁硼', '晶界扩散', '重稀土'], visible: true });
      expect(profile.achievements.map((a: { title: string }) => a.title)).toEqual([
        '低重稀土高矫顽力烧结钕铁硼制备技术',
        '钕铁硼废料短流程再生技术',
      ]);
      await eventually(async () => {
        const suggestions = (await service.http.get(`/api/v1/search/demands/${ids.n1}/teams`).expect(200)).body;
        expect(JSON.stringify(suggestions)).toContain(t1.organisationId!);
      });

      // A profile follows its organisation's name, even one announced after the profile was saved.
      await service.app.get(Transactions).run((manager) =>
        service.app.get(EventBus).publish(
          manager,
          EventBus.envelope('identity.organisation_registered', t1.organisationId!, 99, {
            name: '涪江新材料研究院（更名）',
            kind: 'institute',
          }),
        ),
      );
      await eventually(async () => {
        const suggestions = (await service.http.get(`/api/v1/search/demands/${ids.n1}/teams`).expect(200)).body;
        expect(JSON.stringify(suggestions)).toContain('涪江新材料研究院（更名）');
      });

      const removal = await service.http.delete(`/api/v1/teams/me/achievements/${ids.a1}`).set(t1.bearer).expect(409);
      expect(removal.body.code).toBe('ACHIEVEMENT_IN_USE');
      await service.http.delete(`/api/v1/teams/me/achievements/${ids.a1}`).set(t2.bearer).expect(422);
      await service.http.put('/api/v1/teams/me').set(ownerA.bearer).send(aProfile()).expect(403);
      const invalid = await service.http
        .put('/api/v1/teams/me')
        .set(t2.bearer)
        .send(aProfile({ keywords: [] }))
        .expect(400);
      expect(invalid.body.errors.map((e: { field: string }) => e.field)).toEqual(['keywords']);

      await service.http
        .put('/api/v1/teams/me')
        .set(t2.bearer)
        .send(aProfile({ visible: false }))
        .expect(200);
      await service.http.get(`/api/v1/teams/${t2.organisationId}`).expect(404);
      await service.http.get(`/api/v1/teams/${t2.organisationId}`).set(t1.bearer).expect(404);
      await service.http.get(`/api/v1/teams/${t2.organisationId}`).set(t2.bearer).expect(200);
      const listed = (await service.http.get('/api/v1/teams').expect(200)).body;
      expect(listed.items.map((t: { organisationId: string }) => t.organisationId)).toEqual([t1.organisationId]);
    });
  });

  // Last: the need it projects is outside the known data set the funnel tests count.
  it('keeps a listing’s newest fields and its earliest collection time, whatever order its events arrive in', async () => {
    const emit = (type: EventType, version: number, demand: DemandPublicSnapshot) =>
      service.app
        .get(Transactions)
        .run((manager) =>
          service.app.get(EventBus).publish(manager, EventBus.envelope(type, demand.id, version, { demand })),
        );
    const listing = async (id: string) =>
      (
        await service.app
          .get(Transactions)
          .manager.query<Array<{ title: string; status: string; collected_at: Date; version: number }>>(
            'SELECT title, status, collected_at, version FROM matching.listing WHERE demand_id = $1',
            [id],
          )
      )[0];
    const submitted = aSnapshot({ status: 'submitted', title: '旧标题', updatedAt: '2026-03-01T02:00:00.000Z' });
    const published = {
      ...submitted,
      status: 'published' as const,
      title: '新标题',
      updatedAt: '2026-03-20T02:00:00.000Z',
    };
    // The publication (version 3) overtakes the submission (version 2) ...
    await emit('demand.published', 3, published);
    await eventually(async () => expect((await listing(published.id))?.version).toBe(3));
    await emit('demand.status_changed', 2, submitted);
    // ... which still dates the collection, and changes nothing else.
    await eventually(async () =>
      expect(await listing(published.id)).toEqual({
        title: '新标题',
        status: 'published',
        collected_at: new Date(submitted.updatedAt),
        version: 3,
      }),
    );
    // A late duplicate of the publication changes nothing either.
    await emit('demand.published', 3, { ...published, title: '重复投递', updatedAt: '2026-03-25T02:00:00.000Z' });
    await eventually(async () =>
      expect(await service.app.get(EventBus).backlog('matching', 'demand.published')).toEqual({ pending: 0, dead: 0 }),
    );
    expect(await listing(published.id)).toMatchObject({ title: '新标题', collected_at: new Date(submitted.updatedAt) });
  });
});

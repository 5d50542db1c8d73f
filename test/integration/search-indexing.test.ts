import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DemandPublicSnapshot, EventType } from '@jiebang/contracts';
import { BatchesService, DemandsService } from '@jiebang/demand';
import { AccountSeeder } from '@jiebang/identity';
import { BidsService, ListingsService } from '@jiebang/matching';
import {
  Clock,
  EventBus,
  freePort,
  MEILI_CLIENT,
  type RunningMeili,
  startEmbeddedMeili,
  Transactions,
} from '@jiebang/platform';
import type { Meilisearch } from 'meilisearch';
import { IndexSync, SearchOperations } from '@jiebang/search';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { aBatch, aDemand } from '../harness/demand-factories';
import { eventually } from '../harness/eventually';
import { aProposal } from '../harness/matching-factories';
import { anOffice, approvedNeeds, aSnapshot, type Office, publish } from '../harness/search-factories';
import { startTestService, type TestService } from '../harness/test-app';

interface Hit {
  id: string;
  title: string;
  status: string;
  bidDeadline: string;
  bidCount: number;
  highlight: { title: string };
}

const DAY = 24 * 3600 * 1000;

describe('search: the index follows the needs', () => {
  let service: TestService;
  let office: Office;
  const search = async (query: Record<string, string | number>) =>
    (await service.http.get('/api/v1/search/demands').query(query).expect(200)).body as {
      total: number;
      items: Hit[];
      facets: Record<string, Record<string, number>>;
    };
  const emit = (type: EventType, aggregateId: string, version: number, payload: Record<string, unknown>) =>
    service.app
      .get(Transactions)
      .run((manager) =>
        service.app
          .get(EventBus)
          .publish(manager, { ...EventBus.envelope(type, aggregateId, version, payload as never) }),
      );

  beforeAll(async () => {
    service = await startTestService(marketplace);
    office = await anOffice(service.app);
  });

  afterAll(() => service.close());

  it('makes a published need searchable, reindexes an update and drops a withdrawal', async () => {
    const [id] = await approvedNeeds(service.app, office, 1, () => ({ title: '医用回旋加速器束流引出效率提升攻关' }));
    await publish(service.app, office, [id]);
    await eventually(async () => expect((await search({ q: '回旋加速器' })).items.map((h) => h.id)).toContain(id));

    const demands = service.app.get(DemandsService);
    const current = await demands.get(id, office.admin);
    await demands.update(id, { title: '医用回旋加速器自屏蔽紧凑化设计' }, (current as { version: number }).version, {
      principal: office.admin,
    });
    await eventually(async () => expect((await search({ q: '自屏蔽' })).items.map((h) => h.id)).toContain(id));
    expect((await search({ q: '束流引出' })).items.map((h) => h.id)).not.toContain(id);

    await demands.withdraw(id, '企业已自主解决', { principal: office.admin });
    await eventually(async () => expect((await search({ q: '回旋加速器' })).items.map((h) => h.id)).not.toContain(id));
  });

  it('keeps the newest version when an event is duplicated or arrives late', async () => {
    const snapshot: DemandPublicSnapshot = aSnapshot({ title: '北斗三号短报文通信模块低功耗设计' });
    await emit('demand.published', snapshot.id, 5, {
      demand: { ...snapshot, title: '北斗三号短报文通信模块低功耗设计（第五版）' },
    });
    await emit('demand.updated', snapshot.id, 3, { demand: { ...snapshot, title: '北斗三号短报文通信模块旧版标题' } });
    await emit('demand.published', snapshot.id, 5, {
      demand: { ...snapshot, title: '北斗三号短报文通信模块低功耗设计（第五版）' },
    });
    await eventually(async () =>
      expect((await search({ q: '短报文' })).items.find((h) => h.id === snapshot.id)?.title).toBe(
        '北斗三号短报文通信模块低功耗设计（第五版）',
      ),
    );
    await service.app.get(IndexSync).drain();
    expect((await search({ q: '旧版标题' })).items.map((h) => h.id)).not.toContain(snapshot.id);
    // A withdrawal leaves a tombstone: a late publication of an older version does not resurrect the need.
    await emit('demand.withdrawn', snapshot.id, 6, { demand: { ...snapshot, status: 'withdrawn' } });
    await emit('demand.published', snapshot.id, 4, { demand: snapshot });
    await eventually(async () =>
      expect((await search({ q: '短报文' })).items.map((h) => h.id)).not.toContain(snapshot.id),
    );
    await service.app.get(IndexSync).drain();
    expect((await search({ q: '短报文' })).items.map((h) => h.id)).not.toContain(snapshot.id);
  });

  it('never puts a confidential field in the index', async () => {
    const [id] = await approvedNeeds(service.app, office, 1, () => ({
      confidentialDetails: '机密：良率仅百分之六十二',
      contactPhone: '0816-1112223',
    }));
    await publish(service.app, office, [id]);
    await eventually(async () => expect((await search({ q: '钕铁硼' })).items.map((h) => h.id)).toContain(id));
    const name = `${service.config.search.indexPrefix}demands`;
    const client = service.app.get<Meilisearch>(MEILI_CLIENT);
    const document = JSON.stringify(await client.index(name).getDocument(id));
    expect(document).not.toContain('良率');
    expect(document).not.toContain('0816-1112223');
    expect(document).not.toMatch(/confidential|contact/i);
  });

  it('answers hostile input with 200 or 400, never 500, and never widens the result set', async () => {
    const everything = (await search({})).total;
    const hostile = [
      '"',
      '") OR (',
      '\\',
      '\\"',
      '" OR status = "draft',
      'x'.repeat(10_000),
      '🔬🚀钕铁硼',
      "'; DROP TABLE demand.demand; --",
      '*',
      'status = draft',
    ];
    for (const q of hostile) {
      const response = await service.http.get('/api/v1/search/demands').query({ q });
      expect([200, 400]).toContain(response.status);
      if (response.status === 200) expect(response.body.total).toBeLessThanOrEqual(everything);
    }
    const badFilters: Array<Record<string, string>> = [
      { industry: 'advanced_materials") OR (status = "draft' },
      { batchId: '" OR id EXISTS OR "' },
      { status: 'draft' },
      { bountyMin: '1 OR 1=1' },
      { deadlineFrom: '2026-13-45' },
      { deadlineTo: '2027W01' },
      { sort: 'confidentialDetails:asc' },
      { pageSize: '10000' },
    ];
    for (const filter of badFilters) {
      const response = await service.http.get('/api/v1/search/demands').query(filter).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors[0].field).toBe(Object.keys(filter)[0]);
    }
    // A filter value with quotes is escaped into one string that matches nothing.
    expect((await search({ district: 'fucheng' })).total).toBeLessThanOrEqual(everything);
  });

  it('filters, facets, sorts and highlights with totals', async () => {
    const ids = await approvedNeeds(service.app, office, 3, (i) => ({
      title: `激光清洗装备国产化攻关${i}`,
      industry: i === 0 ? 'laser_technology' : 'equipment_manufacturing',
      bountyMin: 100 * (i + 1),
      bountyMax: 100 * (i + 1) + 50,
    }));
    await publish(service.app, office, ids);
    await eventually(async () => expect((await search({ q: '激光清洗' })).total).toBeGreaterThanOrEqual(3));
    const filtered = await search({ q: '激光清洗', industry: 'laser_technology' });
    expect(filtered.items.map((h) => h.id)).toEqual([ids[0]]);
    const facets = (await search({ q: '激光清洗' })).facets;
    expect(facets.industry).toMatchObject({ laser_technology: 1, equipment_manufacturing: 2 });
    const byBounty = await search({ q: '激光清洗', sort: 'bounty_desc', pageSize: 2 });
    expect(byBounty.items.map((h) => h.id)).toEqual([ids[2], ids[1]]);
    expect(byBounty.total).toBe(3);
    expect(byBounty.items[0].highlight.title).toContain('<mark>');
    expect((await search({ q: '激光清洗', bountyMin: 260 })).items.map((h) => h.id)).toEqual([ids[2]]);
    // An industry's Chinese name, typed as text, finds the needs filed under it.
    expect((await search({ q: '激光清洗 激光技术应用' })).items.map((h) => h.id)[0]).toBe(ids[0]);
  });

  it('finds simplified text from traditional characters', async () => {
    const [id] = await approvedNeeds(service.app, office, 1, () => ({ title: '工业级无人机长航时氢燃料电池动力系统' }));
    await publish(service.app, office, [id]);
    await eventually(async () =>
      expect((await search({ q: '無人機 氫燃料電池' })).items.map((h) => h.id)).toContain(id),
    );
  });

  it('suggests teams for a need and open needs for a team, with the matched terms', async () => {
    const [id] = await approvedNeeds(service.app, office, 1, () => ({
      title: '高温钐钴永磁体磁稳定性提升',
      keywords: ['钐钴', '永磁', '高温稳定性'],
    }));
    await publish(service.app, office, [id]);
    const teamId = randomUUID();
    await emit('matching.team_profile_updated', teamId, 1, {
      organisationId: randomUUID(),
      name: '稀土永磁材料研究团队',
      summary: '长期从事稀土永磁材料研究',
      researchFields: ['稀土永磁材料'],
      keywords: ['钐钴', '高温稳定性'],
      achievements: [{ title: '2:17型钐钴磁体制备技术', year: 2022 }],
      visible: true,
    });
    await eventually(async () => {
      const teams = (await service.http.get(`/api/v1/search/demands/${id}/teams`).expect(200)).body as Array<{
        id: string;
        matchedTerms: string[];
      }>;
      expect(teams[0]).toMatchObject({ id: teamId, matchedTerms: expect.arrayContaining(['钐钴', '高温稳定性']) });
    });
    // The need's own push may land a moment after the team's.
    await eventually(async () => {
      const needs = (await service.http.get(`/api/v1/search/teams/${teamId}/demands`).expect(200)).body as Array<{
        id: string;
        matchedTerms: string[];
      }>;
      expect(needs.find((n) => n.id === id)?.matchedTerms).toContain('钐钴');
    });
    await service.http.get(`/api/v1/search/teams/${randomUUID()}/demands`).expect(404);
  });

  it('sorts by deadline with the nearest upcoming first, closed needs after, the latest closed first', async () => {
    const demands = service.app.get(DemandsService);
    const batches = service.app.get(BatchesService);
    const clock = service.app.get(Clock);
    const now = Date.now();
    // Published 60 days ago with deadlines from 40 days ago to 50 days ahead: two closed, three open.
    const release = new Date(now - 60 * DAY);
    const offsets = [20, -40, 50, -10, 5];
    const ids: string[] = [];
    for (const [i, days] of offsets.entries()) {
      const at = new Date(release.getTime() - (3 - i / 10) * DAY);
      const draft = await clock.replayAt(at, async () => {
        const created = await demands.create(
          aDemand({
            title: `光伏组件截止排序检验需求${i}`,
            bidDeadline: new Date(now + days * DAY).toISOString(),
          }) as never,
          { principal: office.owner },
        );
        await demands.submit(created.id, { principal: office.owner });
        await demands.approve(created.id, { principal: office.admin });
        return created;
      });
      ids.push(draft.id);
    }
    const batch = await clock.replayAt(new Date(release.getTime() - DAY), async () => {
      const created = await batches.create(aBatch({ releaseDate: release.toISOString().slice(0, 10) }) as never, {
        principal: office.admin,
      });
      await batches.addDemands(created.id, ids);
      return created;
    });
    await clock.replayAt(release, () => batches.publish(batch.id, { principal: office.admin }));
    const expected = [ids[4], ids[0], ids[2], ids[3], ids[1]];
    await eventually(async () =>
      expect((await search({ q: '截止排序检验', sort: 'deadline' })).items.map((h) => h.id)).toEqual(expected),
    );
    // Pages run across the two groups without a gap or a repeat.
    const pages = await Promise.all(
      [1, 2, 3].map((page) => search({ q: '截止排序检验', sort: 'deadline', page, pageSize: 2 })),
    );
    expect(pages.flatMap((p) => p.items.map((h) => h.id))).toEqual(expected);
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect((await search({ q: '截止排序检验', sort: 'deadline' })).facets.status).toMatchObject({ published: 5 });
    // Open for bidding only: the three upcoming, nearest first.
    const open = await search({ q: '截止排序检验', sort: 'deadline', status: 'published' });
    expect(open.items.map((h) => h.id)).toEqual(expected.slice(0, 3));
    expect(open.items.every((h) => h.status === 'published')).toBe(true);
    // The deadline range narrows the same results.
    const within = await search({
      q: '截止排序检验',
      sort: 'deadline',
      deadlineFrom: new Date(now + 2 * DAY).toISOString().slice(0, 10),
      deadlineTo: new Date(now + 30 * DAY).toISOString().slice(0, 10),
    });
    expect(within.items.map((h) => h.id)).toEqual([ids[4], ids[0]]);
  });

  it('shows each need’s bid count, following submissions and withdrawals', async () => {
    const [id] = await approvedNeeds(service.app, office, 1, () => ({ title: '钠离子电池层状氧化物正极材料揭榜计数' }));
    await publish(service.app, office, [id]);
    const suffix = randomUUID().slice(0, 8);
    const accounts = await service.app.get(AccountSeeder).ensure(
      [1, 2].map((n) => ({
        email: `team${n}-${suffix}@example.cn`,
        displayName: `团队${n}`,
        role: 'team' as const,
        organisation: { name: `计数测试团队${n}-${suffix}`, kind: 'university' as const },
      })),
      'search-test-password',
    );
    const [first, second] = [1, 2].map((n) => accounts.get(`team${n}-${suffix}@example.cn`)!);
    const bidCount = async () => (await search({ q: '揭榜计数' })).items.find((h) => h.id === id)?.bidCount;
    await eventually(async () => expect(await bidCount()).toBe(0));
    await eventually(async () => expect(await service.app.get(ListingsService).unpublished([id])).toEqual([]));

    const bids = service.app.get(BidsService);
    const submitted = await bids.create(id, aProposal() as never, { principal: first });
    await bids.create(id, { ...aProposal(), submit: false } as never, { principal: second });
    await eventually(async () => expect(await bidCount()).toBe(1));
    await bids.withdraw(submitted.id, { principal: first });
    await eventually(async () => expect(await bidCount()).toBe(0));
    const resubmitted = await bids.create(id, aProposal() as never, { principal: first });
    const draft = (await bids.mine({ page: 1, pageSize: 10 } as never, second)).items[0];
    await bids.submit(draft.id, { principal: second });
    await eventually(async () => expect(await bidCount()).toBe(2));
    // A late duplicate of the first submission changes nothing: that bid stays withdrawn.
    await emit('matching.bid_submitted', submitted.id, 1, {
      bidId: submitted.id,
      demandId: id,
      teamOrganisationId: first.organisationId,
    });
    await bids.withdraw(resubmitted.id, { principal: first });
    await eventually(async () => expect(await bidCount()).toBe(1));
    // A rebuild counts them too.
    await service.app.get(SearchOperations).reindex('demand');
    expect(await bidCount()).toBe(1);
  });

  it('rebuilds into a new index and swaps it in while searches keep answering', async () => {
    const ids = await approvedNeeds(service.app, office, 30, (i) => ({ title: `磷酸铁锂电池低温性能改善研究${i}` }));
    await publish(service.app, office, ids);
    await eventually(async () => expect((await search({ q: '磷酸铁锂' })).total).toBeGreaterThanOrEqual(30));
    let searching = true;
    const totals: number[] = [];
    const searcher = (async () => {
      while (searching) totals.push((await search({ q: '磷酸铁锂' })).total);
    })();
    const report = await service.app.get(SearchOperations).reindex('demand');
    searching = false;
    await searcher;
    expect(report.documents).toBeGreaterThanOrEqual(30);
    expect(totals.length).toBeGreaterThan(0);
    expect(Math.min(...totals)).toBeGreaterThanOrEqual(30);
  });

  it('finds and repairs drift between PostgreSQL and the index, and reports the backlog', async () => {
    const [id] = await approvedNeeds(service.app, office, 1, () => ({ title: '核电用特种冶金高温合金锻件开发' }));
    await publish(service.app, office, [id]);
    await eventually(async () => expect((await search({ q: '高温合金' })).items.map((h) => h.id)).toContain(id));
    const client = service.app.get<Meilisearch>(MEILI_CLIENT);
    await client.index(`${service.config.search.indexPrefix}demands`).deleteDocument(id).waitTask();
    const report = await service.app.get(SearchOperations).checkConsistency('demand');
    expect(report.missing).toBe(1);
    expect(report.repaired).toBe(report.missing + report.stale + report.extra);
    await eventually(async () => expect((await search({ q: '高温合金' })).items.map((h) => h.id)).toContain(id));
    // The sync loop records a push after Meilisearch already answers with it: the backlog drains just after.
    await eventually(async () => {
      const ready = await service.http.get('/health/ready').expect(200);
      expect(ready.body.info.search).toMatchObject({ backlog: { demand: 0, team: 0 }, lastError: null });
    });
  });
});

describe('search: Meilisearch down while needs are published', () => {
  let meili: RunningMeili;
  let meiliDir: string;
  let port: number;
  let service: TestService;

  beforeAll(async () => {
    meiliDir = await mkdtemp(path.join(tmpdir(), 'jiebang-meili-outage-'));
    await chmod(meiliDir, 0o755);
    port = await freePort();
    meili = await startEmbeddedMeili({ dataDir: meiliDir, port, masterKey: 'outage-test-master-key' });
    service = await startTestService(marketplace, { config: { meili: { url: meili.url, apiKey: meili.apiKey } } });
  });

  afterAll(async () => {
    await service.close();
    await meili.stop();
  });

  it('talks to Meilisearch over its own transport, passing on the answer and Meilisearch’s error', async () => {
    const client = service.app.get<Meilisearch>(MEILI_CLIENT);
    await expect(client.health()).resolves.toEqual({ status: 'available' });
    await expect(client.index(`missing-${randomUUID()}`).search('光伏')).rejects.toMatchObject({
      name: 'MeilisearchRequestError',
      cause: { name: 'MeilisearchApiError', response: { status: 404 }, cause: { code: 'index_not_found' } },
    });
  });

  it('indexes all 200 needs once Meilisearch is back, with nothing lost and no manual step', async () => {
    const office = await anOffice(service.app);
    const ids = await approvedNeeds(service.app, office, 200, (i) => ({ title: `停机期间发布的光伏组件检测需求${i}` }));
    await meili.stop();
    // The transport's failure reaches the client's own error, wrapped once.
    await expect(service.app.get<Meilisearch>(MEILI_CLIENT).health()).rejects.toMatchObject({
      name: 'MeilisearchRequestError',
      cause: { code: expect.stringMatching(/^ECONN(REFUSED|RESET)$/) },
    });
    await publish(service.app, office, ids);
    // Events are consumed while Meilisearch is down: the versions wait in PostgreSQL.
    await eventually(async () => {
      // Meilisearch is down, so readiness fails, and says how much waits to be indexed.
      const ready = await service.http.get('/health/ready').expect(503);
      expect(ready.body.checks).toMatchObject({
        meilisearch: { status: 'down' },
        search: { backlog: { demand: 200 } },
      });
    });
    meili = await startEmbeddedMeili({ dataDir: meiliDir, port, masterKey: 'outage-test-master-key' });
    await eventually(
      async () => {
        const response = await service.http
          .get('/api/v1/search/demands')
          .query({ q: '停机期间', pageSize: 1 })
          .expect(200);
        expect(response.body.total).toBe(200);
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
  }, 180_000);
});

import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DemandPublicSnapshot, EventType } from '@jiebang/contracts';
import { DemandsService } from '@jiebang/demand';
import {
  EventBus,
  freePort,
  MEILI_CLIENT,
  type RunningMeili,
  startEmbeddedMeili,
  Transactions,
} from '@jiebang/platform';
import type { Meilisearch } from 'meilisearch';
import { IndexSync, SearchOperations } from '@jiebang/search';
import { marketplace } from '../../apps/marketplace/src/marketplace.service';
import { eventually } from '../harness/eventually';
import { anOffice, approvedNeeds, aSnapshot, type Office, publish } from '../harness/search-factories';
import { startTestService, type TestService } from '../harness/test-app';

interface Hit {
  id: string;
  title: string;
  status: string;
  highlight: { title: string };
}

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

  it('indexes all 200 needs once Meilisearch is back, with nothing lost and no manual step', async () => {
    const office = await anOffice(service.app);
    const ids = await approvedNeeds(service.app, office, 200, (i) => ({ title: `停机期间发布的光伏组件检测需求${i}` }));
    await meili.stop();
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

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BATCHES, buildNeeds, DEMO_ADMIN, DEMO_PASSWORD, DemoSeeder } from '@jiebang/demo';
import { Transactions } from '@jiebang/platform';
import { SuggestionsService } from '@jiebang/search';
import { marketplace } from '../../apps/marketplace/src/marketplace.definition';
import { approved, publishedBatch } from '../harness/demand-factories';
import { eventually } from '../harness/eventually';
import { signedIn } from '../harness/factories';
import { startTestService, type TestService } from '../harness/test-app';
import { NEED_TEAMS, TEAM_NEEDS } from '../relevance/recommendations';

const TOP = 5;
const FLOOR = 0.9;

interface Suggestion {
  id: string;
  name: string;
  rank: number;
  score: number;
  matchedTerms: string[];
  matchedAchievements: string[];
}

/** Recall@5 over judged pairs: found / min(5, judged) per list, summed over lists. */
interface Tally {
  found: number;
  slots: number;
  pairs: number;
  misses: string[];
}

const tally = (): Tally => ({ found: 0, slots: 0, pairs: 0, misses: [] });

function count(into: Tally, label: string, judged: readonly string[], top: readonly string[]): void {
  const slots = Math.min(TOP, judged.length);
  const found = Math.min(slots, judged.filter((name) => top.includes(name)).length);
  into.found += found;
  into.slots += slots;
  into.pairs += judged.length;
  if (found < slots) into.misses.push(`  ${label}: ${found}/${slots} ← ${top.join('、')}`);
}

const recall = (t: Tally) => t.found / t.slots;

describe('recommendations on the demo catalogue', () => {
  let service: TestService | undefined;
  /** Search documents by name (teams) and title (needs). */
  let teams: Map<string, string>;
  let needs: Map<string, { id: string; status: string }>;

  beforeAll(async () => {
    service = await startTestService(marketplace);
    await service.app.get(DemoSeeder).seed();
    const manager = service.app.get(Transactions).manager;
    // Every stored document in Meilisearch: the catalogue's needs and the 40 teams' profiles (at least:
    // the demo may add needs of its own).
    await eventually(
      async () => {
        const [row] = await manager.query<Array<{ needs: number; teams: number; pending: number }>>(
          `SELECT count(*) FILTER (WHERE kind = 'demand')::int AS needs, count(*) FILTER (WHERE kind = 'team')::int AS teams,
                  count(*) FILTER (WHERE indexed_version < version)::int AS pending
             FROM search.document`,
        );
        expect(row.pending).toBe(0);
        expect(row.teams).toBeGreaterThanOrEqual(40);
        expect(row.needs).toBeGreaterThanOrEqual(buildNeeds().length);
      },
      { timeoutMs: 240_000, intervalMs: 1000 },
    );
    const rows = await manager.query<Array<{ kind: string; id: string; name: string; status: string | null }>>(
      `SELECT kind, id, coalesce(body->>'name', body->>'title') AS name, body->>'status' AS status
         FROM search.document WHERE NOT deleted`,
    );
    teams = new Map(rows.filter((r) => r.kind === 'team').map((r) => [r.name, r.id]));
    needs = new Map(rows.filter((r) => r.kind === 'demand').map((r) => [r.name, { id: r.id, status: r.status ?? '' }]));
  }, 480_000);

  afterAll(async () => {
    await service?.close();
  });

  it('judges at least 30 pairs each way, all of the demo catalogue', () => {
    const catalogue = buildNeeds();
    const titles = new Set(catalogue.map((need) => need.title));
    const unknownTeams = [
      ...TEAM_NEEDS.map((entry) => entry.team),
      ...NEED_TEAMS.flatMap((entry) => entry.teams),
    ].filter((name) => !teams.has(name));
    expect(unknownTeams).toEqual([]);
    expect(NEED_TEAMS.map((entry) => entry.need).filter((title) => !titles.has(title))).toEqual([]);
    expect(NEED_TEAMS.flatMap((entry) => entry.teams).length).toBeGreaterThanOrEqual(30);
    const emptyTopics = TEAM_NEEDS.flatMap(({ team, topics }) =>
      topics
        .filter((topic) => !catalogue.some((need) => need.title.includes(topic)))
        .map((topic) => `${team}: ${topic}`),
    );
    expect(emptyTopics).toEqual([]);
  });

  /**
   * Teams are offered open needs only, and every 2023 need closed long ago: asked today, the demo
   * catalogue has nothing to offer. The ranking is what is judged here, so each team asks as of
   * the day after each of the three 2023 release conferences, when that batch was the one open
   * (the service takes the clock; the HTTP route always passes the present). Needs taken up in
   * 2023 (awarded, no longer "published") are not offered then either and are not counted.
   */
  it('puts the judged needs in a team’s first 5, as of each 2023 release (recall@5 ≥ 0.9)', async () => {
    const suggestions = service!.app.get(SuggestionsService, { strict: false });
    const catalogue = buildNeeds();
    const result = tally();
    for (const { team, topics } of TEAM_NEEDS) {
      for (const [index, batch] of BATCHES.entries()) {
        const judged = catalogue
          .filter((need) => need.batch === index && topics.some((topic) => need.title.includes(topic)))
          .map((need) => need.title)
          .filter((title) => needs.get(title)?.status === 'published');
        if (judged.length === 0) continue;
        const asOf = Math.floor(new Date(`${batch.releaseDate}T12:00:00+08:00`).getTime() / 1000);
        const top = (await suggestions.demandsForTeam(teams.get(team)!, asOf)).slice(0, TOP).map((s) => s.name);
        count(result, `${team} @${batch.releaseDate}`, judged, top);
      }
    }
    console.log(
      [
        `needs for a team: recall@${TOP} ${recall(result).toFixed(3)} on ${result.pairs} judged pairs (${result.slots} slots)`,
        ...result.misses,
      ].join('\n'),
    );
    expect(result.pairs).toBeGreaterThanOrEqual(30);
    expect(recall(result)).toBeGreaterThanOrEqual(FLOOR);
  }, 120_000);

  it('puts the judged teams in a need’s first 5 (recall@5 ≥ 0.9), with the matched terms', async () => {
    const result = tally();
    for (const { need, teams: judged } of NEED_TEAMS) {
      const response = await service!.http.get(`/api/v1/search/demands/${needs.get(need)!.id}/teams`).expect(200);
      const found = response.body as Suggestion[];
      count(
        result,
        need,
        judged,
        found.slice(0, TOP).map((s) => s.name),
      );
      for (const suggestion of found) {
        expect(suggestion.matchedTerms.length + suggestion.matchedAchievements.length).toBeGreaterThan(0);
        expect(suggestion.score).toBeGreaterThan(0);
      }
      expect(found.map((s) => s.rank)).toEqual(found.map((_, i) => i + 1));
    }
    console.log(
      [
        `teams for a need: recall@${TOP} ${recall(result).toFixed(3)} on ${result.pairs} judged pairs`,
        ...result.misses,
      ].join('\n'),
    );
    expect(result.pairs).toBeGreaterThanOrEqual(30);
    expect(recall(result)).toBeGreaterThanOrEqual(FLOOR);
  }, 120_000);

  it('offers a team today only open needs, with the terms it shares', async () => {
    const http = service!.http;
    const teamId = teams.get('蜀中理工大学稀土永磁研究中心（示例）')!;
    const suggested = async () =>
      (await http.get(`/api/v1/search/teams/${teamId}/demands`).expect(200)).body as Suggestion[];
    /** Every need the hall lists as open, page by page (the demo may hold a live batch). */
    const openIds = async () => {
      const ids: string[] = [];
      for (let page = 1; ; page++) {
        const body = (
          await http.get('/api/v1/search/demands').query({ status: 'published', pageSize: 50, page }).expect(200)
        ).body as { items: Array<{ id: string }>; total: number };
        ids.push(...body.items.map((item) => item.id));
        if (body.items.length === 0 || ids.length >= body.total) return ids;
      }
    };
    // Every 2023 need is past its deadline: whatever is offered today is open for bids.
    const openBefore = new Set(await openIds());
    expect((await suggested()).filter((s) => !openBefore.has(s.id))).toEqual([]);

    const admin = await signedIn(http, DEMO_ADMIN, DEMO_PASSWORD);
    const owner = await signedIn(http, 'ent-001@jiebang.demo', DEMO_PASSWORD);
    const fit = await approved(http, owner, admin, {
      title: '高温工况钐钴永磁体磁稳定性提升',
      keywords: ['钐钴', '稀土永磁', '高温磁体'],
    });
    const unrelated = await approved(http, owner, admin, {
      title: '川味火锅底料工业化炒制工艺',
      summary: '面向火锅底料生产企业，开发连续化炒制与风味稳定工艺。',
      background: '人工炒制批次间风味差异大。',
      indicators: [{ name: '批次风味一致性', target: '≥95', unit: '%' }],
      keywords: ['火锅底料', '炒制工艺'],
      industry: 'food_beverage',
    });
    await publishedBatch(http, admin, [fit.id, unrelated.id]);

    await eventually(
      async () => {
        const found = await suggested();
        const offered = found.find((s) => s.id === fit.id);
        expect(offered?.matchedTerms).toEqual(expect.arrayContaining(['钐钴', '稀土永磁']));
        expect(found.map((s) => s.id)).not.toContain(unrelated.id);
        // The card's facts come with the suggestion, as the need itself states them.
        const need = (await http.get(`/api/v1/demands/${fit.id}`).expect(200)).body;
        expect(offered).toMatchObject({
          industry: need.industry,
          bountyMin: need.bountyMin,
          bountyMax: need.bountyMax,
          bidDeadline: need.bidDeadline,
        });
        const open = new Set(await openIds());
        expect(found.filter((s) => !open.has(s.id))).toEqual([]);
      },
      { timeoutMs: 30_000 },
    );
  }, 120_000);
});

import { describe, expect, it } from '@jest/globals';
import {
  CONVERSION_KINDS,
  COOPERATION_MODES,
  DISTRICTS,
  FEEDBACK_CATEGORIES,
  INDUSTRIES,
  MATCHMAKING_KINDS,
  MATCHMAKING_OUTCOMES,
} from '@jiebang/contracts';
import {
  addDays,
  advisorOf,
  BATCHES,
  buildLiveProgramme,
  buildMatchingPlan,
  buildNeeds,
  buildTeams,
  ENTERPRISES,
  LIVE_RELEASED_DAYS_AGO,
  servedEnterpriseKeys,
} from './index';

/** Real companies and institutions of the source article (and a few famous brands) that must not appear. */
const FORBIDDEN_NAMES = [
  '京东方',
  '长虹',
  '九洲',
  '惠科',
  '巨星',
  '埃克森',
  '创明',
  '炬皓',
  '富临',
  '中南高科',
  '维泽',
  '锐坤',
  '宜乐',
  '商飞',
  '中物院',
  '攀钢',
  '东方电气',
  '华为',
  '比亚迪',
  '宁德',
];

/** Terms of the source article that the search relevance suite queries. */
const FLAGSHIP_TERMS = [
  '钕铁硼',
  '回旋加速器',
  '薄膜晶体管',
  '北斗三号',
  '扁钢',
  '钨-177',
  '锂离子电池',
  '单晶',
  '连接器',
  '特种冶金',
];

/** Both spellings of each pair occur, so synonym expansion can be tested either way. */
const SYNONYM_PAIRS = [
  ['TFT', '薄膜晶体管'],
  ['北斗', '卫星导航'],
  ['锂电', '锂离子电池'],
  ['无人机', 'UAV'],
];

const needs = buildNeeds();
const teams = buildTeams();
const plan = buildMatchingPlan(needs, teams);
const enterprisesByKey = new Map(ENTERPRISES.map((enterprise) => [enterprise.key, enterprise]));
const searchable = needs.map((need) => `${need.title} ${need.keywords.join(' ')}`);

describe('demo enterprises', () => {
  it('has 150 enterprises with sequential keys and distinct names', () => {
    expect(ENTERPRISES).toHaveLength(150);
    expect(ENTERPRISES.map((enterprise) => enterprise.key)).toEqual(
      Array.from({ length: 150 }, (_, i) => `ent-${String(i + 1).padStart(3, '0')}`),
    );
    expect(new Set(ENTERPRISES.map((enterprise) => enterprise.name)).size).toBe(150);
  });

  it('uses no real company name', () => {
    const offending = ENTERPRISES.filter((enterprise) =>
      FORBIDDEN_NAMES.some((name) => enterprise.name.includes(name)),
    );
    expect(offending).toEqual([]);
    for (const enterprise of ENTERPRISES) expect(enterprise.name).toMatch(/(股份)?有限公司$/);
  });

  it('spreads over all districts and industries, 1–2 industries each', () => {
    expect(new Set(ENTERPRISES.map((enterprise) => enterprise.district))).toEqual(new Set(DISTRICTS));
    expect(new Set(ENTERPRISES.flatMap((enterprise) => enterprise.industries))).toEqual(new Set(INDUSTRIES));
    for (const enterprise of ENTERPRISES) {
      expect(enterprise.industries.length).toBeGreaterThanOrEqual(1);
      expect(enterprise.industries.length).toBeLessThanOrEqual(2);
    }
  });
});

describe('demo batches', () => {
  it('has three 2023 batches whose sizes add up to 446', () => {
    expect(BATCHES).toHaveLength(3);
    expect(BATCHES.reduce((sum, batch) => sum + batch.size, 0)).toBe(446);
    for (const batch of BATCHES) {
      expect(batch.releaseDate.startsWith('2023-')).toBe(true);
      expect(batch.defaultBidDeadline > batch.releaseDate).toBe(true);
    }
  });
});

describe('demo needs', () => {
  it('builds 446 needs with distinct titles and summaries', () => {
    expect(needs).toHaveLength(446);
    expect(new Set(needs.map((need) => need.title)).size).toBe(446);
    expect(new Set(needs.map((need) => need.summary)).size).toBe(446);
  });

  it('is deterministic', () => {
    expect(buildNeeds()).toEqual(needs);
  });

  it('fills each batch to its size with a mix of industries', () => {
    BATCHES.forEach((batch, index) => {
      const inBatch = needs.filter((need) => need.batch === index);
      expect(inBatch).toHaveLength(batch.size);
      expect(new Set(inBatch.map((need) => need.industry)).size).toBe(INDUSTRIES.length);
    });
  });

  it('covers all industries and districts, with enough food and beverage needs', () => {
    expect(new Set(needs.map((need) => need.industry))).toEqual(new Set(INDUSTRIES));
    expect(new Set(needs.map((need) => need.district))).toEqual(new Set(DISTRICTS));
    expect(needs.filter((need) => need.industry === 'food_beverage').length).toBeGreaterThanOrEqual(15);
  });

  it('belongs to existing enterprises, in their industries and districts', () => {
    for (const need of needs) {
      const enterprise = enterprisesByKey.get(need.enterpriseKey);
      expect(enterprise).toBeDefined();
      expect(enterprise?.industries).toContain(need.industry);
      expect(need.district).toBe(enterprise?.district);
    }
    expect(new Set(needs.map((need) => need.enterpriseKey)).size).toBe(ENTERPRISES.length);
  });

  it('has plausible bounties', () => {
    for (const need of needs) {
      expect(need.bountyMin).toBeLessThan(need.bountyMax);
      expect(need.bountyMin).toBeGreaterThanOrEqual(10);
      expect(need.bountyMax).toBeLessThanOrEqual(5000);
    }
    expect(needs.some((need) => need.bountyMax >= 1000)).toBe(true);
    expect(needs.some((need) => need.bountyMin < 100)).toBe(true);
  });

  it('has 2–5 indicators and 3–6 keywords', () => {
    for (const need of needs) {
      expect(need.indicators.length).toBeGreaterThanOrEqual(2);
      expect(need.indicators.length).toBeLessThanOrEqual(5);
      for (const indicator of need.indicators) {
        expect(indicator.name).not.toBe('');
        expect(indicator.target).not.toBe('');
      }
      expect(need.keywords.length).toBeGreaterThanOrEqual(3);
      expect(need.keywords.length).toBeLessThanOrEqual(6);
      expect(new Set(need.keywords).size).toBe(need.keywords.length);
    }
  });

  it('has the private and contact fields filled in', () => {
    for (const need of needs) {
      expect(need.background.length).toBeGreaterThan(need.summary.length / 2);
      expect(need.confidentialDetails).not.toBe('');
      expect(need.contactName).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(need.contactPhone).toMatch(/^(0816-555\d{4}|1\d\d-0000-\d{4})$/);
    }
  });

  it('uses every cooperation mode and both award modes consistently', () => {
    expect(new Set(needs.map((need) => need.cooperationMode))).toEqual(new Set(COOPERATION_MODES));
    for (const need of needs) {
      if (need.awardMode === 'single') expect(need.awardLeads).toBe(1);
      else expect([2, 3]).toContain(need.awardLeads);
    }
    const parallel = needs.filter((need) => need.awardMode === 'parallel').length;
    expect(parallel).toBeGreaterThan(20);
    expect(parallel).toBeLessThan(120);
  });

  it('mentions the flagship terms of the source article', () => {
    const missing = FLAGSHIP_TERMS.filter((term) => !searchable.some((text) => text.includes(term)));
    expect(missing).toEqual([]);
  });

  it('contains both sides of common synonym pairs', () => {
    const missing = SYNONYM_PAIRS.flat().filter((term) => !searchable.some((text) => text.includes(term)));
    expect(missing).toEqual([]);
  });
});

const lengthWithin = (text: string, min: number, max: number) => text.length >= min && text.length <= max;
const deadlineOf = (need: number) => `${BATCHES[needs[need].batch].defaultBidDeadline}T15:59:59.000Z`;
const releaseOf = (need: number) => `${BATCHES[needs[need].batch].releaseDate}T02:00:00.000Z`;
const in2023 = (day: string) => day >= '2023-01-01' && day <= '2023-12-31';

describe('demo teams', () => {
  it('has 40 teams with sequential keys, the first three as before, all marked as examples', () => {
    expect(teams.map((team) => team.key)).toEqual(
      Array.from({ length: 40 }, (_, i) => `team-${String(i + 1).padStart(2, '0')}`),
    );
    expect(teams.slice(0, 3).map((team) => team.name)).toEqual([
      '科技城先进材料研究院（示例）',
      '川北理工大学智能装备实验室（示例）',
      '涪江光电技术有限公司（示例）',
    ]);
    expect(new Set(teams.map((team) => team.name)).size).toBe(40);
    for (const team of teams) expect(team.name).toMatch(/（示例）$/);
    expect(teams.filter((team) => FORBIDDEN_NAMES.some((name) => team.name.includes(name)))).toEqual([]);
    expect(new Set(teams.map((team) => team.kind))).toEqual(new Set(['university', 'institute', 'company']));
  });

  it('is deterministic', () => {
    expect(buildTeams()).toEqual(teams);
    expect(buildMatchingPlan(needs, teams)).toEqual(plan);
  });

  it('covers every industry with enough teams to race', () => {
    for (const industry of INDUSTRIES) {
      expect(teams.filter((team) => team.industries.includes(industry)).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('has profiles the team profile API accepts', () => {
    for (const team of teams) {
      expect(lengthWithin(team.summary, 10, 1000)).toBe(true);
      for (const [list, min, max, longest] of [
        [team.researchFields, 1, 10, 30],
        [team.keywords, 1, 20, 20],
      ] as const) {
        expect(list.length).toBeGreaterThanOrEqual(min);
        expect(list.length).toBeLessThanOrEqual(max);
        expect(new Set(list).size).toBe(list.length);
        for (const item of list) expect(lengthWithin(item, 1, longest)).toBe(true);
      }
      expect(team.members.length).toBeGreaterThanOrEqual(1);
      for (const member of team.members) {
        expect(member.name).toMatch(/^\p{Script=Han}{2,3}$/u);
        expect(lengthWithin(member.title, 1, 30) && lengthWithin(member.expertise, 1, 60)).toBe(true);
      }
      expect(team.joinedOn >= '2023-01-01' && team.joinedOn < BATCHES[1].releaseDate).toBe(true);
    }
  });

  it('has about 290 achievements, so that needs and achievements together pass 700', () => {
    const achievements = teams.flatMap((team) => team.achievements.map((achievement) => ({ team, achievement })));
    expect(achievements.length).toBeGreaterThanOrEqual(270);
    expect(achievements.length).toBeLessThanOrEqual(310);
    expect(needs.length + achievements.length).toBeGreaterThanOrEqual(700);
    expect(new Set(achievements.map(({ achievement }) => achievement.title)).size).toBe(achievements.length);
    const patents = achievements.flatMap(({ achievement }) => achievement.patents);
    expect(new Set(patents).size).toBe(patents.length);
    for (const patent of patents) expect(patent).toMatch(/^ZL20\d{2}[12]\d{7}\.\d$/);
    for (const { team, achievement } of achievements) {
      expect(lengthWithin(achievement.title, 4, 100)).toBe(true);
      expect(achievement.year).toBeLessThanOrEqual(2023);
      expect(achievement.trl).toBeGreaterThanOrEqual(1);
      expect(achievement.trl).toBeLessThanOrEqual(9);
      expect(team.industries).toContain(achievement.industry);
      expect(achievement.collectedOn > team.joinedOn && in2023(achievement.collectedOn)).toBe(true);
    }
  });
});

describe('demo matching plan: bids', () => {
  it('has a few hundred bids, at most one per team and need, from teams of the need’s industry', () => {
    expect(plan.bids.length).toBeGreaterThanOrEqual(250);
    expect(plan.bids.length).toBeLessThanOrEqual(400);
    expect(new Set(plan.bids.map((bid) => `${bid.need}/${bid.team}`)).size).toBe(plan.bids.length);
    for (const bid of plan.bids) expect(teams[bid.team].industries).toContain(needs[bid.need].industry);
  });

  it('submits every bid while its need was open, after the team joined', () => {
    for (const bid of plan.bids) {
      expect(bid.at > releaseOf(bid.need) && bid.at < deadlineOf(bid.need)).toBe(true);
      expect(bid.at.slice(0, 10) > teams[bid.team].joinedOn).toBe(true);
    }
  });

  it('answers exactly the need’s indicators, within the proposal API’s limits', () => {
    for (const { need, proposal } of plan.bids) {
      expect(proposal.indicatorResponses.map((r) => r.indicator)).toEqual(needs[need].indicators.map((i) => i.name));
      for (const { indicator, response } of proposal.indicatorResponses) {
        expect(lengthWithin(indicator, 1, 40) && lengthWithin(response, 2, 500)).toBe(true);
      }
      expect(lengthWithin(proposal.approach, 20, 5000)).toBe(true);
      expect(proposal.budget).toBeGreaterThan(0);
      expect(Number.isInteger(proposal.durationMonths)).toBe(true);
      expect(proposal.durationMonths >= 1 && proposal.durationMonths <= 120).toBe(true);
      expect(proposal.members.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('plans milestones in 2023–2025, in date order, after the deadline, with shares adding up to 100', () => {
    for (const { need, proposal } of plan.bids) {
      const { milestones } = proposal;
      expect(milestones.length).toBeGreaterThanOrEqual(2);
      expect(milestones.reduce((sum, m) => sum + m.paymentShare, 0)).toBe(100);
      milestones.forEach((milestone, index) => {
        expect(milestone.dueDate).toMatch(/^202[345]-\d{2}-\d{2}$/);
        expect(lengthWithin(milestone.title, 2, 60)).toBe(true);
        const previous = index === 0 ? deadlineOf(need).slice(0, 10) : milestones[index - 1].dueDate;
        expect(milestone.dueDate > previous).toBe(true);
      });
    }
  });
});

describe('demo matching plan: awards and engagements', () => {
  const bidsOn = (need: number) => plan.bids.flatMap((bid, index) => (bid.need === need ? [index] : []));

  it('awards 25 needs of the first two batches, with at least two 赛马 races', () => {
    expect(new Set(plan.awards.map((award) => award.need)).size).toBe(25);
    for (const award of plan.awards) {
      expect(needs[award.need].batch).toBeLessThan(2);
      expect(award.at > deadlineOf(award.need) && in2023(award.at.slice(0, 10))).toBe(true);
    }
    const races = plan.awards.filter((award) => needs[award.need].awardMode === 'parallel');
    expect(races.length).toBeGreaterThanOrEqual(2);
    for (const race of races) expect(race.winners.length).toBe(needs[race.need].awardLeads);
    expect(plan.awards.reduce((sum, award) => sum + award.winners.length, 0)).toBeGreaterThanOrEqual(27);
  });

  it('picks as many winners as allowed and gives every other bid feedback', () => {
    for (const award of plan.awards) {
      const bids = bidsOn(award.need);
      expect(award.winners.length).toBe(Math.min(needs[award.need].awardLeads, bids.length));
      const losers = award.feedback.map((feedback) => feedback.bid);
      expect([...award.winners, ...losers].sort((a, b) => a - b)).toEqual(bids);
      for (const feedback of award.feedback) {
        expect(FEEDBACK_CATEGORIES).toContain(feedback.category);
        expect(lengthWithin(feedback.text, 5, 1000)).toBe(true);
      }
    }
    expect(plan.awards.some((award) => award.feedback.length > 0)).toBe(true);
  });

  it('follows every winner’s work to a different point, each move after the one before', () => {
    const winners = plan.awards.flatMap((award) => award.winners);
    expect(plan.engagements.map((e) => e.bid).sort((a, b) => a - b)).toEqual([...winners].sort((a, b) => a - b));
    const count = (stage: string) => plan.engagements.filter((e) => e.stage === stage).length;
    expect(count('completed')).toBeGreaterThanOrEqual(3);
    expect(count('rejected')).toBe(1);
    for (const stage of ['untouched', 'submitted', 'accepted']) expect(count(stage)).toBeGreaterThan(0);
    for (const engagement of plan.engagements) {
      const award = plan.awards.find((a) => a.winners.includes(engagement.bid))!;
      const milestones = plan.bids[engagement.bid].proposal.milestones.length;
      let last = award.at;
      for (const step of engagement.steps) {
        expect(step.at > last).toBe(true);
        last = step.at;
      }
      const accepted = engagement.steps.filter((step) => step.action === 'accept').length;
      if (engagement.stage === 'completed') expect(accepted).toBe(milestones);
      else expect(accepted).toBeLessThan(milestones);
      expect(engagement.steps.some((step) => step.action === 'reject')).toBe(engagement.stage === 'rejected');
    }
  });
});

describe('demo matching plan: advisors’ records', () => {
  it('records 400+ matchmakings in 2023 by the advisor serving the need’s owner', () => {
    expect(plan.matchmakings.length).toBeGreaterThanOrEqual(400);
    expect(new Set(plan.matchmakings.map((m) => m.advisor)).size).toBe(8);
    expect(new Set(plan.matchmakings.map((m) => m.kind))).toEqual(new Set(MATCHMAKING_KINDS));
    expect(new Set(plan.matchmakings.map((m) => m.outcome))).toEqual(new Set(MATCHMAKING_OUTCOMES));
    for (const record of plan.matchmakings) {
      expect(record.need !== undefined || record.achievement !== undefined).toBe(true);
      expect(record.team !== undefined || record.achievement !== undefined).toBe(true);
      expect(in2023(record.occurredOn) && lengthWithin(record.notes, 2, 2000)).toBe(true);
      if (record.need !== undefined) {
        expect(record.occurredOn > BATCHES[needs[record.need].batch].releaseDate).toBe(true);
        expect(servedEnterpriseKeys(record.advisor)).toContain(needs[record.need].enterpriseKey);
      }
      if (record.achievement) {
        const { collectedOn } = teams[record.achievement.team].achievements[record.achievement.index];
        expect(record.occurredOn > collectedOn).toBe(true);
      }
    }
  });

  it('records 120+ conversions in 2023, some from awards, some from achievements alone', () => {
    const { conversions } = plan;
    expect(conversions.length).toBeGreaterThanOrEqual(120);
    expect(new Set(conversions.map((c) => c.kind))).toEqual(new Set(CONVERSION_KINDS));
    expect(new Set(conversions.map((c) => c.evidenceRef)).size).toBe(conversions.length);
    const winners = new Set(plan.awards.flatMap((award) => award.winners));
    for (const conversion of conversions) {
      expect(in2023(conversion.signedOn)).toBe(true);
      expect(conversion.contractValue >= 20 && conversion.contractValue <= 1500).toBe(true);
      expect(lengthWithin(conversion.title, 4, 100) && lengthWithin(conversion.parties, 2, 300)).toBe(true);
      expect(conversion.evidenceRef).toMatch(/^技术合同登记号 5107\d{2}2023\d{6}$/);
      if (conversion.bid !== undefined) {
        expect(plan.bids[conversion.bid].need).toBe(conversion.need);
        expect(winners.has(conversion.bid)).toBe(true);
      }
      if (conversion.need !== undefined) {
        expect(advisorOf(needs[conversion.need].enterpriseKey)).toBe(conversion.advisor);
      }
    }
    expect(conversions.filter((c) => c.engagement).length).toBe(winners.size);
    expect(conversions.some((c) => c.need === undefined && c.achievement !== undefined)).toBe(true);
  });
});

describe('the live programme (a fourth batch dated from the seed day)', () => {
  const today = '2026-12-05';
  const live = buildLiveProgramme(today, needs, teams);
  const release = addDays(today, -LIVE_RELEASED_DAYS_AGO);
  const startOf = (day: string) => `${day}T00:00:00+08:00`;
  const instant = (iso: string) => new Date(iso).getTime();
  const featuredTeam = teams[0];

  it('is the same on every run, and only its dates follow the day', () => {
    expect(buildLiveProgramme(today, needs, teams)).toEqual(live);
    const later = buildLiveProgramme('2027-03-01', needs, teams);
    const shift = instant('2027-03-01') - instant(today);
    const undated = (programme: typeof live) => programme.needs.map(({ bidDeadline: _d, ...need }) => need);
    expect(undated(later)).toEqual(undated(live));
    expect(later.needs.map((need) => instant(need.bidDeadline))).toEqual(
      live.needs.map((need) => instant(need.bidDeadline) + shift),
    );
    expect(later.bids.map((bid) => instant(bid.at))).toEqual(live.bids.map((bid) => instant(bid.at) + shift));
    expect(later.bids.map(({ need, team, submit }) => [need, team, submit])).toEqual(
      live.bids.map(({ need, team, submit }) => [need, team, submit]),
    );
  });

  it('publishes about 40 new needs over every industry, released days ago, deadlines 10–60 days ahead', () => {
    expect(live.batch.releaseDate).toBe(release);
    expect(live.batch.size).toBe(live.needs.length);
    expect(live.needs.length).toBeGreaterThanOrEqual(35);
    expect(live.needs.length).toBeLessThanOrEqual(45);
    const titles = [...live.needs, ...live.pending.map((pending) => pending.need)].map((need) => need.title);
    expect(new Set(titles).size).toBe(titles.length);
    const history = new Set(needs.map((need) => need.title));
    expect(titles.filter((title) => history.has(title))).toEqual([]);
    for (const industry of INDUSTRIES) {
      expect(live.needs.filter((need) => need.industry === industry).length).toBeGreaterThanOrEqual(2);
    }
    const days = live.needs.map((need) => need.bidDeadline.slice(0, 10)).sort();
    expect(days[0] >= addDays(today, 10) && days.at(-1)! <= addDays(today, 60)).toBe(true);
    expect(days[0] <= addDays(today, 14) && days.at(-1)! >= addDays(today, 50)).toBe(true);
    for (const need of live.needs) expect(need.bidDeadline).toMatch(/T15:59:59\.000Z$/);
  });

  it('writes its needs like the catalogue’s, for enterprises of their industry', () => {
    for (const need of [...live.needs, ...live.pending.map((pending) => pending.need)]) {
      const enterprise = enterprisesByKey.get(need.enterpriseKey);
      expect(enterprise?.industries).toContain(need.industry);
      expect(need.district).toBe(enterprise?.district);
      expect(need.title.length).toBeLessThanOrEqual(60);
      expect(need.indicators.length >= 2 && need.indicators.length <= 5).toBe(true);
      expect(need.keywords.length >= 3 && need.keywords.length <= 6).toBe(true);
      expect(need.bountyMin).toBeLessThan(need.bountyMax);
    }
  });

  it('leaves drafts with their enterprises and needs under review, all dated before the day', () => {
    const drafts = live.pending.filter((pending) => pending.submittedAt === null);
    const review = live.pending.filter((pending) => pending.submittedAt !== null);
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    expect(review.length).toBeGreaterThanOrEqual(1);
    for (const { createdAt, submittedAt } of live.pending) {
      expect(instant(createdAt)).toBeLessThan(instant(startOf(today)));
      if (submittedAt) expect(instant(submittedAt)).toBeGreaterThan(instant(createdAt));
      if (submittedAt) expect(instant(submittedAt)).toBeLessThan(instant(startOf(today)));
    }
  });

  it('has bids in progress: submitted and drafted while open, by teams of the need’s industry', () => {
    const submitted = live.bids.filter((bid) => bid.submit);
    expect(submitted.length).toBeGreaterThanOrEqual(20);
    expect(live.bids.some((bid) => !bid.submit)).toBe(true);
    expect(new Set(live.bids.map((bid) => `${bid.need}/${bid.team}`)).size).toBe(live.bids.length);
    expect(new Set(submitted.map((bid) => bid.need)).size).toBeGreaterThanOrEqual(10);
    for (const { need, team, at, proposal } of live.bids) {
      expect(teams[team].industries).toContain(live.needs[need].industry);
      expect(instant(at)).toBeGreaterThan(instant(`${release}T02:00:00.000Z`));
      expect(instant(at)).toBeLessThan(instant(startOf(today)));
      expect(proposal.indicatorResponses.map((r) => r.indicator)).toEqual(
        live.needs[need].indicators.map((i) => i.name),
      );
      expect(proposal.milestones[0].dueDate > live.needs[need].bidDeadline.slice(0, 10)).toBe(true);
      expect(proposal.milestones.reduce((sum, m) => sum + m.paymentShare, 0)).toBe(100);
    }
  });

  it('gives every demo role live work: team-01, ent-001 and every advisor', () => {
    const terms = [...featuredTeam.researchFields, ...featuredTeam.keywords];
    const ownBids = new Set(live.bids.filter((bid) => bid.team === 0).map((bid) => bid.need));
    const matching = live.needs.filter(
      (need, n) => !ownBids.has(n) && terms.some((term) => `${need.title}${need.keywords.join('')}`.includes(term)),
    );
    expect(matching.length).toBeGreaterThanOrEqual(5);
    expect(
      live.bids
        .filter((bid) => bid.team === 0)
        .map((bid) => bid.submit)
        .sort(),
    ).toEqual([false, true]);

    const owned = live.needs.flatMap((need, n) => (need.enterpriseKey === 'ent-001' ? [n] : []));
    expect(owned.some((n) => live.bids.filter((bid) => bid.need === n && bid.submit).length >= 2)).toBe(true);
    expect(live.pending.some((pending) => pending.need.enterpriseKey === 'ent-001' && !pending.submittedAt)).toBe(true);
    const owners = new Set(live.needs.map((need) => need.enterpriseKey));
    for (let advisor = 0; advisor < 8; advisor++) {
      expect(servedEnterpriseKeys(advisor).some((key) => owners.has(key))).toBe(true);
    }
  });

  it('records the serving advisor’s introductions between the release and the bids', () => {
    expect(live.matchmakings.length).toBeGreaterThan(0);
    for (const record of live.matchmakings) {
      const need = live.needs[record.need!];
      expect(record.advisor).toBe(advisorOf(need.enterpriseKey));
      expect(record.occurredOn > release && record.occurredOn < today).toBe(true);
      expect(lengthWithin(record.notes, 2, 2000)).toBe(true);
    }
  });
});

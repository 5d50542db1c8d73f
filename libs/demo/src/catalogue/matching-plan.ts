import type {
  ConversionKind,
  District,
  FeedbackCategory,
  MatchmakingKind,
  MatchmakingOutcome,
} from '@jiebang/contracts';
import { advisorOf } from './advisors';
import { sharedBigrams } from './affinity';
import { BATCHES } from './batches';
import { addDays, beijingAt, beijingDayOf, daysBetween, earlierDay, laterDay, monthEndAfter } from './dates';
import { ENTERPRISES } from './enterprises';
import {
  ACHIEVEMENT_FOR_NEED_NOTES,
  ACHIEVEMENT_NOTES,
  APPROACH_CLOSINGS,
  APPROACH_METHODS,
  APPROACH_STEPS,
  BID_MATCHMAKING_NOTES,
  CONVERSION_TITLE_SUFFIXES,
  DISTRICT_CODES,
  EXTRA_DELIVERABLES,
  FEEDBACK_TEXTS,
  fill,
  INDICATOR_RESPONSES,
  MEMBER_ROLES,
  MILESTONE_NOTE,
  MILESTONE_TITLES,
  REJECTION_REASONS,
  ROADSHOW_EVENTS,
  SCOUTING_NOTES,
} from './matching-texts';
import { Random } from './random';
import type { NeedFields, NeedSeed, TeamSeed } from './types';

/** An achievement: the team (index into the teams) and its position in the team's list. */
export interface AchievementRef {
  team: number;
  index: number;
}

export interface ProposalSeed {
  approach: string;
  indicatorResponses: Array<{ indicator: string; response: string }>;
  milestones: Array<{ title: string; dueDate: string; paymentShare: number }>;
  /** 万元 */
  budget: number;
  durationMonths: number;
  members: Array<{ name: string; title: string; role: string }>;
}

/** A team's bid on a need (indexes into the needs and the teams), submitted at `at` (ISO instant). */
export interface BidSeed {
  need: number;
  team: number;
  at: string;
  proposal: ProposalSeed;
}

/** The owner's award: winners and losers are indexes into the bids. */
export interface AwardSeed {
  need: number;
  at: string;
  winners: number[];
  feedback: Array<{ bid: number; category: FeedbackCategory; text: string }>;
}

export type EngagementStage = 'untouched' | 'submitted' | 'accepted' | 'rejected' | 'completed';

/** One move on a milestone (`seq` from 1): the team submits, the owner accepts or rejects. */
export type MilestoneStepSeed =
  | {
      action: 'submit';
      seq: number;
      at: string;
      deliverables: Array<{ name: string; reference: string }>;
      note: string;
    }
  | { action: 'accept'; seq: number; at: string }
  | { action: 'reject'; seq: number; at: string; reason: string };

/** The work under a winning bid, as far as it got. */
export interface EngagementSeed {
  bid: number;
  stage: EngagementStage;
  steps: MilestoneStepSeed[];
}

/** A matchmaking (对接) an advisor (index into the advisors) recorded. */
export interface MatchmakingSeed {
  advisor: number;
  need?: number;
  team?: number;
  achievement?: AchievementRef;
  kind: MatchmakingKind;
  occurredOn: string;
  notes: string;
  outcome: MatchmakingOutcome;
}

/** A conversion (成果转化); `bid` with `engagement` points at the engagement of that winning bid. */
export interface ConversionSeed {
  advisor: number;
  title: string;
  kind: ConversionKind;
  /** 万元 */
  contractValue: number;
  signedOn: string;
  need?: number;
  bid?: number;
  engagement?: boolean;
  achievement?: AchievementRef;
  parties: string;
  evidenceRef: string;
}

export interface MatchingPlan {
  bids: BidSeed[];
  awards: AwardSeed[];
  engagements: EngagementSeed[];
  matchmakings: MatchmakingSeed[];
  conversions: ConversionSeed[];
}

/** The programme's 2023 record (the article): 25 needs taken up, 400+ matchmakings, 120+ conversions. */
const AWARDED_NEEDS = 25;
const PARALLEL_AWARDS = 3;
const OTHER_BID_NEEDS = 130;
const SCOUTING_MATCHMAKINGS = 70;
const NEED_ACHIEVEMENT_AGREEMENTS = 30;
const NEED_ACHIEVEMENT_OTHERS = 20;
const ACHIEVEMENT_AGREEMENTS = 68;
const ACHIEVEMENT_OTHERS = 20;
const COMPLETED_ENGAGEMENTS = 5;
/** The other engagements by how far they got; the rest are untouched. */
const ONGOING_STAGES: ReadonlyArray<readonly [EngagementStage, number]> = [
  ['accepted', 8],
  ['rejected', 1],
  ['submitted', 6],
];

/** The needs the article names as breakthroughs; awarded when published early enough. */
const FLAGSHIP_TERMS = ['北斗三号导航民用芯片', '钨-177', '扁钢', '回旋加速器'];

/** Advisors' records and conversions all fall in 2023; a deal is signed within weeks of its agreement. */
const LAST_RECORD_DAY = '2023-12-29';
const LAST_AGREEMENT_DAY = '2023-11-20';

const PAYMENT_SHARES: Record<number, ReadonlyArray<readonly number[]>> = {
  2: [
    [40, 60],
    [30, 70],
    [50, 50],
  ],
  3: [
    [30, 40, 30],
    [20, 50, 30],
    [30, 30, 40],
  ],
  4: [
    [20, 30, 30, 20],
    [10, 30, 30, 30],
    [25, 25, 25, 25],
  ],
};

/** Which of an outcome form's four milestone titles a plan of 2, 3 or 4 milestones uses. */
const MILESTONE_PICKS: Record<number, readonly number[]> = { 2: [1, 3], 3: [0, 1, 3], 4: [0, 1, 2, 3] };

const FEEDBACK_WEIGHTS: ReadonlyArray<readonly [FeedbackCategory, number]> = [
  ['technical_route', 30],
  ['team_capability', 25],
  ['cost', 20],
  ['timeline', 15],
  ['other', 10],
];

const NEED_CONVERSION_WEIGHTS: ReadonlyArray<readonly [ConversionKind, number]> = [
  ['transfer', 35],
  ['licence', 25],
  ['joint_development', 40],
];

const ACHIEVEMENT_CONVERSION_WEIGHTS: ReadonlyArray<readonly [ConversionKind, number]> = [
  ['transfer', 35],
  ['licence', 30],
  ['joint_development', 20],
  ['spin_off', 15],
];

/** Contract values in 万元, by kind: [min, max] in steps of 5. */
const CONTRACT_VALUES: Record<ConversionKind, readonly [number, number]> = {
  transfer: [30, 400],
  licence: [20, 200],
  joint_development: [50, 600],
  spin_off: [100, 800],
};

interface NeedFacts {
  release: string;
  deadline: string;
  advisor: number;
  owner: string;
  district: District;
}

/** A conversion before its registration number, which follows the signing dates of all of them. */
type ConversionDraft = Omit<ConversionSeed, 'evidenceRef'> & { district: District };

/** What a bid on an awarded need turns out to be: a winner, or a loser for a reason. */
export type BidRole = 'open' | 'winner' | FeedbackCategory;

/**
 * Builds what happened after the needs were published, from the needs and teams of the catalogue:
 * who bid, who won, how the work went, and what the advisors recorded. Identical on every call.
 */
export function buildMatchingPlan(needs: readonly NeedSeed[], teams: readonly TeamSeed[]): MatchingPlan {
  return new Planner(needs, teams).plan();
}

/**
 * A proposal consistent with its fate: a loser on cost asks too much, one on timeline takes too
 * long. Milestones fall due month by month after the bid deadline (`deadline`, an ISO day).
 */
export function composeProposal(
  rng: Random,
  need: NeedFields,
  team: TeamSeed,
  deadline: string,
  role: BidRole = 'open',
): ProposalSeed {
  const durationMonths = role === 'timeline' ? rng.int(20, 24) : rng.int(6, 18);
  const count = durationMonths <= 8 ? 2 : durationMonths <= 13 ? rng.int(2, 3) : rng.int(3, 4);
  const shares = rng.pick(PAYMENT_SHARES[count]);
  const titles = MILESTONE_PICKS[count].map((index) => MILESTONE_TITLES[need.outcomeForm][index]);
  const span = need.bountyMax - need.bountyMin;
  const raw = role === 'cost' ? need.bountyMax * rng.float(1.15, 1.5) : need.bountyMin + span * rng.float(0.15, 0.95);
  const achievement = team.achievements.find((a) => a.industry === need.industry) ?? team.achievements[0];
  const members = team.members.slice(0, rng.int(2, Math.min(4, team.members.length)));
  return {
    approach:
      `${rng.pick(['团队', '项目组'])}围绕“${need.title}”，以${need.keywords[0]}和${need.keywords[1]}为突破口，` +
      `采用${rng.pick(APPROACH_METHODS)}的技术路线：${APPROACH_STEPS[need.outcomeForm]}。` +
      `团队在${team.researchFields[0]}方向已有“${achievement.title}”等成果积累，${rng.pick(APPROACH_CLOSINGS)}`,
    indicatorResponses: need.indicators.map((indicator) => ({
      indicator: indicator.name,
      response: fill(rng.pick(INDICATOR_RESPONSES), { target: `${indicator.target}${indicator.unit}` }),
    })),
    milestones: titles.map((title, k) => ({
      title,
      dueDate: monthEndAfter(deadline, 1 + Math.round(((k + 1) * durationMonths) / count)),
      paymentShare: shares[k],
    })),
    budget: Math.max(5, Math.round(raw / 5) * 5),
    durationMonths,
    members: members.map((member, index) => ({ name: member.name, title: member.title, role: MEMBER_ROLES[index] })),
  };
}

class Planner {
  private readonly rng = new Random(20230615);
  private readonly facts: NeedFacts[];
  /** Per need, the teams that could bid on it with how well they fit; eligible teams only. */
  private readonly fits: Array<Array<{ team: number; score: number }>>;
  private readonly load: number[];
  private readonly bids: BidSeed[] = [];
  private readonly biddersOf = new Map<number, number[]>();
  private documentSerial = 0;

  constructor(
    private readonly needs: readonly NeedSeed[],
    private readonly teams: readonly TeamSeed[],
  ) {
    const enterprises = new Map(ENTERPRISES.map((enterprise) => [enterprise.key, enterprise]));
    this.facts = needs.map((need) => {
      const batch = BATCHES[need.batch];
      const owner = enterprises.get(need.enterpriseKey)!;
      return {
        release: batch.releaseDate,
        deadline: batch.defaultBidDeadline,
        advisor: advisorOf(need.enterpriseKey),
        owner: owner.name,
        district: owner.district,
      };
    });
    this.fits = needs.map((need, n) =>
      teams.flatMap((team, t) => {
        const eligible =
          team.industries.includes(need.industry) && addDays(team.joinedOn, 10) <= addDays(this.facts[n].deadline, -5);
        if (!eligible) return [];
        const description = [...team.researchFields, ...team.keywords].join('、');
        const main = team.industries[0] === need.industry ? 2 : 0;
        return [{ team: t, score: sharedBigrams(description, `${need.title}${need.keywords.join('')}`) + main }];
      }),
    );
    this.load = teams.map(() => 0);
  }

  plan(): MatchingPlan {
    const awarded = this.chooseAwardedNeeds();
    const awards = awarded.map((need) => this.bidAndAward(need));
    const others = this.rng.sample(
      this.needs.map((_, n) => n).filter((n) => !awarded.includes(n) && this.fits[n].length > 0),
      OTHER_BID_NEEDS,
    );
    for (const need of others) {
      const count = this.rng.weighted([
        [1, 50],
        [2, 35],
        [3, 15],
      ] as const);
      for (const team of this.chooseBidders(need, count)) this.addBid(need, team, 'open');
    }
    const engagements = this.engagements(awards);
    const matchmakings = [...this.bidMatchmakings(), ...this.scoutingMatchmakings()];
    const drafts = this.engagementConversions(awards);
    this.achievementRecords(matchmakings, drafts);
    return { bids: this.bids, awards, engagements, matchmakings, conversions: this.register(drafts) };
  }

  /** Technology contract registration numbers, issued in the order the contracts were signed. */
  private register(drafts: ConversionDraft[]): ConversionSeed[] {
    let serial = this.rng.int(100, 300);
    return [...drafts]
      .sort((a, b) => a.signedOn.localeCompare(b.signedOn))
      .map(({ district, ...conversion }) => {
        serial += this.rng.int(1, 9);
        return {
          ...conversion,
          evidenceRef: `技术合同登记号 ${DISTRICT_CODES[district]}2023${String(serial).padStart(6, '0')}`,
        };
      });
  }

  /** Flagships first, then enough 赛马 needs, then single-lead needs spread over the industries. */
  private chooseAwardedNeeds(): number[] {
    const awardable = (n: number) => {
      const need = this.needs[n];
      return need.batch < 2 && this.fits[n].length >= need.awardLeads + 1;
    };
    const chosen: number[] = [];
    for (const term of FLAGSHIP_TERMS) {
      const found = this.needs.findIndex((need, n) => need.title.includes(term) && awardable(n) && !chosen.includes(n));
      if (found >= 0) chosen.push(found);
    }
    const modest = (n: number) => awardable(n) && !chosen.includes(n) && this.needs[n].bountyMax <= 1200;
    const indexes = this.needs.map((_, n) => n);
    const parallel = this.rng.shuffle(indexes.filter((n) => modest(n) && this.needs[n].awardMode === 'parallel'));
    while (chosen.filter((n) => this.needs[n].awardMode === 'parallel').length < PARALLEL_AWARDS) {
      const next = parallel.shift();
      if (next === undefined) throw new Error('Not enough 赛马 needs to award');
      chosen.push(next);
    }
    const perIndustry = (n: number) => chosen.filter((c) => this.needs[c].industry === this.needs[n].industry).length;
    for (const n of this.rng.shuffle(indexes.filter((i) => modest(i) && this.needs[i].awardMode === 'single'))) {
      if (chosen.length === AWARDED_NEEDS) break;
      if (perIndustry(n) < 3) chosen.push(n);
    }
    if (chosen.length < AWARDED_NEEDS) throw new Error('Not enough needs to award');
    return chosen;
  }

  /** The best-fitting eligible teams, with some luck, and less keen when already bidding a lot. */
  private chooseBidders(need: number, count: number): number[] {
    const ranked = this.fits[need]
      .map(({ team, score }) => ({ team, value: score + this.rng.float(0, 3) - 0.4 * this.load[team] }))
      .sort((a, b) => b.value - a.value)
      .slice(0, count)
      .map(({ team }) => team);
    for (const team of ranked) this.load[team]++;
    return ranked;
  }

  private bidAndAward(need: number): AwardSeed {
    const { awardLeads, awardMode } = this.needs[need];
    const count = awardMode === 'parallel' ? awardLeads + this.rng.int(1, 2) : this.rng.int(2, 4);
    const bidders = this.chooseBidders(need, Math.min(count, this.fits[need].length));
    // Usually the best fit wins a single-lead need; sometimes the runner-up's proposal is better.
    if (awardMode === 'single' && bidders.length > 1 && this.rng.chance(0.25)) {
      [bidders[0], bidders[1]] = [bidders[1], bidders[0]];
    }
    const leads = Math.min(awardLeads, bidders.length);
    const winners: number[] = [];
    const feedback: AwardSeed['feedback'] = [];
    bidders.forEach((team, position) => {
      if (position < leads) {
        winners.push(this.addBid(need, team, 'winner'));
        return;
      }
      const category = this.rng.weighted(FEEDBACK_WEIGHTS);
      const bid = this.addBid(need, team, category);
      const { budget, durationMonths } = this.bids[bid].proposal;
      const text = fill(this.rng.pick(FEEDBACK_TEXTS[category]), {
        indicator: this.needs[need].indicators[0].name,
        budget,
        bountyMax: this.needs[need].bountyMax,
        months: durationMonths,
      });
      feedback.push({ bid, category, text });
    });
    const at = beijingAt(addDays(this.facts[need].deadline, this.rng.int(18, 40)), 15, this.rng.int(0, 59));
    return { need, at, winners, feedback };
  }

  private addBid(need: number, team: number, role: BidRole): number {
    const { release, deadline } = this.facts[need];
    const first = laterDay(addDays(release, 3), addDays(this.teams[team].joinedOn, 10));
    const day = addDays(first, this.rng.int(0, daysBetween(first, addDays(deadline, -2))));
    const at = beijingAt(day, this.rng.int(9, 17), this.rng.int(0, 59));
    this.bids.push({ need, team, at, proposal: this.proposal(need, team, role) });
    this.biddersOf.set(need, [...(this.biddersOf.get(need) ?? []), team]);
    return this.bids.length - 1;
  }

  private proposal(n: number, t: number, role: BidRole): ProposalSeed {
    return composeProposal(this.rng, this.needs[n], this.teams[t], this.facts[n].deadline, role);
  }

  /**
   * The winners' work as it stands: the shortest plans are completed; of the others, those whose
   * first milestone fell due earliest got furthest. Completed work is single-lead only: a 赛马
   * need whose teams all finish within the seed's milliseconds would see its events race to demand.
   */
  private engagements(awards: readonly AwardSeed[]): EngagementSeed[] {
    type Winner = { bid: number; award: AwardSeed };
    const due = (bid: number, which: 0 | -1) => this.bids[bid].proposal.milestones.at(which)!.dueDate;
    const byDue = (which: 0 | -1) => (a: Winner, b: Winner) =>
      due(a.bid, which).localeCompare(due(b.bid, which)) || a.award.at.localeCompare(b.award.at);
    const winners = awards.flatMap((award) => award.winners.map((bid) => ({ bid, award }))).sort(byDue(-1));
    const completed = winners
      .filter(({ award }) => this.needs[award.need].awardMode === 'single')
      .slice(0, COMPLETED_ENGAGEMENTS);
    const rest = winners.filter((winner) => !completed.includes(winner)).sort(byDue(0));
    const stages = ONGOING_STAGES.flatMap(([stage, count]) => Array.from({ length: count }, () => stage));
    return [
      ...completed.map(({ bid, award }) => ({
        bid,
        stage: 'completed' as const,
        steps: this.steps(bid, award, 'completed'),
      })),
      ...rest.map(({ bid, award }, index) => {
        const stage = stages[index] ?? 'untouched';
        return { bid, stage, steps: this.steps(bid, award, stage) };
      }),
    ];
  }

  private steps(bid: number, award: AwardSeed, stage: EngagementStage): MilestoneStepSeed[] {
    const rng = this.rng;
    const milestones = this.bids[bid].proposal.milestones;
    const outcomeForm = this.needs[this.bids[bid].need].outcomeForm;
    const steps: MilestoneStepSeed[] = [];
    let lastDay = beijingDayOf(award.at);
    const submit = (seq: number) => {
      const day = laterDay(addDays(milestones[seq - 1].dueDate, -rng.int(3, 12)), addDays(lastDay, 7));
      const deliverables = [{ name: `第${seq}阶段成果报告`, reference: this.documentNumber(day) }];
      if (seq === milestones.length || rng.chance(0.5)) {
        deliverables.push({ name: EXTRA_DELIVERABLES[outcomeForm], reference: this.documentNumber(day) });
      }
      steps.push({ action: 'submit', seq, at: beijingAt(day, 16, rng.int(0, 59)), deliverables, note: MILESTONE_NOTE });
      lastDay = day;
    };
    const decide = (seq: number, accept: boolean) => {
      const day = addDays(lastDay, rng.int(4, 12));
      const at = beijingAt(day, 10, rng.int(0, 59));
      steps.push(
        accept ? { action: 'accept', seq, at } : { action: 'reject', seq, at, reason: rng.pick(REJECTION_REASONS) },
      );
      lastDay = day;
    };
    const accepted =
      stage === 'completed' ? milestones.length : stage === 'accepted' ? rng.int(1, milestones.length - 1) : 0;
    for (let seq = 1; seq <= accepted; seq++) {
      submit(seq);
      decide(seq, true);
    }
    if (stage === 'submitted' || stage === 'rejected' || (stage === 'accepted' && rng.chance(0.5))) {
      submit(accepted + 1);
      if (stage === 'rejected') decide(accepted + 1, false);
    }
    return steps;
  }

  private documentNumber(day: string): string {
    this.documentSerial++;
    return `MYJB-${day.slice(0, 4)}-${String(this.documentSerial).padStart(4, '0')}`;
  }

  /** Most bids were preceded by an advisor introducing the team to the owner. */
  private bidMatchmakings(): MatchmakingSeed[] {
    const rng = this.rng;
    return this.bids.flatMap((bid) => {
      if (!rng.chance(0.75)) return [];
      const need = this.needs[bid.need];
      const { release, advisor, owner } = this.facts[bid.need];
      const team = this.teams[bid.team];
      let day = addDays(beijingDayOf(bid.at), -rng.int(2, 15));
      day = laterDay(laterDay(day, addDays(release, 1)), addDays(team.joinedOn, 1));
      const kind = rng.chance(0.6) ? 'introduction' : 'meeting';
      const outcome = rng.chance(0.65) ? 'intent' : 'follow_up';
      return [
        {
          advisor,
          need: bid.need,
          team: bid.team,
          kind,
          occurredOn: earlierDay(day, LAST_RECORD_DAY),
          notes: fill(BID_MATCHMAKING_NOTES[kind][outcome], {
            team: team.name,
            owner,
            need: need.title,
            field: team.researchFields[0],
            indicator: need.indicators[0].name,
          }),
          outcome,
        },
      ];
    });
  }

  /** Teams shown a need that did not bid: some will come back, some do not fit. */
  private scoutingMatchmakings(): MatchmakingSeed[] {
    const rng = this.rng;
    const records: MatchmakingSeed[] = [];
    for (const n of rng.shuffle(this.needs.map((_, i) => i))) {
      if (records.length === SCOUTING_MATCHMAKINGS) break;
      const need = this.needs[n];
      const { release, deadline, advisor, owner } = this.facts[n];
      const bidders = this.biddersOf.get(n) ?? [];
      const candidates = this.fits[n].filter(({ team }) => !bidders.includes(team)).sort((a, b) => b.score - a.score);
      if (candidates.length === 0) continue;
      const t = rng.pick(candidates.slice(0, 2)).team;
      const team = this.teams[t];
      const first = laterDay(addDays(release, 1), addDays(team.joinedOn, 1));
      const last = earlierDay(addDays(deadline, -1), LAST_RECORD_DAY);
      if (first > last) continue;
      const kind = rng.chance(0.5) ? 'visit' : 'meeting';
      const outcome = rng.chance(0.45) ? 'no_fit' : 'follow_up';
      records.push({
        advisor,
        need: n,
        team: t,
        kind,
        occurredOn: addDays(first, rng.int(0, daysBetween(first, last))),
        notes: fill(SCOUTING_NOTES[kind][outcome], {
          team: team.name,
          owner,
          need: need.title,
          field: team.researchFields[0],
          indicator: need.indicators[0].name,
        }),
        outcome,
      });
    }
    return records;
  }

  /** Every winner signs a development contract with the owner within weeks of the award. */
  private engagementConversions(awards: readonly AwardSeed[]): ConversionDraft[] {
    return awards.flatMap((award) =>
      award.winners.map((bid) => {
        const { advisor, owner, district } = this.facts[award.need];
        return {
          advisor,
          title: `${this.needs[award.need].title}技术开发合同`,
          kind: 'joint_development' as const,
          contractValue: this.bids[bid].proposal.budget,
          signedOn: addDays(beijingDayOf(award.at), this.rng.int(7, 25)),
          need: award.need,
          bid,
          engagement: true,
          parties: `${owner}；${this.teams[this.bids[bid].team].name}`,
          district,
        };
      }),
    );
  }

  /**
   * Achievements offered for needs and, outside any need, to enterprises at roadshows and visits;
   * every agreement is followed by a conversion the same advisor records.
   */
  private achievementRecords(matchmakings: MatchmakingSeed[], conversions: ConversionDraft[]): void {
    const rng = this.rng;
    const refs = this.teams.flatMap((team, t) => team.achievements.map((_, index) => ({ team: t, index })));
    const achievementOf = (ref: AchievementRef) => this.teams[ref.team].achievements[ref.index];
    const converted = new Set<AchievementRef>();
    const conversion = (
      ref: AchievementRef,
      kind: ConversionKind,
      agreedOn: string,
      deal: { advisor: number; buyer: string; district: District; need?: number },
    ): ConversionDraft => {
      const [min, max] = CONTRACT_VALUES[kind];
      converted.add(ref);
      return {
        advisor: deal.advisor,
        title: `${achievementOf(ref).title}${CONVERSION_TITLE_SUFFIXES[kind]}`,
        kind,
        contractValue: rng.int(min / 5, max / 5) * 5,
        signedOn: addDays(agreedOn, rng.int(10, 40)),
        need: deal.need,
        achievement: ref,
        parties: `${deal.buyer}；${this.teams[ref.team].name}`,
        district: deal.district,
      };
    };

    let agreements = 0;
    let others = 0;
    for (const n of rng.shuffle(this.needs.map((_, i) => i))) {
      if (agreements === NEED_ACHIEVEMENT_AGREEMENTS && others === NEED_ACHIEVEMENT_OTHERS) break;
      const need = this.needs[n];
      const agreement = agreements < NEED_ACHIEVEMENT_AGREEMENTS && need.batch < 2;
      if (!agreement && others === NEED_ACHIEVEMENT_OTHERS) continue;
      const { release, advisor, owner, district } = this.facts[n];
      const text = `${need.title}${need.keywords.join('')}`;
      const best = refs
        .filter((ref) => achievementOf(ref).industry === need.industry && !converted.has(ref))
        .map((ref) => ({ ref, score: sharedBigrams(achievementOf(ref).title, text) }))
        .filter(({ score }) => score >= 3)
        .sort((a, b) => b.score - a.score)[0];
      if (!best) continue;
      const achievement = achievementOf(best.ref);
      const first = laterDay(addDays(release, 1), addDays(achievement.collectedOn, 1));
      const last = agreement ? LAST_AGREEMENT_DAY : LAST_RECORD_DAY;
      if (first > last) continue;
      const occurredOn = addDays(first, rng.int(0, Math.min(60, daysBetween(first, last))));
      const outcome = agreement ? 'agreement' : rng.pick(['intent', 'follow_up'] as const);
      const team = this.teams[best.ref.team];
      matchmakings.push({
        advisor,
        need: n,
        team: best.ref.team,
        achievement: best.ref,
        kind: agreement ? 'meeting' : rng.pick(['visit', 'introduction'] as const),
        occurredOn,
        notes: fill(ACHIEVEMENT_FOR_NEED_NOTES[outcome], {
          team: team.name,
          owner,
          need: need.title,
          achievement: achievement.title,
        }),
        outcome,
      });
      if (agreement) {
        agreements++;
        const kind = rng.weighted(NEED_CONVERSION_WEIGHTS);
        conversions.push(conversion(best.ref, kind, occurredOn, { advisor, buyer: owner, district, need: n }));
      } else {
        others++;
      }
    }

    const remaining = rng.shuffle(refs.filter((ref) => !converted.has(ref)));
    for (const [position, ref] of remaining.slice(0, ACHIEVEMENT_AGREEMENTS + ACHIEVEMENT_OTHERS).entries()) {
      const achievement = achievementOf(ref);
      const enterprise = rng.pick(ENTERPRISES.filter((e) => e.industries.includes(achievement.industry)));
      const advisor = advisorOf(enterprise.key);
      const agreement = position < ACHIEVEMENT_AGREEMENTS;
      const outcome = agreement ? 'agreement' : rng.pick(['intent', 'follow_up', 'no_fit'] as const);
      const kind = rng.weighted([
        ['roadshow', 45],
        ['visit', 30],
        ['introduction', 25],
      ] as const);
      const occurredOn = earlierDay(
        addDays(achievement.collectedOn, rng.int(10, 120)),
        agreement ? LAST_AGREEMENT_DAY : LAST_RECORD_DAY,
      );
      matchmakings.push({
        advisor,
        team: ref.team,
        achievement: ref,
        kind,
        occurredOn,
        notes: fill(ACHIEVEMENT_NOTES[kind][outcome], {
          team: this.teams[ref.team].name,
          enterprise: enterprise.name,
          achievement: achievement.title,
          event: rng.pick(ROADSHOW_EVENTS),
        }),
        outcome,
      });
      if (agreement) {
        const deal = { advisor, buyer: enterprise.name, district: enterprise.district };
        conversions.push(conversion(ref, rng.weighted(ACHIEVEMENT_CONVERSION_WEIGHTS), occurredOn, deal));
      }
    }
  }
}

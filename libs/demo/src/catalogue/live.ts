import { INDUSTRIES } from '@jiebang/contracts';
import { advisorOf } from './advisors';
import { sharedBigrams } from './affinity';
import { addDays, beijingAt, daysBetween } from './dates';
import { ENTERPRISES } from './enterprises';
import { type BidSeed, composeProposal, type MatchmakingSeed } from './matching-plan';
import { BID_MATCHMAKING_NOTES, fill } from './matching-texts';
import { composeNeedOn, type NeedDraft, ownerFit, titleOf } from './needs';
import { hashSeed, Random } from './random';
import { TOPICS, type Topic } from './topics';
import type { BatchSeed, EnterpriseSeed, NeedFields, NeedSeed, TeamSeed } from './types';

/**
 * The live programme: a fourth batch released a few days before the seed, open for bids now, so
 * that every role has work on the first start. Its content is the same on every run; only its
 * dates follow the day of seeding.
 */
export const LIVE_RELEASED_DAYS_AGO = 10;
const LIVE_NEEDS = 40;
/** Bid deadlines spread over this many days from the seed day. */
const DEADLINE_DAYS: readonly [first: number, last: number] = [10, 60];
/** Needs written for the featured team's profile, so that its recommendations find work. */
const FEATURED_NEEDS = 8;
/** team-01 and ent-001: the team and enterprise accounts the README names. */
const FEATURED_TEAM = 0;
const FEATURED_ENTERPRISE = 'ent-001';
const DRAFTS = 3;
const UNDER_REVIEW = 2;
const NEEDS_WITH_BIDS = 16;
const DRAFT_BIDS = 5;

/** A need of the live batch: published with its own deadline (ISO instant). */
export interface LiveNeedSeed extends NeedFields {
  bidDeadline: string;
}

/** A need still with its enterprise (`submittedAt` null) or waiting for review. */
export interface PendingNeedSeed {
  need: NeedFields;
  createdAt: string;
  submittedAt: string | null;
}

/** A bid on a live need (`need` indexes the live needs); `submit: false` leaves it a draft. */
export interface LiveBidSeed extends BidSeed {
  submit: boolean;
}

export interface LiveProgramme {
  /** The ISO day the programme was built for (Beijing). */
  today: string;
  batch: BatchSeed;
  needs: LiveNeedSeed[];
  pending: PendingNeedSeed[];
  bids: LiveBidSeed[];
  /** Advisors' introductions before some of the bids; `need` indexes the live needs. */
  matchmakings: MatchmakingSeed[];
}

type Pair = NeedDraft;

/**
 * Builds the live programme for `today` (an ISO day, Beijing) from the topics the 2023 catalogue
 * left unused, so that no title repeats one of `history`. Identical content for every `today`.
 */
export function buildLiveProgramme(
  today: string,
  history: readonly NeedSeed[],
  teams: readonly TeamSeed[],
): LiveProgramme {
  const rng = new Random(hashSeed('live programme'));
  const pairs = choosePairs(rng, history, teams[FEATURED_TEAM]);
  const owners = chooseOwners(pairs);
  const release = addDays(today, -LIVE_RELEASED_DAYS_AGO);
  const [first, last] = DEADLINE_DAYS;
  const offsets = rng.shuffle(
    Array.from({ length: LIVE_NEEDS }, (_, i) => first + Math.round((i * (last - first)) / (LIVE_NEEDS - 1))),
  );
  const compose = (pair: Pair, index: number) => composeNeedOn(rng, pair, owners[index]);

  const needs = pairs.slice(0, LIVE_NEEDS).map((pair, index) => ({
    ...compose(pair, index),
    bidDeadline: `${addDays(today, offsets[index])}T15:59:59.000Z`,
  }));
  const pending = pairs.slice(LIVE_NEEDS).map((pair, k) => {
    const index = LIVE_NEEDS + k;
    const review = k >= DRAFTS;
    return {
      need: compose(pair, index),
      createdAt: beijingAt(addDays(today, -rng.int(review ? 6 : 1, review ? 9 : 4)), rng.int(9, 17), rng.int(0, 59)),
      submittedAt: review ? beijingAt(addDays(today, -rng.int(1, 3)), rng.int(9, 17), rng.int(0, 59)) : null,
    };
  });
  const bids = chooseBids(rng, needs, teams, release, today);
  return {
    today,
    batch: {
      title: `${today.slice(0, 4)}年第四批关键核心技术需求榜单`,
      releaseDate: release,
      venue: '绵阳科技城新区科创服务中心',
      defaultBidDeadline: addDays(today, last),
      size: LIVE_NEEDS,
    },
    needs,
    pending,
    bids,
    matchmakings: introductions(rng, needs, teams, bids, release),
  };
}

/**
 * The (topic, context) pairs of the live needs, then of the pending ones: first those that best
 * fit the featured team, then the industries in turn, so that every industry has live needs.
 */
function choosePairs(rng: Random, history: readonly NeedSeed[], featured: TeamSeed): Pair[] {
  const used = new Set(history.map((need) => need.title));
  const unused = new Map(
    INDUSTRIES.map((industry) => [
      industry,
      rng.shuffle(
        TOPICS[industry].flatMap((topic) =>
          topic.contexts
            .map((context) => ({ industry, topic, context, title: titleOf(topic, context) }))
            .filter((pair) => !used.has(pair.title)),
        ),
      ),
    ]),
  );
  const terms = [...featured.researchFields, ...featured.keywords];
  const fit = (pair: Pair) =>
    terms.filter((term) => `${pair.title}${pair.topic.keywords.join('')}`.includes(term)).length;
  // The featured team's topics were much used in 2023: a topic whose contexts ran out comes back
  // as a second phase (二期) of a 2023 need.
  const perTopic = new Map<Topic, number>();
  const featuredPairs = featured.industries
    .flatMap((industry) =>
      TOPICS[industry].flatMap((topic) =>
        topic.contexts.map((context) => ({ industry, topic, context, title: titleOf(topic, context) })),
      ),
    )
    .map((pair) => ({ pair, fit: fit(pair), fresh: !used.has(pair.title) }))
    .filter(({ fit }) => fit > 0)
    .sort((a, b) => b.fit - a.fit || Number(b.fresh) - Number(a.fresh))
    .filter(({ pair }) => {
      const count = perTopic.get(pair.topic) ?? 0;
      perTopic.set(pair.topic, count + 1);
      return count < 2;
    })
    .slice(0, FEATURED_NEEDS)
    .map(({ pair, fresh }) => (fresh ? pair : { ...pair, title: `${pair.title}（二期）` }));
  if (featuredPairs.length < FEATURED_NEEDS) throw new Error('Not enough topics for the featured team');
  const chosen = [...featuredPairs];
  const wanted = LIVE_NEEDS + DRAFTS + UNDER_REVIEW;
  for (let round = 0; chosen.length < wanted; round++) {
    const before = chosen.length;
    for (const industry of INDUSTRIES) {
      const next = unused.get(industry)!.find((pair) => !chosen.some((c) => c.title === pair.title));
      if (next && chosen.length < wanted) chosen.push(next);
    }
    if (chosen.length === before) throw new Error('Not enough unused topics for the live programme');
  }
  return chosen;
}

/**
 * The best-fitting enterprise of each pair's industry, less keen the more live needs it has; the
 * featured enterprise owns the first open need and the first draft of its industries.
 */
function chooseOwners(pairs: readonly Pair[]): EnterpriseSeed[] {
  const load = new Map<string, number>();
  const featured = ENTERPRISES.find((enterprise) => enterprise.key === FEATURED_ENTERPRISE)!;
  const featuredAt = [
    pairs.findIndex((pair, index) => index < LIVE_NEEDS && featured.industries.includes(pair.industry)),
    pairs.findIndex((pair, index) => index >= LIVE_NEEDS && featured.industries.includes(pair.industry)),
  ];
  return pairs.map((pair, index) => {
    const owner = featuredAt.includes(index)
      ? featured
      : ENTERPRISES.filter((enterprise) => enterprise.industries.includes(pair.industry))
          .map((enterprise) => ({
            enterprise,
            value: ownerFit(enterprise, pair) - 3 * (load.get(enterprise.key) ?? 0),
          }))
          .reduce((best, next) => (next.value > best.value ? next : best)).enterprise;
    load.set(owner.key, (load.get(owner.key) ?? 0) + 1);
    return owner;
  });
}

/**
 * Bids in progress: some needs with one to three submitted bids from teams of their industry,
 * the featured enterprise's need among them, a few drafts; the featured team has one of each.
 */
function chooseBids(
  rng: Random,
  needs: readonly LiveNeedSeed[],
  teams: readonly TeamSeed[],
  release: string,
  today: string,
): LiveBidSeed[] {
  const fitting = (n: number) =>
    teams
      .flatMap((team, t) =>
        t !== FEATURED_TEAM && team.industries.includes(needs[n].industry)
          ? [{ team: t, description: [...team.researchFields, ...team.keywords].join('、') }]
          : [],
      )
      .map(({ team, description }) => ({
        team,
        value: sharedBigrams(description, `${needs[n].title}${needs[n].keywords.join('')}`) + rng.float(0, 3),
      }))
      .sort((a, b) => b.value - a.value)
      .map(({ team }) => team);
  const featuredOwned = needs.findIndex((need) => need.enterpriseKey === FEATURED_ENTERPRISE);
  const others = rng.shuffle(needs.map((_, n) => n).filter((n) => n >= FEATURED_NEEDS && n !== featuredOwned));
  const withBids = [featuredOwned, ...others.slice(0, NEEDS_WITH_BIDS - 1)];
  const withDrafts = others.slice(NEEDS_WITH_BIDS - 1, NEEDS_WITH_BIDS - 1 + DRAFT_BIDS);
  const planned: Array<{ need: number; team: number; submit: boolean }> = [
    { need: 0, team: FEATURED_TEAM, submit: true },
    { need: 1, team: FEATURED_TEAM, submit: false },
    ...withBids.flatMap((n) =>
      fitting(n)
        .slice(0, n === featuredOwned ? 3 : rng.int(1, 3))
        .map((team) => ({ need: n, team, submit: true })),
    ),
    ...withDrafts.map((n) => ({ need: n, team: fitting(n)[0], submit: false })),
  ];
  const span = daysBetween(release, today) - 2;
  return planned.map(({ need, team, submit }) => {
    const day = addDays(release, 1 + rng.int(0, span));
    return {
      need,
      team,
      at: beijingAt(day, rng.int(9, 17), rng.int(0, 59)),
      submit,
      proposal: composeProposal(rng, needs[need], teams[team], needs[need].bidDeadline.slice(0, 10)),
    };
  });
}

/** The serving advisor introduced the team to the owner a few days before most submitted bids. */
function introductions(
  rng: Random,
  needs: readonly LiveNeedSeed[],
  teams: readonly TeamSeed[],
  bids: readonly LiveBidSeed[],
  release: string,
): MatchmakingSeed[] {
  const names = new Map(ENTERPRISES.map((enterprise) => [enterprise.key, enterprise.name]));
  return bids
    .filter((bid) => bid.submit && rng.chance(0.6))
    .map((bid) => {
      const need = needs[bid.need];
      const team = teams[bid.team];
      const bidDay = bid.at.slice(0, 10);
      const day = addDays(release, 1 + rng.int(0, Math.max(0, daysBetween(release, bidDay) - 2)));
      const kind = rng.chance(0.6) ? 'introduction' : 'meeting';
      const outcome = rng.chance(0.65) ? 'intent' : 'follow_up';
      return {
        advisor: advisorOf(need.enterpriseKey),
        need: bid.need,
        team: bid.team,
        kind,
        occurredOn: day,
        notes: fill(BID_MATCHMAKING_NOTES[kind][outcome], {
          team: team.name,
          owner: names.get(need.enterpriseKey)!,
          need: need.title,
          field: team.researchFields[0],
          indicator: need.indicators[0].name,
        }),
        outcome,
      };
    });
}

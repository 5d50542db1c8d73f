import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import type { DemandStatus, Principal } from '@jiebang/contracts';
import { DemandsService } from '@jiebang/demand';
import { Clock } from '@jiebang/platform';
import {
  AdvisorRecordsService,
  AwardService,
  BidsService,
  type EngagementView,
  EngagementsService,
  type FunnelView,
  ListingsService,
  type StatsQuery,
  StatsService,
  TeamsService,
} from '@jiebang/matching';
import {
  type AchievementRef,
  beijingAt,
  type LiveProgramme,
  type MatchingPlan,
  type MatchmakingSeed,
  type MilestoneStepSeed,
  type TeamSeed,
} from './catalogue';
import { concurrently } from './concurrently';

const POLL_MS = 200;
const WAIT_LIMIT_MS = 60_000;

/** Who plays the story, as demo accounts; each list is aligned with the catalogue's. */
export interface MatchingCast {
  admin: Principal;
  teams: Principal[];
  advisors: Principal[];
  /** The owner enterprise of each need. */
  owners: Principal[];
}

/** The ids the database gave what the catalogue seeded, aligned with the catalogue's lists. */
export interface SeededIds {
  needs: string[];
  /** Per team, its achievements' ids. */
  achievements: string[][];
}

/**
 * The matching side of the demo: teams file profiles and achievements, bid on published needs,
 * owners award and follow the work, advisors record matchmakings and conversions — all through
 * matching's own services with the historical dates of the plan.
 */
@Injectable()
export class MatchingStory {
  constructor(
    private readonly listings: ListingsService,
    private readonly teams: TeamsService,
    private readonly bids: BidsService,
    private readonly awards: AwardService,
    private readonly engagements: EngagementsService,
    private readonly records: AdvisorRecordsService,
    private readonly stats: StatsService,
    private readonly demands: DemandsService,
    private readonly clock: Clock,
  ) {}

  /** Files every team's profile and achievements; returns the achievements' ids per team. */
  async fileTeams(teams: readonly TeamSeed[], principals: readonly Principal[]): Promise<string[][]> {
    await concurrently(teams, async (team, t) => {
      const { summary, researchFields, keywords, members } = team;
      await this.clock.replayAt(new Date(beijingAt(team.joinedOn, 9, 30)), () =>
        this.teams.save({ summary, researchFields, keywords, members }, { principal: principals[t] }),
      );
    });
    const ids: string[][] = teams.map(() => []);
    await concurrently(teams, async (team, t) => {
      for (const { collectedOn, ...achievement } of team.achievements) {
        const view = await this.clock.replayAt(new Date(beijingAt(collectedOn, 15)), () =>
          this.teams.addAchievement(achievement, { principal: principals[t] }),
        );
        ids[t].push(view.achievements.find((a) => a.title === achievement.title)!.id);
      }
    });
    return ids;
  }

  /** Plays the plan: bids, awards and engagements, then the advisors' records. */
  async play(plan: MatchingPlan, ids: SeededIds, cast: MatchingCast): Promise<void> {
    await this.awaitListings(plan, ids);
    const bidIds: string[] = [];
    await concurrently(plan.bids, async (bid, index) => {
      const created = await this.clock.replayAt(new Date(bid.at), () =>
        this.bids.create(ids.needs[bid.need], { ...bid.proposal, submit: true }, { principal: cast.teams[bid.team] }),
      );
      bidIds[index] = created.id;
    });

    const engagementOfBid = new Map<string, EngagementView>();
    await concurrently(plan.awards, async (award) => {
      const decided = await this.clock.replayAt(new Date(award.at), () =>
        this.awards.award(
          ids.needs[award.need],
          {
            winnerBidIds: award.winners.map((bid) => bidIds[bid]),
            feedback: award.feedback.map(({ bid, category, text }) => ({ bidId: bidIds[bid], category, text })),
          },
          { principal: cast.owners[award.need] },
        ),
      );
      for (const id of decided.engagementIds) {
        const engagement = await this.engagements.get(id, cast.admin);
        engagementOfBid.set(engagement.bidId, engagement);
      }
    });

    const achievementId = (ref?: AchievementRef) => ref && ids.achievements[ref.team][ref.index];
    await Promise.all([
      this.playEngagements(plan, ids, cast, bidIds, engagementOfBid),
      concurrently(plan.matchmakings, (record) => this.recordMatchmaking(record, ids, cast)),
      concurrently(plan.conversions, async (record) => {
        const bidId = record.bid === undefined ? undefined : bidIds[record.bid];
        await this.clock.replayAt(new Date(beijingAt(record.signedOn, 17)), () =>
          this.records.recordConversion(
            {
              title: record.title,
              kind: record.kind,
              contractValue: record.contractValue,
              signedOn: record.signedOn,
              demandId: record.need === undefined ? undefined : ids.needs[record.need],
              bidId,
              engagementId: record.engagement && bidId ? engagementOfBid.get(bidId)!.id : undefined,
              achievementId: achievementId(record.achievement),
              parties: record.parties,
              evidenceRef: record.evidenceRef,
            },
            { principal: cast.advisors[record.advisor] },
          ),
        );
      }),
    ]);
  }

  /**
   * Demand moves a need as matching's award and engagement events arrive, each type on its own
   * queue. Weeks apart in the story but milliseconds apart here, they would race; so each move is
   * let land before the next: awarded, then started by a first delivery, then the rest of the work.
   */
  private async playEngagements(
    plan: MatchingPlan,
    ids: SeededIds,
    cast: MatchingCast,
    bidIds: string[],
    engagementOfBid: Map<string, EngagementView>,
  ): Promise<void> {
    const needOf = (bid: number) => ids.needs[plan.bids[bid].need];
    await this.awaitDemands(
      plan.awards.map((award) => ids.needs[award.need]),
      ['awarded', 'in_progress', 'completed'],
      'demand to record the awards',
      cast.admin,
    );
    const play = (round: 'first' | 'rest') =>
      concurrently(plan.engagements, async ({ bid, steps }) => {
        const engagement = engagementOfBid.get(bidIds[bid])!;
        const parties = { team: cast.teams[plan.bids[bid].team], owner: cast.owners[plan.bids[bid].need] };
        for (const step of round === 'first' ? steps.slice(0, 1) : steps.slice(1)) {
          await this.move(engagement, step, parties);
        }
      });
    await play('first');
    await this.awaitDemands(
      plan.engagements.filter(({ steps }) => steps.length > 0).map(({ bid }) => needOf(bid)),
      ['in_progress', 'completed'],
      'demand to record the engagements started',
      cast.admin,
    );
    await play('rest');
  }

  /** The live batch's bids in progress, submitted or drafted, and the advisors' introductions before them. */
  async playLive(
    live: LiveProgramme,
    needIds: string[],
    cast: Pick<MatchingCast, 'teams' | 'advisors'>,
  ): Promise<void> {
    await waitFor(
      'matching to see the live needs as published',
      async () => (await this.listings.unpublished(needIds)).length === 0,
    );
    await concurrently(live.bids, async (bid) => {
      await this.clock.replayAt(new Date(bid.at), () =>
        this.bids.create(
          needIds[bid.need],
          { ...bid.proposal, submit: bid.submit },
          { principal: cast.teams[bid.team] },
        ),
      );
    });
    await concurrently(live.matchmakings, (record) =>
      this.recordMatchmaking(record, { needs: needIds, achievements: [] }, cast),
    );
  }

  /** The programme office's funnel over what was seeded in the period. */
  funnel(admin: Principal, period: Pick<StatsQuery, 'from' | 'to'> = {}): Promise<FunnelView> {
    return this.stats.funnel(period, admin);
  }

  private async recordMatchmaking(
    record: MatchmakingSeed,
    ids: SeededIds,
    cast: Pick<MatchingCast, 'teams' | 'advisors'>,
  ): Promise<void> {
    const achievement = record.achievement && ids.achievements[record.achievement.team][record.achievement.index];
    await this.clock.replayAt(new Date(beijingAt(record.occurredOn, 19)), () =>
      this.records.recordMatchmaking(
        {
          demandId: record.need === undefined ? undefined : ids.needs[record.need],
          teamOrganisationId: record.team === undefined ? undefined : cast.teams[record.team].organisationId!,
          achievementId: achievement,
          kind: record.kind,
          occurredOn: record.occurredOn,
          notes: record.notes,
          outcome: record.outcome,
        },
        { principal: cast.advisors[record.advisor] },
      ),
    );
  }

  private async move(
    engagement: EngagementView,
    step: MilestoneStepSeed,
    parties: { team: Principal; owner: Principal },
  ): Promise<void> {
    const milestoneId = engagement.milestones.find((m) => m.seq === step.seq)!.id;
    await this.clock.replayAt(new Date(step.at), async () => {
      switch (step.action) {
        case 'submit':
          await this.engagements.submitMilestone(
            engagement.id,
            milestoneId,
            { deliverables: step.deliverables, note: step.note },
            { principal: parties.team },
          );
          return;
        case 'accept':
          await this.engagements.acceptMilestone(engagement.id, milestoneId, { principal: parties.owner });
          return;
        case 'reject':
          await this.engagements.rejectMilestone(
            engagement.id,
            milestoneId,
            { reason: step.reason },
            {
              principal: parties.owner,
            },
          );
      }
    });
  }

  /**
   * Matching learns the needs from demand's events: wait until it lists them all and holds every
   * need to be bid on as published (a listing first arrives with its submission).
   */
  private async awaitListings(plan: MatchingPlan, ids: SeededIds): Promise<void> {
    await waitFor(
      `matching to list the ${ids.needs.length} needs`,
      async () => (await this.listings.count()) >= ids.needs.length,
    );
    const toBidOn = [...new Set(plan.bids.map((bid) => ids.needs[bid.need]))];
    await waitFor(
      'matching to see the needs as published',
      async () => (await this.listings.unpublished(toBidOn)).length === 0,
    );
  }

  private async awaitDemands(
    demandIds: string[],
    statuses: DemandStatus[],
    what: string,
    admin: Principal,
  ): Promise<void> {
    const pending = new Set(demandIds);
    await waitFor(what, async () => {
      for (const id of pending) if (statuses.includes((await this.demands.get(id, admin)).status)) pending.delete(id);
      return pending.size === 0;
    });
  }
}

async function waitFor(what: string, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  while (!(await ready())) {
    if (Date.now() > deadline)
      throw new Error(`Demo seed: gave up after ${WAIT_LIMIT_MS / 1000} s waiting for ${what}`);
    await sleep(POLL_MS);
  }
}

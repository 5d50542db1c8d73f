import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { BatchesService, DemandsService } from '@jiebang/demand';
import { AccountSeeder, AdvisorsService, type SeedAccount, type SeededAccount } from '@jiebang/identity';
import type { FunnelView } from '@jiebang/matching';
import { Clock, Transactions } from '@jiebang/platform';
import {
  addDays,
  ADVISOR_NAMES,
  BATCHES,
  type BatchSeed,
  beijingDayOf,
  buildLiveProgramme,
  buildMatchingPlan,
  buildNeeds,
  buildTeams,
  ENTERPRISES,
  type LiveProgramme,
  type NeedFields,
  servedEnterpriseKeys,
  type TeamSeed,
} from './catalogue';
import { concurrently } from './concurrently';
import { MatchingStory } from './matching-story';

export const DEMO_PASSWORD = 'jiebang-demo-2023';
export const DEMO_ADMIN = 'admin@jiebang.demo';

const DAY = 24 * 3600 * 1000;

export interface DemoReport {
  enterprises: number;
  /** Published needs: the 2023 history and the live batch. */
  needs: number;
  batches: number;
  teams: number;
  achievements: number;
  /** The programme office's funnel of the 2023 programme (to its last bid deadline). */
  funnel: FunnelView;
  /** The live batch: needs open for bids, needs still with their enterprises or under review, bids. */
  live: { needs: number; drafts: number; underReview: number; bids: number; draftBids: number };
  accounts: Array<{ role: string; email: string }>;
  password: string;
}

const emailOf = (key: string): string => `${key}@jiebang.demo`;
const advisorEmail = (index: number): string => emailOf(`advisor-${String(index + 1).padStart(2, '0')}`);

/** A need's place in its batch's review: its release conference and its position in the batch. */
interface ReviewSlot {
  release: Date;
  position: number;
}

const releaseOf = (batch: BatchSeed): Date => new Date(`${batch.releaseDate}T02:00:00.000Z`);

/** Drafted 45, submitted 30 and approved 15 days before the release, needs a minute apart by position. */
const reviewDay = ({ release, position }: ReviewSlot, daysBefore: number): Date =>
  new Date(release.getTime() - daysBefore * DAY + position * 60_000);

/** A need the seeder files, with its owner's account key. */
interface Filing {
  enterpriseKey: string;
  fields: Omit<NeedFields, 'enterpriseKey'> & { bidDeadline?: string };
}

/**
 * The one demo generator: Mianyang's 2023 programme — 150 enterprises, 446 needs reviewed and
 * published at 3 release conferences, advisors serving the enterprises, 40 research teams with
 * their achievements, and the matching that followed (bids, 25 awards, engagements, matchmakings,
 * conversions) — then a live fourth batch released days before the seed day, open for bids. It
 * drives the contexts' own services with the historical dates, so audit trails and events read as
 * they would have.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    private readonly accounts: AccountSeeder,
    private readonly advisors: AdvisorsService,
    private readonly demands: DemandsService,
    private readonly batches: BatchesService,
    private readonly story: MatchingStory,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Seeds only a database without any batch, as on the first `npm start`. */
  async seedIfEmpty(): Promise<DemoReport | null> {
    if ((await this.batches.count()) > 0) return null;
    return this.seed();
  }

  /** `now` dates the live batch (default: the database's clock). */
  async seed(options: { now?: Date } = {}): Promise<DemoReport> {
    const started = Date.now();
    const needs = buildNeeds();
    const teams = buildTeams();
    const now = options.now ?? (await this.transactions.clock(this.transactions.manager));
    const live = buildLiveProgramme(beijingDayOf(now.toISOString()), needs, teams);
    const accounts = await this.seedAccounts(teams);
    const principal = (key: string) => accounts.get(emailOf(key))!;
    const admin = accounts.get(DEMO_ADMIN)!;
    await this.assignAdvisors(accounts, admin);
    const teamPrincipals = teams.map((team) => principal(team.key));
    const advisors = ADVISOR_NAMES.map((_, index) => accounts.get(advisorEmail(index))!);
    const filing = (need: NeedFields): Filing => {
      const { enterpriseKey, ...fields } = need;
      return { enterpriseKey, fields };
    };
    // Teams file their profiles while the needs go through review: the two touch different contexts.
    const [needIds, achievementIds, liveIds] = await Promise.all([
      this.seedHistory(
        needs.map(({ batch: _batch, ...need }) => filing(need)),
        needs.map((need) => need.batch),
        accounts,
        admin,
      ),
      this.story.fileTeams(teams, teamPrincipals),
      this.publishBatch(
        live.batch,
        live.needs.map((need) => filing(need)),
        accounts,
        admin,
      ),
      this.seedPending(live, accounts),
    ]);
    await this.story.play(
      buildMatchingPlan(needs, teams),
      { needs: needIds, achievements: achievementIds },
      { admin, teams: teamPrincipals, advisors, owners: needs.map((need) => principal(need.enterpriseKey)) },
    );
    await this.story.playLive(live, liveIds, { teams: teamPrincipals, advisors });
    const funnel = await this.story.funnel(admin, { to: BATCHES[BATCHES.length - 1].defaultBidDeadline });
    // The live needs reached the programme 45 days before their release.
    const liveFunnel = await this.story.funnel(admin, { from: addDays(live.batch.releaseDate, -45) });
    const achievements = achievementIds.reduce((sum, ids) => sum + ids.length, 0);
    const report: DemoReport = {
      enterprises: ENTERPRISES.length,
      needs: needIds.length + liveIds.length,
      batches: BATCHES.length + 1,
      teams: teams.length,
      achievements,
      funnel,
      live: {
        needs: liveIds.length,
        drafts: live.pending.filter((need) => need.submittedAt === null).length,
        underReview: live.pending.filter((need) => need.submittedAt !== null).length,
        bids: live.bids.filter((bid) => bid.submit).length,
        draftBids: live.bids.filter((bid) => !bid.submit).length,
      },
      accounts: [
        { role: 'admin', email: DEMO_ADMIN },
        { role: 'enterprise', email: 'ent-001@jiebang.demo' },
        { role: 'advisor', email: 'advisor-01@jiebang.demo' },
        { role: 'team', email: 'team-01@jiebang.demo' },
      ],
      password: DEMO_PASSWORD,
    };
    this.logger.log(
      `demo data ready in ${Date.now() - started} ms: ${ENTERPRISES.length} enterprises, ${report.needs} needs, ` +
        `${report.batches} batches, ${teams.length} teams, ${achievements} achievements`,
    );
    this.logger.log(`2023 programme funnel: ${describeFunnel(funnel)}`);
    this.logger.log(
      `live batch "${live.batch.title}" released ${live.batch.releaseDate}: ${report.live.needs} needs open for bids ` +
        `(deadlines ${live.needs.map((need) => need.bidDeadline.slice(0, 10)).sort()[0]} to ${live.batch.defaultBidDeadline}), ` +
        `${report.live.drafts} drafts, ${report.live.underReview} under review, ${report.live.bids} bids submitted and ` +
        `${report.live.draftBids} drafted; its funnel: ${describeFunnel(liveFunnel)}`,
    );
    this.logger.log(
      `demo accounts, password ${DEMO_PASSWORD}: ${report.accounts.map((a) => `${a.role} ${a.email}`).join(', ')}`,
    );
    return report;
  }

  private seedAccounts(teams: readonly TeamSeed[]): Promise<Map<string, SeededAccount>> {
    const accounts: SeedAccount[] = [
      { email: DEMO_ADMIN, displayName: '科技城项目办', role: 'admin' },
      ...ENTERPRISES.map((enterprise) => ({
        email: emailOf(enterprise.key),
        displayName: `${enterprise.name.slice(0, 8)}研发负责人`,
        role: 'enterprise' as const,
        organisation: { name: enterprise.name, kind: 'enterprise' as const },
      })),
      ...ADVISOR_NAMES.map((name, index) => ({
        email: advisorEmail(index),
        displayName: `${name}（科技顾问）`,
        role: 'advisor' as const,
      })),
      ...teams.map((team) => ({
        email: emailOf(team.key),
        displayName: `${team.name.slice(0, 6)}团队负责人`,
        role: 'team' as const,
        organisation: { name: team.name, kind: team.kind },
      })),
    ];
    return this.accounts.ensure(accounts, DEMO_PASSWORD);
  }

  private async assignAdvisors(accounts: Map<string, SeededAccount>, admin: Principal): Promise<void> {
    for (let index = 0; index < ADVISOR_NAMES.length; index += 1) {
      const advisor = accounts.get(advisorEmail(index))!;
      const served = servedEnterpriseKeys(index).map((key) => accounts.get(emailOf(key))!.organisationId!);
      await this.advisors.assign(advisor.userId, { organisationIds: served }, admin);
    }
  }

  /**
   * The 2023 needs, batch by batch: drafted and submitted a few at a time, then approved and
   * published. A batch's approvals (one at a time, so codes follow the catalogue) run while the
   * next batch is being submitted. Returns the ids in catalogue order.
   */
  private async seedHistory(
    needs: readonly Filing[],
    batchOf: readonly number[],
    accounts: Map<string, SeededAccount>,
    admin: Principal,
  ): Promise<string[]> {
    const members = BATCHES.map((_, index) => [...needs.keys()].filter((n) => batchOf[n] === index));
    const ids: string[] = [];
    let approvals = Promise.resolve();
    try {
      for (const [index, batch] of BATCHES.entries()) {
        const release = releaseOf(batch);
        const batchIds = await this.submitAll(
          members[index].map((n) => needs[n]),
          members[index].map((_, position) => ({ release, position })),
          accounts,
        );
        members[index].forEach((n, position) => (ids[n] = batchIds[position]));
        approvals = approvals.then(() => this.approveAndPublish(batch, batchIds, admin));
        // Awaited below; until then a failed approval must not count as an unhandled rejection.
        approvals.catch(() => undefined);
      }
    } finally {
      await approvals;
    }
    return ids;
  }

  /** One batch's needs, from draft to publication; returns their ids in the order given. */
  private async publishBatch(
    batch: BatchSeed,
    needs: readonly Filing[],
    accounts: Map<string, SeededAccount>,
    admin: Principal,
  ): Promise<string[]> {
    const release = releaseOf(batch);
    const ids = await this.submitAll(
      needs,
      needs.map((_, position) => ({ release, position })),
      accounts,
    );
    await this.approveAndPublish(batch, ids, admin);
    return ids;
  }

  /** Drafts and submits needs a few at a time, each on its own review dates; returns their ids in order. */
  private async submitAll(
    needs: readonly Filing[],
    slots: readonly ReviewSlot[],
    accounts: Map<string, SeededAccount>,
  ): Promise<string[]> {
    const ids: string[] = [];
    await concurrently(needs, async (need, n) => {
      const owner = accounts.get(emailOf(need.enterpriseKey))!;
      const draft = await this.clock.replayAt(reviewDay(slots[n], 45), () =>
        this.demands.create(need.fields, { principal: owner }),
      );
      await this.clock.replayAt(reviewDay(slots[n], 30), () => this.demands.submit(draft.id, { principal: owner }));
      ids[n] = draft.id;
    });
    return ids;
  }

  /**
   * Approves a batch's needs one at a time, so that their codes follow the catalogue, then
   * gathers them into the batch and publishes it at its release conference.
   */
  private async approveAndPublish(batch: BatchSeed, ids: readonly string[], admin: Principal): Promise<void> {
    const release = releaseOf(batch);
    for (const [position, id] of ids.entries()) {
      await this.clock.replayAt(reviewDay({ release, position }, 15), () =>
        this.demands.approve(id, { principal: admin }),
      );
    }
    const created = await this.clock.replayAt(new Date(release.getTime() - 7 * DAY), async () => {
      const draft = await this.batches.create(
        {
          title: batch.title,
          releaseDate: batch.releaseDate,
          venue: batch.venue,
          defaultBidDeadline: `${batch.defaultBidDeadline}T15:59:59.000Z`,
        },
        { principal: admin },
      );
      await this.batches.addDemands(draft.id, [...ids]);
      return draft;
    });
    await this.clock.replayAt(release, () => this.batches.publish(created.id, { principal: admin }));
  }

  /** The live batch's drafts, still with their enterprises, and the needs waiting for review. */
  private async seedPending(live: LiveProgramme, accounts: Map<string, SeededAccount>): Promise<void> {
    for (const { need, createdAt, submittedAt } of live.pending) {
      const { enterpriseKey, ...fields } = need;
      const owner = accounts.get(emailOf(enterpriseKey))!;
      const draft = await this.clock.replayAt(new Date(createdAt), () =>
        this.demands.create(fields, { principal: owner }),
      );
      if (submittedAt) {
        await this.clock.replayAt(new Date(submittedAt), () => this.demands.submit(draft.id, { principal: owner }));
      }
    }
  }
}

function describeFunnel(funnel: FunnelView): string {
  return (
    `${funnel.stages.map((stage) => `${stage.label} ${stage.count}`).join(' → ')}; ` +
    `${funnel.bids} bids, ${funnel.winners} winning teams, ${funnel.matchmakings} matchmakings, ` +
    `${funnel.conversions} conversions worth ${funnel.contractValue} 万元`
  );
}

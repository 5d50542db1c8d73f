import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { BatchesService, DemandsService } from '@jiebang/demand';
import { AccountSeeder, AdvisorsService, type SeedAccount, type SeededAccount } from '@jiebang/identity';
import type { FunnelView } from '@jiebang/matching';
import {
  ADVISOR_NAMES,
  BATCHES,
  buildMatchingPlan,
  buildNeeds,
  buildTeams,
  ENTERPRISES,
  type NeedSeed,
  servedEnterpriseKeys,
  type TeamSeed,
} from './catalogue';
import { MatchingStory } from './matching-story';

export const DEMO_PASSWORD = 'jiebang-demo-2023';
export const DEMO_ADMIN = 'admin@jiebang.demo';

const DAY = 24 * 3600 * 1000;

export interface DemoReport {
  enterprises: number;
  needs: number;
  batches: number;
  teams: number;
  achievements: number;
  /** The programme office's funnel over the seeded data. */
  funnel: FunnelView;
  accounts: Array<{ role: string; email: string }>;
  password: string;
}

const emailOf = (key: string): string => `${key}@jiebang.demo`;
const advisorEmail = (index: number): string => emailOf(`advisor-${String(index + 1).padStart(2, '0')}`);

const principalOf = (account: SeededAccount): Principal => ({
  userId: account.userId,
  role: account.role,
  organisationId: account.organisationId,
});

/**
 * The one demo generator: Mianyang's 2023 programme — 150 enterprises, 446 needs reviewed and
 * published at 3 release conferences, advisors serving the enterprises, 40 research teams with
 * their achievements, and the matching that followed (bids, 25 awards, engagements, matchmakings,
 * conversions). It drives the contexts' own services with the historical dates, so audit trails
 * and events read as they would have.
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
  ) {}

  /** Seeds only a database without any batch, as on the first `npm start`. */
  async seedIfEmpty(): Promise<DemoReport | null> {
    if ((await this.batches.count()) > 0) return null;
    return this.seed();
  }

  async seed(): Promise<DemoReport> {
    const started = Date.now();
    const needs = buildNeeds();
    const teams = buildTeams();
    const accounts = await this.seedAccounts(teams);
    const principal = (key: string) => principalOf(accounts.get(emailOf(key))!);
    const admin = principalOf(accounts.get(DEMO_ADMIN)!);
    await this.assignAdvisors(accounts, admin);
    const teamPrincipals = teams.map((team) => principal(team.key));
    // Teams file their profiles while the needs go through review: the two touch different contexts.
    const [needIds, achievementIds] = await Promise.all([
      this.seedNeeds(needs, accounts, admin),
      this.story.fileTeams(teams, teamPrincipals),
    ]);
    await this.story.play(
      buildMatchingPlan(needs, teams),
      { needs: needIds, achievements: achievementIds },
      {
        admin,
        teams: teamPrincipals,
        advisors: ADVISOR_NAMES.map((_, index) => principalOf(accounts.get(advisorEmail(index))!)),
        owners: needs.map((need) => principal(need.enterpriseKey)),
      },
    );
    const funnel = await this.story.funnel(admin);
    const achievements = achievementIds.reduce((sum, ids) => sum + ids.length, 0);
    this.logger.log(
      `demo data ready in ${Date.now() - started} ms: ${ENTERPRISES.length} enterprises, ${needIds.length} needs, ` +
        `${BATCHES.length} batches, ${teams.length} teams, ${achievements} achievements`,
    );
    this.logger.log(
      `demo funnel: ${funnel.stages.map((stage) => `${stage.label} ${stage.count}`).join(' → ')}; ` +
        `${funnel.bids} bids, ${funnel.winners} winning teams, ${funnel.matchmakings} matchmakings, ` +
        `${funnel.conversions} conversions worth ${funnel.contractValue} 万元`,
    );
    const report = {
      enterprises: ENTERPRISES.length,
      needs: needIds.length,
      batches: BATCHES.length,
      teams: teams.length,
      achievements,
      funnel,
      accounts: [
        { role: 'admin', email: DEMO_ADMIN },
        { role: 'enterprise', email: 'ent-001@jiebang.demo' },
        { role: 'advisor', email: 'advisor-01@jiebang.demo' },
        { role: 'team', email: 'team-01@jiebang.demo' },
      ],
      password: DEMO_PASSWORD,
    };
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
   * Each need is drafted, submitted and approved ahead of its release conference, then published
   * with its batch; returns the needs' ids in catalogue order.
   */
  private async seedNeeds(
    needs: readonly NeedSeed[],
    accounts: Map<string, SeededAccount>,
    admin: Principal,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (const [index, batch] of BATCHES.entries()) {
      const release = new Date(`${batch.releaseDate}T02:00:00.000Z`);
      const members = [...needs.entries()].filter(([, need]) => need.batch === index);
      for (const [position, [needIndex, need]] of members.entries()) {
        const owner = principalOf(accounts.get(emailOf(need.enterpriseKey))!);
        const offset = position * 60_000;
        const { enterpriseKey: _key, batch: _batch, ...fields } = need;
        const draft = await this.demands.create(fields, {
          principal: owner,
          at: new Date(release.getTime() - 45 * DAY + offset),
        });
        await this.demands.submit(draft.id, { principal: owner, at: new Date(release.getTime() - 30 * DAY + offset) });
        await this.demands.approve(draft.id, { principal: admin, at: new Date(release.getTime() - 15 * DAY + offset) });
        ids[needIndex] = draft.id;
      }
      const at = new Date(release.getTime() - 7 * DAY);
      const created = await this.batches.create(
        {
          title: batch.title,
          releaseDate: batch.releaseDate,
          venue: batch.venue,
          defaultBidDeadline: `${batch.defaultBidDeadline}T15:59:59.000Z`,
        },
        { principal: admin, at },
      );
      await this.batches.addDemands(
        created.id,
        members.map(([needIndex]) => ids[needIndex]),
        { principal: admin, at },
      );
      await this.batches.publish(created.id, { principal: admin, at: release });
    }
    return ids;
  }
}

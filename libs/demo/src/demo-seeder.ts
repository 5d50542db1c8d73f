import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { BatchesService, DemandsService } from '@jiebang/demand';
import { AccountSeeder, AdvisorsService, type SeedAccount, type SeededAccount } from '@jiebang/identity';
import { BATCHES, buildNeeds, ENTERPRISES } from './catalogue';

export const DEMO_PASSWORD = 'jiebang-demo-2023';
export const DEMO_ADMIN = 'admin@jiebang.demo';

const DAY = 24 * 3600 * 1000;
const ADVISOR_NAMES = ['李明远', '王思涵', '张立新', '陈雨桐', '刘建国', '杨帆', '赵静怡', '周海峰'];
const TEAM_ORGANISATIONS = [
  { name: '科技城先进材料研究院（示例）', kind: 'institute' as const },
  { name: '川北理工大学智能装备实验室（示例）', kind: 'university' as const },
  { name: '涪江光电技术有限公司（示例）', kind: 'company' as const },
];

export interface DemoReport {
  enterprises: number;
  needs: number;
  batches: number;
  accounts: Array<{ role: string; email: string }>;
  password: string;
}

const principalOf = (account: SeededAccount): Principal => ({
  userId: account.userId,
  role: account.role,
  organisationId: account.organisationId,
});

/**
 * The one demo generator: Mianyang's 2023 programme — 150 enterprises, 446 needs reviewed and
 * published at 3 release conferences, advisors serving the enterprises. It drives the contexts'
 * own services with the historical dates, so audit trails and events read as they would have.
 * Later contexts extend it with their own steps (teams, bids, awards, advisor records).
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    private readonly accounts: AccountSeeder,
    private readonly advisors: AdvisorsService,
    private readonly demands: DemandsService,
    private readonly batches: BatchesService,
  ) {}

  /** Seeds only a database without any batch, as on the first `npm start`. */
  async seedIfEmpty(): Promise<DemoReport | null> {
    if ((await this.batches.count()) > 0) return null;
    return this.seed();
  }

  async seed(): Promise<DemoReport> {
    const started = Date.now();
    const accounts = await this.seedAccounts();
    const admin = principalOf(accounts.get(DEMO_ADMIN)!);
    await this.assignAdvisors(accounts, admin);
    const needs = await this.seedNeeds(accounts, admin);
    this.logger.log(
      `demo data ready in ${Date.now() - started} ms: ${ENTERPRISES.length} enterprises, ${needs} needs, ${BATCHES.length} batches`,
    );
    const report = {
      enterprises: ENTERPRISES.length,
      needs,
      batches: BATCHES.length,
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

  private seedAccounts(): Promise<Map<string, SeededAccount>> {
    const accounts: SeedAccount[] = [
      { email: DEMO_ADMIN, displayName: '科技城项目办', role: 'admin' },
      ...ENTERPRISES.map((enterprise) => ({
        email: `${enterprise.key}@jiebang.demo`,
        displayName: `${enterprise.name.slice(0, 8)}研发负责人`,
        role: 'enterprise' as const,
        organisation: { name: enterprise.name, kind: 'enterprise' as const },
      })),
      ...ADVISOR_NAMES.map((name, index) => ({
        email: `advisor-${String(index + 1).padStart(2, '0')}@jiebang.demo`,
        displayName: `${name}（科技顾问）`,
        role: 'advisor' as const,
      })),
      ...TEAM_ORGANISATIONS.map((organisation, index) => ({
        email: `team-${String(index + 1).padStart(2, '0')}@jiebang.demo`,
        displayName: `${organisation.name.slice(0, 6)}团队负责人`,
        role: 'team' as const,
        organisation,
      })),
    ];
    return this.accounts.ensure(accounts, DEMO_PASSWORD);
  }

  /** Each advisor serves a contiguous slice of the enterprises, as districts assign them. */
  private async assignAdvisors(accounts: Map<string, SeededAccount>, admin: Principal): Promise<void> {
    const perAdvisor = Math.ceil(ENTERPRISES.length / ADVISOR_NAMES.length);
    for (let index = 0; index < ADVISOR_NAMES.length; index += 1) {
      const advisor = accounts.get(`advisor-${String(index + 1).padStart(2, '0')}@jiebang.demo`)!;
      const served = ENTERPRISES.slice(index * perAdvisor, (index + 1) * perAdvisor).map(
        (e) => accounts.get(`${e.key}@jiebang.demo`)!.organisationId!,
      );
      await this.advisors.assign(advisor.userId, { organisationIds: served }, admin);
    }
  }

  /** Each need is drafted, submitted and approved ahead of its release conference, then published with its batch. */
  private async seedNeeds(accounts: Map<string, SeededAccount>, admin: Principal): Promise<number> {
    const needs = buildNeeds();
    let count = 0;
    for (const [index, batch] of BATCHES.entries()) {
      const release = new Date(`${batch.releaseDate}T02:00:00.000Z`);
      const members = needs.filter((need) => need.batch === index);
      const ids: string[] = [];
      for (const [position, need] of members.entries()) {
        const owner = principalOf(accounts.get(`${need.enterpriseKey}@jiebang.demo`)!);
        const offset = position * 60_000;
        const { enterpriseKey: _key, batch: _batch, ...fields } = need;
        const draft = await this.demands.create(fields, {
          principal: owner,
          at: new Date(release.getTime() - 45 * DAY + offset),
        });
        await this.demands.submit(draft.id, { principal: owner, at: new Date(release.getTime() - 30 * DAY + offset) });
        await this.demands.approve(draft.id, { principal: admin, at: new Date(release.getTime() - 15 * DAY + offset) });
        ids.push(draft.id);
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
      await this.batches.addDemands(created.id, ids, { principal: admin, at });
      await this.batches.publish(created.id, { principal: admin, at: release });
      count += ids.length;
    }
    return count;
  }
}

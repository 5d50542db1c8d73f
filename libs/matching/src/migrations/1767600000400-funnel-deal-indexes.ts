import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Filtered by industry, the funnel counts an advisor's records of achievements' deals (no need) by
 * the achievement's industry. These partial covering indexes let that half be read from indexes
 * alone, beside the records of needs in scope (StatsRepository.funnel reads the two halves apart).
 */
export class FunnelDealIndexes1767600000400 implements MigrationInterface {
  name = 'FunnelDealIndexes1767600000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX matchmaking_deal_funnel_idx ON matching.matchmaking (occurred_on)
         INCLUDE (achievement_id) WHERE demand_id IS NULL`,
    );
    await runner.query(
      `CREATE INDEX conversion_deal_funnel_idx ON matching.conversion (signed_on)
         INCLUDE (achievement_id, contract_value) WHERE demand_id IS NULL`,
    );
    await runner.query('CREATE INDEX achievement_industry_funnel_idx ON matching.achievement (industry) INCLUDE (id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const index of ['matchmaking_deal', 'conversion_deal', 'achievement_industry']) {
      await runner.query(`DROP INDEX matching.${index}_funnel_idx`);
    }
  }
}

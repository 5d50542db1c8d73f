import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The organisations that won a need, as matching's award reported them: they read its confidential fields. */
export class RecordAwardWinners1766000000200 implements MigrationInterface {
  name = 'RecordAwardWinners1766000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE demand.award_winner (
        demand_id uuid NOT NULL REFERENCES demand.demand (id),
        organisation_id uuid NOT NULL,
        PRIMARY KEY (demand_id, organisation_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE demand.award_winner');
  }
}

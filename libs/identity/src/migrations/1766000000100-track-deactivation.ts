import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who deactivated an account and when; the database keeps them in step with `active`. */
export class TrackDeactivation1766000000100 implements MigrationInterface {
  name = 'TrackDeactivation1766000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE identity.user_account
        ADD COLUMN deactivated_at timestamptz,
        ADD COLUMN deactivated_by uuid REFERENCES identity.user_account (id)`);
    await runner.query('UPDATE identity.user_account SET deactivated_at = updated_at WHERE NOT active');
    await runner.query(`
      ALTER TABLE identity.user_account
        ADD CONSTRAINT user_account_deactivation_check CHECK (
          active = (deactivated_at IS NULL) AND (deactivated_by IS NULL OR deactivated_at IS NOT NULL)
        )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE identity.user_account
        DROP CONSTRAINT user_account_deactivation_check,
        DROP COLUMN deactivated_by,
        DROP COLUMN deactivated_at`);
  }
}

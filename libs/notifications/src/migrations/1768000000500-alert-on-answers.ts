import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A new alert kind users choose channels for: a question on a need they follow was answered (答疑). */
export class AlertOnAnswers1768000000500 implements MigrationInterface {
  name = 'AlertOnAnswers1768000000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE notifications.preference DROP CONSTRAINT preference_kind_check,
        ADD CONSTRAINT preference_kind_check
        CHECK (kind IN ('need_matched', 'deadline_reminder', 'followed_status', 'followed_answer'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM notifications.preference WHERE kind = 'followed_answer'`);
    await runner.query(`
      ALTER TABLE notifications.preference DROP CONSTRAINT preference_kind_check,
        ADD CONSTRAINT preference_kind_check CHECK (kind IN ('need_matched', 'deadline_reminder', 'followed_status'))`);
  }
}

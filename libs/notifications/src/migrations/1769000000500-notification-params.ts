import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A message's parameters beside its Chinese text, so the app renders it in the reader's language
 * (`kind` names the template). Older rows have none and show their stored text.
 */
export class NotificationParams1769000000500 implements MigrationInterface {
  name = 'NotificationParams1769000000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE notifications.notification ADD COLUMN params jsonb NOT NULL DEFAULT '{}'::jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE notifications.notification DROP COLUMN params');
  }
}

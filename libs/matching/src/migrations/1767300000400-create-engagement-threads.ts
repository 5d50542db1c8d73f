import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An engagement's thread: its messages in the order the database gave them (a per-thread counter
 * taken under the counter row's lock, so concurrent posts never share or skip a place), and how
 * far each user has read. Attachments will hang off `engagement_message.id` in a table of their
 * own, so a message's text may be empty in the schema even though the API asks for text today.
 */
export class CreateEngagementThreads1767300000400 implements MigrationInterface {
  name = 'CreateEngagementThreads1767300000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE matching.engagement_thread (
        engagement_id uuid PRIMARY KEY REFERENCES matching.engagement (id),
        last_seq integer NOT NULL CHECK (last_seq > 0)
      )`);
    await runner.query(`
      CREATE TABLE matching.engagement_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        engagement_id uuid NOT NULL REFERENCES matching.engagement_thread (engagement_id),
        seq integer NOT NULL CHECK (seq > 0),
        author_id uuid NOT NULL,
        author_role text NOT NULL CHECK (author_role IN ('enterprise', 'team', 'advisor', 'admin')),
        author_organisation_id uuid,
        body text NOT NULL CHECK (char_length(body) <= 4000),
        created_at timestamptz NOT NULL,
        UNIQUE (engagement_id, seq)
      )`);
    await runner.query(`
      CREATE TABLE matching.engagement_thread_read (
        engagement_id uuid NOT NULL REFERENCES matching.engagement (id),
        user_id uuid NOT NULL,
        last_read_seq integer NOT NULL CHECK (last_read_seq >= 0),
        read_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, engagement_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['engagement_thread_read', 'engagement_message', 'engagement_thread']) {
      await runner.query(`DROP TABLE matching.${table}`);
    }
  }
}

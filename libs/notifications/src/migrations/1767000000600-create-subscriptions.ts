import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subscriptions and alerts: needs followed, saved searches and team profiles acting as one,
 * per-user channel preferences, the reminders already sent (once per follower, need and stage,
 * whatever the job's schedule or replicas), and the digests that gather a publication's matches
 * into one email per user.
 */
export class CreateSubscriptions1767000000600 implements MigrationInterface {
  name = 'CreateSubscriptions1767000000600';

  async up(runner: QueryRunner): Promise<void> {
    // An inbox row may exist only for its email copy when the user turned that alert off in-app.
    await runner.query('ALTER TABLE notifications.notification ADD COLUMN hidden boolean NOT NULL DEFAULT false');
    await runner.query(`
      CREATE TABLE notifications.subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        organisation_id uuid,
        kind text NOT NULL CHECK (kind IN ('need', 'search', 'profile')),
        demand_id uuid,
        name text,
        query text NOT NULL DEFAULT '',
        industries text[] NOT NULL DEFAULT '{}',
        districts text[] NOT NULL DEFAULT '{}',
        cooperation_modes text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'need') = (demand_id IS NOT NULL)),
        CHECK ((kind = 'search') = (name IS NOT NULL)),
        CHECK (kind <> 'profile' OR organisation_id IS NOT NULL)
      )`);
    await runner.query('CREATE INDEX subscription_user_idx ON notifications.subscription (user_id, created_at)');
    await runner.query(
      `CREATE UNIQUE INDEX subscription_follow_key ON notifications.subscription (demand_id, user_id) WHERE kind = 'need'`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX subscription_profile_key ON notifications.subscription (user_id) WHERE kind = 'profile'`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX subscription_search_name_key ON notifications.subscription (user_id, name) WHERE kind = 'search'`,
    );

    // Teams' profile terms, from matching's profile events: what a profile subscription searches for.
    await runner.query(`
      CREATE TABLE notifications.team_profile (
        organisation_id uuid PRIMARY KEY,
        terms text[] NOT NULL,
        visible boolean NOT NULL,
        version integer NOT NULL
      )`);

    await runner.query(`
      CREATE TABLE notifications.preference (
        user_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('need_matched', 'deadline_reminder', 'followed_status')),
        in_app boolean NOT NULL,
        email boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      )`);

    await runner.query(`
      CREATE TABLE notifications.reminder (
        user_id uuid NOT NULL,
        demand_id uuid NOT NULL,
        stage text NOT NULL CHECK (stage IN ('d7', 'd1')),
        sent_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, demand_id, stage)
      )`);

    await runner.query(`
      CREATE TABLE notifications.digest (
        user_id uuid NOT NULL,
        batch_key text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, batch_key)
      )`);
    await runner.query(
      `CREATE INDEX digest_due_idx ON notifications.digest (next_at) WHERE status IN ('pending', 'sending')`,
    );
    await runner.query(`
      CREATE TABLE notifications.digest_item (
        user_id uuid NOT NULL,
        batch_key text NOT NULL,
        demand_id uuid NOT NULL,
        title text NOT NULL,
        code text,
        reason text NOT NULL,
        -- Set once the digest email carrying it went out: an item added while its digest was
        -- being sent, or after, goes out with the next round instead of being lost.
        mailed boolean NOT NULL DEFAULT false,
        PRIMARY KEY (user_id, batch_key, demand_id),
        FOREIGN KEY (user_id, batch_key) REFERENCES notifications.digest (user_id, batch_key) ON DELETE CASCADE
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['digest_item', 'digest', 'reminder', 'preference', 'team_profile', 'subscription']) {
      await runner.query(`DROP TABLE notifications.${table}`);
    }
    await runner.query('ALTER TABLE notifications.notification DROP COLUMN hidden');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables notifications took over from matching, in the order their references need. */
const MOVED = ['notification', 'notification_read'] as const;

/**
 * Notifications become a context of their own, in schema `notifications`. Where matching's
 * migration created the inbox tables, they are moved with their rows, indexes and constraints
 * (`ALTER TABLE … SET SCHEMA` rewrites nothing); a database without them gets them created. The
 * recipients and the read model of needs and advisors' portfolios start from what matching holds
 * (matching keeps its recipients: its evaluation reads users' organisations), so messages about
 * existing needs keep their titles, advisors and addresses; events keep them current from then on.
 */
export class CreateNotificationsSchema1767000000500 implements MigrationInterface {
  name = 'CreateNotificationsSchema1767000000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE SCHEMA IF NOT EXISTS notifications');
    await runner.query(`
      CREATE TABLE notifications.recipient (
        user_id uuid PRIMARY KEY,
        organisation_id uuid,
        role text NOT NULL,
        email text NOT NULL,
        display_name text NOT NULL
      )`);
    await runner.query('CREATE INDEX recipient_organisation_idx ON notifications.recipient (organisation_id)');
    if (await runner.hasTable('matching.notification')) {
      for (const table of MOVED) await runner.query(`ALTER TABLE matching.${table} SET SCHEMA notifications`);
      // Matching keeps its own copy of the users: its evaluation reads their organisations.
      await runner.query(`
        INSERT INTO notifications.recipient (user_id, organisation_id, role, email, display_name)
        SELECT user_id, organisation_id, role, email, display_name FROM matching.recipient`);
    } else {
      await createInboxTables(runner);
    }

    await runner.query(`
      CREATE TABLE notifications.need (
        demand_id uuid PRIMARY KEY,
        title text NOT NULL,
        code text,
        owner_organisation_id uuid NOT NULL,
        status text NOT NULL,
        bid_deadline timestamptz,
        version integer NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE notifications.advisor_portfolio (
        advisor_id uuid PRIMARY KEY,
        organisation_ids uuid[] NOT NULL,
        version integer NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX advisor_portfolio_organisations_idx ON notifications.advisor_portfolio USING gin (organisation_ids)',
    );
    if (await runner.hasTable('matching.listing')) {
      await runner.query(`
        INSERT INTO notifications.need (demand_id, title, code, owner_organisation_id, status, bid_deadline, version)
        SELECT demand_id, title, code, owner_organisation_id, status, bid_deadline, version FROM matching.listing`);
    }
    if (await runner.hasTable('matching.advisor_portfolio')) {
      await runner.query(`
        INSERT INTO notifications.advisor_portfolio (advisor_id, organisation_ids, version)
        SELECT advisor_id, organisation_ids, version FROM matching.advisor_portfolio`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    if (await runner.hasTable('matching.listing')) {
      for (const table of MOVED) await runner.query(`ALTER TABLE notifications.${table} SET SCHEMA matching`);
    }
    await runner.query('DROP SCHEMA notifications CASCADE');
  }
}

async function createInboxTables(runner: QueryRunner): Promise<void> {
  // A message goes to an organisation (every member, also those who join later) or to one user;
  // the inbox is resolved when read, so it never depends on how current the recipients are.
  await runner.query(`
    CREATE TABLE notifications.notification (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      event_id uuid NOT NULL,
      organisation_id uuid,
      role text CHECK (role IN ('enterprise', 'team')),
      user_id uuid,
      kind text NOT NULL,
      title text NOT NULL,
      body text NOT NULL,
      link text,
      created_at timestamptz NOT NULL DEFAULT now(),
      email_status text NOT NULL CHECK (email_status IN ('off', 'pending', 'sending', 'sent', 'failed')),
      email_attempts integer NOT NULL DEFAULT 0,
      email_next_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((organisation_id IS NULL) <> (user_id IS NULL)),
      CHECK ((organisation_id IS NULL) = (role IS NULL))
    )`);
  await runner.query(
    `CREATE UNIQUE INDEX notification_once_key ON notifications.notification
       (event_id, coalesce(organisation_id, user_id), coalesce(role, ''))`,
  );
  await runner.query(
    'CREATE INDEX notification_organisation_idx ON notifications.notification (organisation_id, created_at DESC) WHERE organisation_id IS NOT NULL',
  );
  await runner.query(
    'CREATE INDEX notification_user_idx ON notifications.notification (user_id, created_at DESC) WHERE user_id IS NOT NULL',
  );
  await runner.query(
    `CREATE INDEX notification_email_idx ON notifications.notification (email_next_at) WHERE email_status IN ('pending', 'sending')`,
  );
  await runner.query(`
    CREATE TABLE notifications.notification_read (
      notification_id uuid NOT NULL REFERENCES notifications.notification (id) ON DELETE CASCADE,
      user_id uuid NOT NULL,
      read_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, notification_id)
    )`);
}

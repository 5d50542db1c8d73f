import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMatchingSchema1764288000400 implements MigrationInterface {
  name = 'CreateMatchingSchema1764288000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE SCHEMA IF NOT EXISTS matching');

    // Projections fed by demand's and identity's events: matching never reads their tables.
    await runner.query(`
      CREATE TABLE matching.listing (
        demand_id uuid PRIMARY KEY,
        code text,
        title text NOT NULL,
        owner_organisation_id uuid NOT NULL,
        owner_name text,
        industry text NOT NULL,
        district text NOT NULL,
        status text NOT NULL,
        bid_deadline timestamptz,
        award_mode text NOT NULL,
        award_leads integer NOT NULL CHECK (award_leads BETWEEN 1 AND 10),
        indicator_names text[] NOT NULL,
        published_at timestamptz,
        collected_at timestamptz NOT NULL,
        version integer NOT NULL
      )`);
    await runner.query('CREATE INDEX listing_owner_idx ON matching.listing (owner_organisation_id)');
    await runner.query('CREATE INDEX listing_published_idx ON matching.listing (published_at)');
    await runner.query(`
      CREATE TABLE matching.organisation (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        version integer NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE matching.advisor_portfolio (
        advisor_id uuid PRIMARY KEY,
        organisation_ids uuid[] NOT NULL,
        version integer NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX advisor_portfolio_orgs_idx ON matching.advisor_portfolio USING gin (organisation_ids)',
    );

    await runner.query(`
      CREATE TABLE matching.team_profile (
        organisation_id uuid PRIMARY KEY,
        summary text NOT NULL,
        research_fields text[] NOT NULL,
        keywords text[] NOT NULL,
        members jsonb NOT NULL,
        visible boolean NOT NULL DEFAULT true,
        updated_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    // 科技成果: a team's achievements, which matchmakings and conversions can point at.
    await runner.query(`
      CREATE TABLE matching.achievement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES matching.team_profile (organisation_id) ON DELETE CASCADE,
        title text NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 1950 AND 2100),
        trl integer NOT NULL CHECK (trl BETWEEN 1 AND 9),
        patents text[] NOT NULL DEFAULT '{}',
        industry text,
        position integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX achievement_organisation_idx ON matching.achievement (organisation_id)');

    await runner.query(`
      CREATE TABLE matching.bid (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        demand_id uuid NOT NULL REFERENCES matching.listing (demand_id),
        team_organisation_id uuid NOT NULL,
        created_by uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'submitted', 'withdrawn', 'awarded', 'not_selected')),
        approach text NOT NULL,
        indicator_responses jsonb NOT NULL,
        milestones jsonb NOT NULL,
        budget numeric(12, 2) NOT NULL CHECK (budget > 0),
        duration_months integer NOT NULL CHECK (duration_months BETWEEN 1 AND 120),
        members jsonb NOT NULL,
        feedback_category text,
        feedback_text text,
        created_at timestamptz NOT NULL,
        submitted_at timestamptz,
        withdrawn_at timestamptz,
        decided_at timestamptz,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1,
        CHECK ((status = 'not_selected') = (feedback_category IS NOT NULL)),
        CHECK (status = 'draft' OR status = 'withdrawn' OR submitted_at IS NOT NULL)
      )`);
    // One active bid per team per need; a withdrawn one frees the slot.
    await runner.query(
      `CREATE UNIQUE INDEX bid_one_active_key ON matching.bid (demand_id, team_organisation_id) WHERE status <> 'withdrawn'`,
    );
    // A bid counts as submitted only before its need's deadline, whatever the application checked.
    await runner.query(`
      CREATE FUNCTION matching.bid_before_deadline() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.submitted_at IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at)
           AND NOT EXISTS (SELECT 1 FROM matching.listing l
                           WHERE l.demand_id = NEW.demand_id AND l.bid_deadline > NEW.submitted_at) THEN
          RAISE EXCEPTION 'bid % submitted after the deadline of need %', NEW.id, NEW.demand_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'bid_before_deadline';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER bid_before_deadline BEFORE INSERT OR UPDATE OF submitted_at ON matching.bid
      FOR EACH ROW EXECUTE FUNCTION matching.bid_before_deadline()`);
    await runner.query('CREATE INDEX bid_demand_idx ON matching.bid (demand_id, status)');
    await runner.query('CREATE INDEX bid_team_idx ON matching.bid (team_organisation_id)');

    // Evaluation: weights per need, reviewers beyond the owner, one score per reviewer and bid.
    await runner.query(`
      CREATE TABLE matching.evaluation_weights (
        demand_id uuid PRIMARY KEY REFERENCES matching.listing (demand_id),
        feasibility integer NOT NULL CHECK (feasibility BETWEEN 0 AND 100),
        capability integer NOT NULL CHECK (capability BETWEEN 0 AND 100),
        cost integer NOT NULL CHECK (cost BETWEEN 0 AND 100),
        timeline integer NOT NULL CHECK (timeline BETWEEN 0 AND 100),
        updated_at timestamptz NOT NULL,
        CHECK (feasibility + capability + cost + timeline = 100)
      )`);
    await runner.query(`
      CREATE TABLE matching.reviewer (
        demand_id uuid NOT NULL REFERENCES matching.listing (demand_id),
        user_id uuid NOT NULL,
        organisation_id uuid,
        assigned_by uuid NOT NULL,
        assigned_at timestamptz NOT NULL,
        PRIMARY KEY (demand_id, user_id)
      )`);
    await runner.query(`
      CREATE TABLE matching.score (
        bid_id uuid NOT NULL REFERENCES matching.bid (id),
        reviewer_id uuid NOT NULL,
        reviewer_organisation_id uuid,
        feasibility integer NOT NULL CHECK (feasibility BETWEEN 0 AND 100),
        capability integer NOT NULL CHECK (capability BETWEEN 0 AND 100),
        cost integer NOT NULL CHECK (cost BETWEEN 0 AND 100),
        timeline integer NOT NULL CHECK (timeline BETWEEN 0 AND 100),
        comment text NOT NULL DEFAULT '',
        scored_at timestamptz NOT NULL,
        PRIMARY KEY (bid_id, reviewer_id)
      )`);

    // The award decision: its primary key is what makes one decision per need, whoever races.
    await runner.query(`
      CREATE TABLE matching.award (
        demand_id uuid PRIMARY KEY REFERENCES matching.listing (demand_id),
        winners integer NOT NULL CHECK (winners BETWEEN 1 AND 10),
        decided_by uuid NOT NULL,
        decided_at timestamptz NOT NULL
      )`);

    await runner.query(`
      CREATE TABLE matching.engagement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        demand_id uuid NOT NULL REFERENCES matching.award (demand_id),
        bid_id uuid NOT NULL UNIQUE REFERENCES matching.bid (id),
        team_organisation_id uuid NOT NULL,
        owner_organisation_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('awarded', 'in_progress', 'completed', 'cancelled')),
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        completed_at timestamptz,
        cancelled_at timestamptz,
        version integer NOT NULL DEFAULT 1
      )`);
    await runner.query('CREATE INDEX engagement_demand_idx ON matching.engagement (demand_id)');
    await runner.query(`
      CREATE TABLE matching.milestone (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        engagement_id uuid NOT NULL REFERENCES matching.engagement (id),
        seq integer NOT NULL,
        title text NOT NULL,
        due_date date NOT NULL,
        payment_share numeric(5, 2) NOT NULL,
        status text NOT NULL CHECK (status IN ('planned', 'submitted', 'accepted', 'rejected')),
        deliverables jsonb NOT NULL DEFAULT '[]',
        note text,
        decision_reason text,
        submitted_at timestamptz,
        decided_at timestamptz,
        overdue_flagged_at timestamptz,
        UNIQUE (engagement_id, seq)
      )`);
    await runner.query(
      `CREATE INDEX milestone_due_idx ON matching.milestone (due_date) WHERE status IN ('planned', 'rejected') AND overdue_flagged_at IS NULL`,
    );

    // Advisors' records: matchmakings (对接) and conversions (成果转化).
    await runner.query(`
      CREATE TABLE matching.matchmaking (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        advisor_id uuid NOT NULL,
        demand_id uuid REFERENCES matching.listing (demand_id),
        team_organisation_id uuid,
        achievement_id uuid REFERENCES matching.achievement (id),
        kind text NOT NULL CHECK (kind IN ('visit', 'meeting', 'introduction', 'roadshow')),
        occurred_on date NOT NULL,
        notes text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('follow_up', 'intent', 'agreement', 'no_fit')),
        created_at timestamptz NOT NULL,
        CHECK (demand_id IS NOT NULL OR achievement_id IS NOT NULL),
        CHECK (team_organisation_id IS NOT NULL OR achievement_id IS NOT NULL)
      )`);
    await runner.query('CREATE INDEX matchmaking_advisor_idx ON matching.matchmaking (advisor_id, occurred_on)');
    await runner.query('CREATE INDEX matchmaking_demand_idx ON matching.matchmaking (demand_id)');
    await runner.query(`
      CREATE TABLE matching.conversion (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        advisor_id uuid NOT NULL,
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('transfer', 'licence', 'joint_development', 'spin_off')),
        contract_value numeric(12, 2) NOT NULL CHECK (contract_value >= 0),
        signed_on date NOT NULL,
        demand_id uuid REFERENCES matching.listing (demand_id),
        bid_id uuid REFERENCES matching.bid (id),
        engagement_id uuid REFERENCES matching.engagement (id),
        achievement_id uuid REFERENCES matching.achievement (id),
        parties text NOT NULL,
        evidence_ref text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX conversion_advisor_idx ON matching.conversion (advisor_id, signed_on)');
    await runner.query('CREATE INDEX conversion_demand_idx ON matching.conversion (demand_id)');

    // Bids, scores, awards and milestones leave an audit trail, like demand's transitions.
    await runner.query(`
      CREATE TABLE matching.audit (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        subject text NOT NULL,
        subject_id uuid NOT NULL,
        demand_id uuid,
        action text NOT NULL,
        actor_id uuid,
        actor_role text,
        detail jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX audit_subject_idx ON matching.audit (subject_id, id)');
    await runner.query('CREATE INDEX audit_demand_idx ON matching.audit (demand_id, id)');

    // Notifications: identity's users as email recipients, messages, and who read what.
    await runner.query(`
      CREATE TABLE matching.recipient (
        user_id uuid PRIMARY KEY,
        organisation_id uuid,
        role text NOT NULL,
        email text NOT NULL,
        display_name text NOT NULL
      )`);
    await runner.query('CREATE INDEX recipient_organisation_idx ON matching.recipient (organisation_id)');
    // A message goes to an organisation (every member, also those who join later) or to one user;
    // the inbox is resolved when read, so it never depends on how current the recipients are.
    await runner.query(`
      CREATE TABLE matching.notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL,
        organisation_id uuid,
        -- Which members of the organisation: its enterprise side or its team side.
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
      `CREATE UNIQUE INDEX notification_once_key ON matching.notification
         (event_id, coalesce(organisation_id, user_id), coalesce(role, ''))`,
    );
    await runner.query(
      'CREATE INDEX notification_organisation_idx ON matching.notification (organisation_id, created_at DESC) WHERE organisation_id IS NOT NULL',
    );
    await runner.query(
      'CREATE INDEX notification_user_idx ON matching.notification (user_id, created_at DESC) WHERE user_id IS NOT NULL',
    );
    await runner.query(
      `CREATE INDEX notification_email_idx ON matching.notification (email_next_at) WHERE email_status IN ('pending', 'sending')`,
    );
    await runner.query(`
      CREATE TABLE matching.notification_read (
        notification_id uuid NOT NULL REFERENCES matching.notification (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, notification_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP SCHEMA matching CASCADE');
  }
}

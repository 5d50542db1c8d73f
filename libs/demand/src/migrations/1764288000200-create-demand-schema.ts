import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'draft','submitted','returned','approved','published','bidding_closed','awarded','in_progress','completed','unclaimed','withdrawn'`;

export class CreateDemandSchema1764288000200 implements MigrationInterface {
  name = 'CreateDemandSchema1764288000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE SCHEMA IF NOT EXISTS demand');

    // Projections of identity, fed by its events: demand never reads identity's tables.
    await runner.query(`
      CREATE TABLE demand.organisation_directory (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        version integer NOT NULL
      )`);
    await runner.query('CREATE INDEX organisation_directory_name_idx ON demand.organisation_directory (name)');
    await runner.query(`
      CREATE TABLE demand.advisor_portfolio (
        advisor_id uuid PRIMARY KEY,
        organisation_ids uuid[] NOT NULL,
        version integer NOT NULL
      )`);

    await runner.query(`
      CREATE TABLE demand.batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 4 AND 100),
        release_date date NOT NULL,
        venue text NOT NULL,
        default_bid_deadline timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
        published_at timestamptz,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((status = 'published') = (published_at IS NOT NULL))
      )`);
    await runner.query('CREATE UNIQUE INDEX batch_title_key ON demand.batch (title)');

    await runner.query(`
      CREATE TABLE demand.code_sequence (
        year integer PRIMARY KEY,
        last integer NOT NULL
      )`);

    await runner.query(`
      CREATE TABLE demand.demand (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text UNIQUE,
        title text NOT NULL,
        summary text NOT NULL,
        background text NOT NULL,
        indicators jsonb NOT NULL,
        outcome_form text NOT NULL,
        industry text NOT NULL,
        keywords text[] NOT NULL,
        district text NOT NULL,
        bounty_min numeric(12, 2) NOT NULL CHECK (bounty_min > 0),
        bounty_max numeric(12, 2) NOT NULL,
        cooperation_mode text NOT NULL,
        award_mode text NOT NULL CHECK (award_mode IN ('single', 'parallel')),
        award_leads integer NOT NULL,
        bid_deadline timestamptz,
        confidential_details text NOT NULL DEFAULT '',
        contact_name text NOT NULL,
        contact_phone text NOT NULL,
        contact_email text,
        owner_organisation_id uuid NOT NULL,
        advisor_id uuid,
        created_by uuid NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN (${STATUSES})),
        batch_id uuid REFERENCES demand.batch (id),
        submitted_at timestamptz,
        approved_at timestamptz,
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (bounty_max >= bounty_min),
        CHECK ((award_mode = 'single' AND award_leads = 1) OR (award_mode = 'parallel' AND award_leads BETWEEN 2 AND 10)),
        CHECK (status IN ('draft', 'submitted', 'returned') OR code IS NOT NULL OR status = 'withdrawn'),
        CHECK (status NOT IN ('published', 'bidding_closed', 'awarded', 'in_progress', 'completed', 'unclaimed')
               OR (published_at IS NOT NULL AND bid_deadline IS NOT NULL AND batch_id IS NOT NULL))
      )`);
    await runner.query('CREATE INDEX demand_owner_idx ON demand.demand (owner_organisation_id, status)');
    await runner.query('CREATE INDEX demand_status_idx ON demand.demand (status, published_at DESC)');
    await runner.query('CREATE INDEX demand_batch_idx ON demand.demand (batch_id)');
    await runner.query(
      "CREATE INDEX demand_deadline_idx ON demand.demand (bid_deadline) WHERE status IN ('published', 'bidding_closed')",
    );

    await runner.query(`
      CREATE TABLE demand.transition (
        id bigserial PRIMARY KEY,
        demand_id uuid NOT NULL REFERENCES demand.demand (id),
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        actor_id uuid,
        actor_role text,
        reason text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX transition_demand_idx ON demand.transition (demand_id, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP SCHEMA demand CASCADE');
  }
}

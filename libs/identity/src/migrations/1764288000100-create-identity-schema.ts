import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentitySchema1764288000100 implements MigrationInterface {
  name = 'CreateIdentitySchema1764288000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE SCHEMA IF NOT EXISTS identity');
    await runner.query(`
      CREATE TABLE identity.organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 100),
        kind text NOT NULL CHECK (kind IN ('enterprise', 'university', 'institute', 'company')),
        join_code text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await runner.query('CREATE UNIQUE INDEX organisation_name_key ON identity.organisation (lower(name))');
    await runner.query(`
      CREATE TABLE identity.user_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        password_hash text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('enterprise', 'team', 'advisor', 'admin')),
        organisation_id uuid REFERENCES identity.organisation (id),
        active boolean NOT NULL DEFAULT true,
        assignments_version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (role NOT IN ('enterprise', 'team') OR organisation_id IS NOT NULL)
      )`);
    await runner.query('CREATE INDEX user_account_organisation_idx ON identity.user_account (organisation_id)');
    await runner.query(`
      CREATE TABLE identity.advisor_assignment (
        advisor_id uuid NOT NULL REFERENCES identity.user_account (id),
        organisation_id uuid NOT NULL REFERENCES identity.organisation (id),
        assigned_by uuid NOT NULL REFERENCES identity.user_account (id),
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (advisor_id, organisation_id)
      )`);
    await runner.query(
      'CREATE INDEX advisor_assignment_organisation_idx ON identity.advisor_assignment (organisation_id)',
    );
    await runner.query(`
      CREATE TABLE identity.refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES identity.user_account (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        secret_hash bytea NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX refresh_token_family_idx ON identity.refresh_token (family_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP SCHEMA identity CASCADE');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Files on a need: its public part (read with the published need) and its confidential part. */
export class CreateDemandAttachments1767100000200 implements MigrationInterface {
  name = 'CreateDemandAttachments1767100000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE demand.attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        demand_id uuid NOT NULL REFERENCES demand.demand (id),
        part text NOT NULL CHECK (part IN ('public', 'confidential')),
        storage_key text NOT NULL UNIQUE,
        filename text NOT NULL,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        uploaded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX attachment_demand_idx ON demand.attachment (demand_id, created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE demand.attachment');
  }
}

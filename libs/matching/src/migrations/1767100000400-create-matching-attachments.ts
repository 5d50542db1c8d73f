import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files on matching's objects. One table for every parent kind (`parent_kind`, `parent_id`): a new
 * kind (e.g. an engagement message) adds itself to the two checks and a policy in
 * attachments/attachment-parents.ts; who reads a file is always its parent's rule.
 */
export class CreateMatchingAttachments1767100000400 implements MigrationInterface {
  name = 'CreateMatchingAttachments1767100000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE matching.attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_kind text NOT NULL CHECK (parent_kind IN ('bid', 'milestone', 'conversion')),
        parent_id uuid NOT NULL,
        kind text NOT NULL,
        storage_key text NOT NULL UNIQUE,
        filename text NOT NULL,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        uploaded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT attachment_kind_of_parent CHECK (
          (parent_kind = 'bid' AND kind IN ('proposal', 'cv')) OR
          (parent_kind = 'milestone' AND kind = 'deliverable') OR
          (parent_kind = 'conversion' AND kind = 'evidence')
        )
      )`);
    await runner.query(
      'CREATE INDEX attachment_parent_idx ON matching.attachment (parent_kind, parent_id, created_at)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE matching.attachment');
  }
}

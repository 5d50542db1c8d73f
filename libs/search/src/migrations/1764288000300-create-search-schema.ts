import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search keeps the public documents it indexes in PostgreSQL first: events land here in one
 * transaction (version-guarded), and a sync loop pushes what Meilisearch lacks. Meilisearch being
 * down therefore loses nothing, and a rebuild or consistency check has a source to compare with.
 */
export class CreateSearchSchema1764288000300 implements MigrationInterface {
  name = 'CreateSearchSchema1764288000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE SCHEMA IF NOT EXISTS search');
    await runner.query(`
      CREATE TABLE search.document (
        kind text NOT NULL CHECK (kind IN ('demand', 'team')),
        id uuid NOT NULL,
        version integer NOT NULL,
        body jsonb,
        deleted boolean NOT NULL DEFAULT false,
        indexed_version integer NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (kind, id),
        CHECK (deleted OR body IS NOT NULL)
      )`);
    await runner.query(
      'CREATE INDEX document_pending_idx ON search.document (kind, updated_at) WHERE indexed_version < version',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP SCHEMA search CASCADE');
  }
}

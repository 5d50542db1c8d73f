import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hall shows how many bids each need has. Search learns them from matching's events, one row
 * per bid (so a duplicate or out-of-order event changes nothing), and counts them into the need's
 * document when it pushes it. A bid moves the document's `bids_version`, which the sync tracks
 * beside the demand's own version.
 */
export class CountBids1767200000300 implements MigrationInterface {
  name = 'CountBids1767200000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE search.bid (
        id uuid PRIMARY KEY,
        demand_id uuid NOT NULL,
        withdrawn boolean NOT NULL DEFAULT false
      )`);
    await runner.query('CREATE INDEX bid_demand_idx ON search.bid (demand_id) WHERE NOT withdrawn');
    await runner.query(`
      ALTER TABLE search.document
        ADD COLUMN bids_version integer NOT NULL DEFAULT 0,
        ADD COLUMN indexed_bids_version integer NOT NULL DEFAULT 0`);
    await runner.query('DROP INDEX search.document_pending_idx');
    await runner.query(
      `CREATE INDEX document_pending_idx ON search.document (kind, updated_at)
        WHERE indexed_version < version OR indexed_bids_version < bids_version`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX search.document_pending_idx');
    await runner.query(
      'CREATE INDEX document_pending_idx ON search.document (kind, updated_at) WHERE indexed_version < version',
    );
    await runner.query('ALTER TABLE search.document DROP COLUMN bids_version, DROP COLUMN indexed_bids_version');
    await runner.query('DROP TABLE search.bid');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No bid is submitted on a need once it is awarded, whatever the application read. A bid waiting
 * on the listing lock an award holds read "not awarded" from its statement's snapshot, taken before
 * the award committed, and the award never changes the listing row, so nothing re-checked it: the
 * trigger's query runs on a fresh snapshot (READ COMMITTED, a volatile function) and sees the award.
 */
export class NoBidAfterAward1770100000400 implements MigrationInterface {
  name = 'NoBidAfterAward1770100000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION matching.bid_before_award() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.submitted_at IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.submitted_at IS DISTINCT FROM NEW.submitted_at)
           AND EXISTS (SELECT 1 FROM matching.award a WHERE a.demand_id = NEW.demand_id) THEN
          RAISE EXCEPTION 'bid % submitted after need % was awarded', NEW.id, NEW.demand_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'bid_before_award';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER bid_before_award BEFORE INSERT OR UPDATE OF submitted_at ON matching.bid
      FOR EACH ROW EXECUTE FUNCTION matching.bid_before_award()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER bid_before_award ON matching.bid');
    await runner.query('DROP FUNCTION matching.bid_before_award()');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public Q&A (答疑) on published needs: a team's question, the owner's (or its advisor's) answer,
 * and the office's moderation. The lengths the API validates are repeated as constraints, and a
 * trigger refuses a question on a need that is not open for bidding by the database's clock,
 * whatever the application checked.
 */
export class CreateQuestions1768000000200 implements MigrationInterface {
  name = 'CreateQuestions1768000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE demand.question (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        demand_id uuid NOT NULL REFERENCES demand.demand (id),
        asker_organisation_id uuid NOT NULL,
        asked_by uuid NOT NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 5 AND 1000),
        asked_at timestamptz NOT NULL DEFAULT now(),
        answer text CHECK (char_length(answer) BETWEEN 2 AND 2000),
        answered_by uuid,
        answered_by_role text CHECK (answered_by_role IN ('enterprise', 'advisor')),
        answered_at timestamptz,
        hidden_at timestamptz,
        hidden_by uuid,
        hidden_reason text CHECK (char_length(hidden_reason) BETWEEN 2 AND 300),
        version integer NOT NULL DEFAULT 1,
        CHECK ((answer IS NULL) = (answered_at IS NULL)),
        CHECK ((answered_at IS NULL) = (answered_by IS NULL) AND (answered_at IS NULL) = (answered_by_role IS NULL)),
        CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL) AND (hidden_at IS NULL) = (hidden_by IS NULL))
      )`);
    await runner.query('CREATE INDEX question_demand_idx ON demand.question (demand_id, asked_at DESC)');
    await runner.query(
      'CREATE INDEX question_asker_idx ON demand.question (asker_organisation_id, demand_id, asked_at DESC)',
    );
    // Questions close with bidding: a question counts only if its transaction started while the
    // need was published and before its deadline. The share lock makes a concurrent withdrawal or
    // close either wait for the question or be seen by it.
    await runner.query(`
      CREATE FUNCTION demand.question_while_open() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM demand.demand d
          WHERE d.id = NEW.demand_id AND d.status = 'published' AND d.bid_deadline > now() FOR SHARE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'questions on need % are closed', NEW.demand_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'question_while_open';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER question_while_open BEFORE INSERT ON demand.question
        FOR EACH ROW EXECUTE FUNCTION demand.question_while_open()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE demand.question');
    await runner.query('DROP FUNCTION demand.question_while_open()');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Engagement messages carry files: one more parent kind (`message`, files of kind `file`). */
export class AttachFilesToMessages1767400000400 implements MigrationInterface {
  name = 'AttachFilesToMessages1767400000400';

  async up(runner: QueryRunner): Promise<void> {
    await this.kinds(
      runner,
      ['bid', 'milestone', 'conversion', 'message'],
      "OR (parent_kind = 'message' AND kind = 'file')",
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    // For development databases: the rows of message files go, their stored objects stay.
    await runner.query("DELETE FROM matching.attachment WHERE parent_kind = 'message'");
    await this.kinds(runner, ['bid', 'milestone', 'conversion'], '');
  }

  private async kinds(runner: QueryRunner, parents: string[], extra: string): Promise<void> {
    const list = parents.map((kind) => `'${kind}'`).join(', ');
    await runner.query(`
      ALTER TABLE matching.attachment
        DROP CONSTRAINT attachment_parent_kind_check,
        DROP CONSTRAINT attachment_kind_of_parent,
        ADD CONSTRAINT attachment_parent_kind_check CHECK (parent_kind IN (${list})),
        ADD CONSTRAINT attachment_kind_of_parent CHECK (
          (parent_kind = 'bid' AND kind IN ('proposal', 'cv')) OR
          (parent_kind = 'milestone' AND kind = 'deliverable') OR
          (parent_kind = 'conversion' AND kind = 'evidence') ${extra}
        )`);
  }
}

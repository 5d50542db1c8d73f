import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import type { AnswererRole, QuestionRecord } from './question.entity';
import { type QuestionAudience, seesAsker } from './question-visibility';

const COLUMNS = `q.id, q.demand_id AS "demandId", q.asker_organisation_id AS "askerOrganisationId",
  q.asked_by AS "askedBy", q.body, q.asked_at AS "askedAt", q.answer, q.answered_by AS "answeredBy",
  q.answered_by_role AS "answeredByRole", q.answered_at AS "answeredAt", q.hidden_at AS "hiddenAt",
  q.hidden_by AS "hiddenBy", q.hidden_reason AS "hiddenReason", q.version`;

/** The WHERE clause of `visibleTo`, with the audience's organisation as parameter `$2`. */
function visibility(audience: QuestionAudience): { sql: string; params: unknown[] } {
  switch (audience.kind) {
    case 'all':
      return { sql: 'TRUE', params: [] };
    case 'parties':
      return { sql: 'q.hidden_at IS NULL', params: [] };
    case 'team':
      return {
        sql: '(q.asker_organisation_id = $2 OR (q.hidden_at IS NULL AND q.answered_at IS NOT NULL))',
        params: [audience.organisationId],
      };
    case 'public':
      return { sql: 'q.hidden_at IS NULL AND q.answered_at IS NOT NULL', params: [] };
  }
}

type Returned = [QuestionRecord[], number];

@Injectable()
export class QuestionRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Records a question. The table's trigger refuses it (`question_while_open`) unless the need is
   * published and its deadline is after this transaction's start.
   */
  async insert(
    question: { demandId: string; askerOrganisationId: string; askedBy: string; body: string },
    manager: EntityManager,
  ): Promise<QuestionRecord> {
    const rows = await manager.query<QuestionRecord[]>(
      `INSERT INTO demand.question AS q (demand_id, asker_organisation_id, asked_by, body) VALUES ($1, $2, $3, $4)
       RETURNING ${COLUMNS}, NULL AS "askerName"`,
      [question.demandId, question.askerOrganisationId, question.askedBy, question.body],
    );
    return rows[0];
  }

  /** Reads and row-locks a question of a need, with its asker's name. */
  async lock(id: string, demandId: string, manager: EntityManager): Promise<QuestionRecord | null> {
    const rows = await manager.query<QuestionRecord[]>(
      `SELECT ${COLUMNS}, o.name AS "askerName" FROM demand.question q
         LEFT JOIN demand.organisation_directory o ON o.id = q.asker_organisation_id
        WHERE q.id = $1 AND q.demand_id = $2 FOR UPDATE OF q`,
      [id, demandId],
    );
    return rows[0] ?? null;
  }

  /**
   * Answers a question not answered nor hidden yet, while its need is still in its bidding life
   * (published, its deadline passed or not, or closed for bidding): null when the need has moved on.
   */
  async answer(
    id: string,
    answer: { text: string; by: string; role: AnswererRole },
    manager: EntityManager,
  ): Promise<QuestionRecord | null> {
    const [rows] = await manager.query<Returned>(
      `UPDATE demand.question q SET answer = $2, answered_by = $3, answered_by_role = $4, answered_at = now(),
              version = q.version + 1
         FROM demand.demand d
        WHERE q.id = $1 AND d.id = q.demand_id AND q.answered_at IS NULL AND q.hidden_at IS NULL
          AND d.status IN ('published', 'bidding_closed')
        RETURNING ${COLUMNS}, NULL AS "askerName"`,
      [id, answer.text, answer.by, answer.role],
    );
    return rows[0] ?? null;
  }

  /** Hides a shown question (with who and why) or shows a hidden one; null when it already is so. */
  async moderate(
    id: string,
    hide: { by: string; reason: string } | null,
    manager: EntityManager,
  ): Promise<QuestionRecord | null> {
    const [rows] = await manager.query<Returned>(
      hide
        ? `UPDATE demand.question q SET hidden_at = now(), hidden_by = $2, hidden_reason = $3, version = q.version + 1
            WHERE q.id = $1 AND q.hidden_at IS NULL RETURNING ${COLUMNS}, NULL AS "askerName"`
        : `UPDATE demand.question q SET hidden_at = NULL, hidden_by = NULL, hidden_reason = NULL, version = q.version + 1
            WHERE q.id = $1 AND q.hidden_at IS NOT NULL RETURNING ${COLUMNS}, NULL AS "askerName"`,
      hide ? [id, hide.by, hide.reason] : [id],
    );
    return rows[0] ?? null;
  }

  /** A need's questions the audience may see, newest first; the asker's name only where it may be shown. */
  async list(
    demandId: string,
    audience: QuestionAudience,
    page: { offset: number; pageSize: number },
  ): Promise<[QuestionRecord[], number]> {
    const where = visibility(audience);
    const params = [demandId, ...where.params];
    const name = seesAsker(audience) ? 'o.name' : 'NULL';
    const [rows, count] = await Promise.all([
      this.transactions.manager.query<QuestionRecord[]>(
        `SELECT ${COLUMNS}, ${name} AS "askerName" FROM demand.question q
           LEFT JOIN demand.organisation_directory o ON o.id = q.asker_organisation_id
          WHERE q.demand_id = $1 AND ${where.sql}
          ORDER BY q.asked_at DESC, q.id
          OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
        [...params, page.offset, page.pageSize],
      ),
      this.transactions.manager.query<Array<{ total: string }>>(
        `SELECT count(*) AS total FROM demand.question q WHERE q.demand_id = $1 AND ${where.sql}`,
        params,
      ),
    ]);
    return [rows, Number(count[0].total)];
  }
}

import { Injectable } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { AuditEntry } from './audit.entity';

export interface AuditRecord {
  subject: AuditEntry['subject'];
  subjectId: string;
  demandId: string | null;
  action: string;
  actor: Principal | null;
  detail?: Record<string, unknown>;
  at: Date;
}

/** The audit insert of the records in JSON parameter `records`, dated `at`, if `when` holds. */
const insertAudit = (records: string, at: string, when = 'true') =>
  `INSERT INTO matching.audit (subject, subject_id, demand_id, action, actor_id, actor_role, detail, at)
   SELECT x.subject, x.subject_id, x.demand_id, x.action, x.actor_id, x.actor_role, x.detail, ${at}
     FROM jsonb_to_recordset(${records}::jsonb) AS x(subject text, subject_id uuid, demand_id uuid, action text,
       actor_id uuid, actor_role text, detail jsonb, at timestamptz)
    WHERE ${when}`;

const toRows = (records: Array<Omit<AuditRecord, 'at'> & { at?: Date }>): string =>
  JSON.stringify(
    records.map((r) => ({
      subject: r.subject,
      subject_id: r.subjectId,
      demand_id: r.demandId,
      action: r.action,
      actor_id: r.actor?.userId ?? null,
      actor_role: r.actor?.role ?? null,
      detail: r.detail ?? {},
      at: r.at?.toISOString() ?? null,
    })),
  );

@Injectable()
export class AuditRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Written in the transaction of the change it records. */
  async record(records: AuditRecord[], manager: EntityManager): Promise<void> {
    if (records.length === 0) return;
    await manager.query(insertAudit('$1', 'x.at'), [toRows(records)]);
  }

  /**
   * The same write as a CTE of a caller's single statement that makes the change: dated by the
   * statement's time, and only if `when` (SQL over the statement's other CTEs) holds.
   */
  recording(records: Array<Omit<AuditRecord, 'at'>>, params: unknown[], when: string): string {
    return `audit AS (${insertAudit(`$${params.push(toRows(records))}`, 'now()', when)})`;
  }

  forDemand(demandId: string): Promise<AuditEntry[]> {
    return this.transactions.manager.find(AuditEntry, { where: { demandId }, order: { id: 'ASC' } });
  }
}

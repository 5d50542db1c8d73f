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

@Injectable()
export class AuditRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Written in the transaction of the change it records. */
  async record(records: AuditRecord[], manager: EntityManager): Promise<void> {
    if (records.length === 0) return;
    await manager.query(
      `INSERT INTO matching.audit (subject, subject_id, demand_id, action, actor_id, actor_role, detail, at)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(subject text, subject_id uuid, demand_id uuid, action text,
         actor_id uuid, actor_role text, detail jsonb, at timestamptz)`,
      [
        JSON.stringify(
          records.map((r) => ({
            subject: r.subject,
            subject_id: r.subjectId,
            demand_id: r.demandId,
            action: r.action,
            actor_id: r.actor?.userId ?? null,
            actor_role: r.actor?.role ?? null,
            detail: r.detail ?? {},
            at: r.at.toISOString(),
          })),
        ),
      ],
    );
  }

  forDemand(demandId: string): Promise<AuditEntry[]> {
    return this.transactions.manager.find(AuditEntry, { where: { demandId }, order: { id: 'ASC' } });
  }
}

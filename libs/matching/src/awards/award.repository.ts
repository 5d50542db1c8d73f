import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';

/** The one decision per need (`matching.award`, keyed by the need). */
@Injectable()
export class AwardRepository {
  async decided(demandId: string, manager: EntityManager): Promise<boolean> {
    const rows = await manager.query<unknown[]>('SELECT 1 FROM matching.award WHERE demand_id = $1', [demandId]);
    return rows.length > 0;
  }

  /**
   * Records the decision; false when the need already has one. The caller's row lock makes that
   * unreachable in one database; the primary key is what guarantees it.
   */
  async record(
    decision: { demandId: string; winners: number; decidedBy: string; decidedAt: Date },
    manager: EntityManager,
  ): Promise<boolean> {
    try {
      await manager.query(
        'INSERT INTO matching.award (demand_id, winners, decided_by, decided_at) VALUES ($1, $2, $3, $4)',
        [decision.demandId, decision.winners, decision.decidedBy, decision.decidedAt],
      );
      return true;
    } catch (error) {
      if (isUniqueViolation(error, 'award_pkey')) return false;
      throw error;
    }
  }
}

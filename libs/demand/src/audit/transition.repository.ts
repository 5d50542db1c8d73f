import { Injectable } from '@nestjs/common';
import type { DemandStatus, Principal } from '@jiebang/contracts';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { Transition } from './transition.entity';

export interface TransitionRecord {
  demandId: string;
  action: string;
  from: DemandStatus | null;
  to: DemandStatus;
  actor: Principal | null;
  reason?: string | null;
  at: Date;
}

@Injectable()
export class TransitionRepository {
  constructor(private readonly transactions: Transactions) {}

  /** The history of a deleted draft goes with it. */
  async deleteOf(demandId: string, manager: EntityManager): Promise<void> {
    await manager.delete(Transition, { demandId });
  }

  async record(records: TransitionRecord[], manager: EntityManager): Promise<void> {
    if (records.length === 0) return;
    await manager.insert(
      Transition,
      records.map((r) => ({
        demandId: r.demandId,
        action: r.action,
        fromStatus: r.from,
        toStatus: r.to,
        actorId: r.actor?.userId ?? null,
        actorRole: r.actor?.role ?? null,
        reason: r.reason ?? null,
        at: r.at,
      })),
    );
  }

  history(demandId: string): Promise<Transition[]> {
    return this.transactions.manager.find(Transition, { where: { demandId }, order: { id: 'ASC' } });
  }
}

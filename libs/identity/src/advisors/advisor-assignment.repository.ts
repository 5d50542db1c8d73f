import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { AdvisorAssignment } from './advisor-assignment.entity';

@Injectable()
export class AdvisorAssignmentRepository {
  constructor(private readonly transactions: Transactions) {}

  async organisationIds(advisorId: string, manager: EntityManager = this.transactions.manager): Promise<string[]> {
    const rows = await manager.find(AdvisorAssignment, { where: { advisorId }, select: { organisationId: true } });
    return rows.map((row) => row.organisationId);
  }

  async replace(
    advisorId: string,
    organisationIds: string[],
    assignedBy: string,
    manager: EntityManager,
  ): Promise<void> {
    await manager.delete(AdvisorAssignment, { advisorId });
    if (organisationIds.length > 0) {
      await manager.insert(
        AdvisorAssignment,
        organisationIds.map((organisationId) => ({ advisorId, organisationId, assignedBy })),
      );
    }
  }
}

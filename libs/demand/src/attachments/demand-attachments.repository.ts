import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { DemandAttachment, type DemandAttachmentPart } from './demand-attachment.entity';

@Injectable()
export class DemandAttachmentsRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(attachment: Omit<DemandAttachment, 'id' | 'createdAt'>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(DemandAttachment, attachment);
    return (result.identifiers[0] as { id: string }).id;
  }

  find(id: string, manager: EntityManager = this.transactions.manager): Promise<DemandAttachment | null> {
    return manager.findOneBy(DemandAttachment, { id });
  }

  ofDemand(demandId: string, parts: readonly DemandAttachmentPart[]): Promise<DemandAttachment[]> {
    return this.transactions.manager
      .getRepository(DemandAttachment)
      .createQueryBuilder('a')
      .where('a.demand_id = :demandId AND a.part = ANY(:parts)', { demandId, parts })
      .orderBy('a.created_at')
      .addOrderBy('a.id')
      .getMany();
  }

  /** Deletes rows and returns the storage keys they held. */
  async delete(where: { id: string } | { demandId: string }, manager: EntityManager): Promise<string[]> {
    const [column, value] = 'id' in where ? ['id', where.id] : ['demand_id', where.demandId];
    const rows = await manager.query<[Array<{ storage_key: string }>, number]>(
      `DELETE FROM demand.attachment WHERE ${column} = $1 RETURNING storage_key`,
      [value],
    );
    return rows[0].map((row) => row.storage_key);
  }
}

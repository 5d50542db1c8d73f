import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';
import { type EntityManager, In } from 'typeorm';
import { MatchingAttachment, type ParentKind } from './attachment.entity';

@Injectable()
export class AttachmentsRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(attachment: Omit<MatchingAttachment, 'id' | 'createdAt'>, manager: EntityManager): Promise<string> {
    const result = await manager.insert(MatchingAttachment, attachment);
    return (result.identifiers[0] as { id: string }).id;
  }

  find(id: string, manager: EntityManager = this.transactions.manager): Promise<MatchingAttachment | null> {
    return manager.findOneBy(MatchingAttachment, { id });
  }

  /** The files of several parents of one kind at once (a page of messages), oldest first. */
  ofParents(parentKind: ParentKind, parentIds: string[]): Promise<MatchingAttachment[]> {
    if (parentIds.length === 0) return Promise.resolve([]);
    return this.transactions.manager.find(MatchingAttachment, {
      where: { parentKind, parentId: In(parentIds) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Deletes a row and returns the storage key it held. */
  async delete(id: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<[Array<{ storage_key: string }>, number]>(
      'DELETE FROM matching.attachment WHERE id = $1 RETURNING storage_key',
      [id],
    );
    return rows[0].map((row) => row.storage_key);
  }
}

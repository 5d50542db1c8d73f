import { Injectable } from '@nestjs/common';
import { PUBLIC_DEMAND_STATUSES } from '@jiebang/contracts';
import { isUniqueViolation, Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { demandError } from '../demand.errors';
import { EFFECTIVE_STATUS_SQL } from '../demands/demand.record';
import { Batch } from './batch.entity';

@Injectable()
export class BatchRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(
    batch: Pick<Batch, 'title' | 'releaseDate' | 'venue' | 'defaultBidDeadline' | 'createdBy'>,
    manager: EntityManager,
  ): Promise<Batch> {
    try {
      return await manager.transaction((inner) =>
        inner.save(inner.create(Batch, { ...batch, status: 'draft', version: 1 })),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'batch_title_key')) {
        throw demandError('BATCH_TITLE_TAKEN', 'A batch with this title exists.', {
          errors: [{ field: 'title', message: 'already used' }],
        });
      }
      throw error;
    }
  }

  count(): Promise<number> {
    return this.transactions.manager.count(Batch);
  }

  find(id: string, manager: EntityManager = this.transactions.manager): Promise<Batch | null> {
    return manager.findOneBy(Batch, { id });
  }

  /** How many needs the batch holds (a batch's needs live in demand.demand). */
  async countNeeds(id: string, manager: EntityManager): Promise<number> {
    const rows = await manager.query<Array<{ n: string }>>(
      'SELECT count(*) AS n FROM demand.demand WHERE batch_id = $1',
      [id],
    );
    return Number(rows[0].n);
  }

  lock(id: string, manager: EntityManager): Promise<Batch | null> {
    return manager.createQueryBuilder(Batch, 'b').setLock('pessimistic_write').where('b.id = :id', { id }).getOne();
  }

  async markPublished(id: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.update(Batch, { id }, { status: 'published', publishedAt: at, version: () => 'version + 1' });
  }

  /**
   * Batches with their needs counted, newest release first. The public sees published batches and
   * counts only the needs it can see there (a need withdrawn after publication leaves its batch's
   * page); the office sees all.
   */
  async list(
    publicView: boolean,
    page: { offset: number; pageSize: number },
  ): Promise<[Array<{ batch: Batch; count: number }>, number]> {
    const visible = publicView ? ` AND ${EFFECTIVE_STATUS_SQL} = ANY(:statuses)` : '';
    const query = this.transactions.manager
      .createQueryBuilder(Batch, 'b')
      .addSelect(`(SELECT count(*) FROM demand.demand d WHERE d.batch_id = b.id${visible})`, 'demand_count')
      .orderBy('b.releaseDate', 'DESC')
      .addOrderBy('b.createdAt', 'DESC')
      .offset(page.offset)
      .limit(page.pageSize);
    if (publicView) query.where("b.status = 'published'").setParameter('statuses', [...PUBLIC_DEMAND_STATUSES]);
    const [{ entities, raw }, total] = await Promise.all([
      query.getRawAndEntities<{ demand_count: string }>(),
      query.getCount(),
    ]);
    return [entities.map((batch, index) => ({ batch, count: Number(raw[index].demand_count) })), total];
  }
}

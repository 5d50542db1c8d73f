import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** Runs a use case in one transaction with an explicit EntityManager. */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Database time (the transaction's start) unless a replayed history supplies its own. */
  async clock(manager: EntityManager, at?: Date): Promise<Date> {
    if (at) return at;
    const rows = await manager.query<Array<{ now: Date }>>('SELECT now() AS now');
    return rows[0].now;
  }

  /** For reads outside a transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { Clock } from './clock';

/** Runs a use case in one transaction with an explicit EntityManager. */
@Injectable()
export class Transactions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly time: Clock,
  ) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** A transaction spanning several calls; the caller commits or rolls it back and releases the runner. */
  async begin(): Promise<QueryRunner> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
    } catch (error) {
      await runner.release();
      throw error;
    }
    return runner;
  }

  /** Database time (the transaction's start), or the replayed time inside `Clock.replayAt`. */
  async clock(manager: EntityManager): Promise<Date> {
    const at = this.time.replayed();
    if (at) return at;
    const rows = await manager.query<Array<{ now: Date }>>('SELECT now() AS now');
    return rows[0].now;
  }

  /** For reads outside a transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}

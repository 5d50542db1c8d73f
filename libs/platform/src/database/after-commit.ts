import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

/**
 * Work to run once a transaction has committed (waking the consumers of the events it published),
 * dropped if the transaction rolls back. TypeORM reports a savepoint's release as a commit too, so
 * the work waits for the outermost transaction's (work queued in a rolled-back savepoint still runs
 * then: keep it harmless).
 */
@Injectable()
export class AfterCommit implements EntitySubscriberInterface {
  private readonly logger = new Logger('AfterCommit');
  private readonly pending = new WeakMap<QueryRunner, Array<() => void>>();

  constructor(@InjectDataSource() dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  /** Runs `work` when `manager`'s transaction commits, or now if it has none (its statements have committed). */
  run(manager: EntityManager, work: () => void): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) return work();
    const queued = this.pending.get(runner);
    if (queued) queued.push(work);
    else this.pending.set(runner, [work]);
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    if (queryRunner.isTransactionActive) return;
    const queued = this.pending.get(queryRunner) ?? [];
    this.pending.delete(queryRunner);
    // The transaction has committed whatever the work does: its failure must not reach the caller.
    for (const work of queued) {
      try {
        work();
      } catch (error) {
        this.logger.error(`work after a commit failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) this.pending.delete(queryRunner);
  }
}

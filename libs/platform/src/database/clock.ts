import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';

/**
 * What time a use case happens at. Normally the database's (`Transactions.clock`); a replay of
 * history — the demo generator filing 2023's needs, bids and records — runs its calls inside
 * `replayAt`, and every use case within reads that time instead, without it being passed along.
 */
@Injectable()
export class Clock {
  private readonly replay = new AsyncLocalStorage<Date>();

  /** Runs `work` as if it happened at `at`. */
  replayAt<T>(at: Date, work: () => Promise<T>): Promise<T> {
    return this.replay.run(at, work);
  }

  /** The replayed time when running inside `replayAt`; undefined for live requests. */
  replayed(): Date | undefined {
    return this.replay.getStore();
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { DemandAction } from '@jiebang/contracts';
import { APP_CONFIG, type AppConfig, EventBus, Transactions } from '@jiebang/platform';
import { DemandRepository } from '../demands/demand.repository';
import { DemandsService } from '../demands/demands.service';

const CHUNK = 200;

/**
 * Time-driven moves: bidding closes at the deadline, and a need still without an award some days
 * later is unclaimed (流榜). Reads already show a need closed at its deadline; this makes it so.
 */
@Injectable()
export class DemandClockJob implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemandClockJob');

  constructor(
    private readonly bus: EventBus,
    private readonly transactions: Transactions,
    private readonly demands: DemandRepository,
    private readonly lifecycle: DemandsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const cron = this.config.demand.clockCron;
    if (cron) await this.bus.schedule('demand.clock', cron, () => this.tick().then(() => undefined));
  }

  /** Applies every due move; returns how many needs moved. Safe to run concurrently (SKIP LOCKED). */
  async tick(): Promise<number> {
    const closed = await this.drain('close_bidding', `status = 'published' AND bid_deadline <= now()`, []);
    const unclaimed = await this.drain(
      'expire_unclaimed',
      `status = 'bidding_closed' AND bid_deadline + make_interval(days => $1) <= now()`,
      [this.config.demand.unclaimedAfterDays],
    );
    if (closed + unclaimed > 0) this.logger.log(`closed bidding on ${closed} need(s); ${unclaimed} unclaimed`);
    return closed + unclaimed;
  }

  private async drain(action: DemandAction, due: string, params: unknown[]): Promise<number> {
    let moved = 0;
    for (;;) {
      const count = await this.transactions.run(async (manager) => {
        const ids = await this.demands.dueIds(due, params, CHUNK, manager);
        const at = await this.transactions.clock(manager);
        for (const demand of await this.demands.lockMany(ids, manager)) {
          await this.lifecycle.move(demand, action, { principal: null, at }, manager);
        }
        return ids.length;
      });
      moved += count;
      if (count < CHUNK) return moved;
    }
  }
}

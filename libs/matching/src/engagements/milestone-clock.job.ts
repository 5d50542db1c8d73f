import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, EventBus } from '@jiebang/platform';
import { EngagementsService } from './engagements.service';

/** Flags milestones whose due date passed with nothing delivered (and tells both sides). */
@Injectable()
export class MilestoneClockJob implements OnApplicationBootstrap {
  private readonly logger = new Logger('MilestoneClockJob');

  constructor(
    private readonly bus: EventBus,
    private readonly engagements: EngagementsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const cron = this.config.matching.clockCron;
    if (cron) await this.bus.schedule('matching.clock', cron, () => this.tick().then(() => undefined));
  }

  async tick(): Promise<number> {
    const flagged = await this.engagements.flagOverdue();
    if (flagged > 0) this.logger.log(`flagged ${flagged} overdue milestone(s)`);
    return flagged;
  }
}

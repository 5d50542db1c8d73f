import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, EventBus } from '@jiebang/platform';
import { AlertsService } from './alerts.service';

/** Sends followers their deadline reminders on a schedule (`NOTIFICATIONS_CLOCK_CRON`). */
@Injectable()
export class DeadlineReminderJob implements OnApplicationBootstrap {
  private readonly logger = new Logger('DeadlineReminderJob');

  constructor(
    private readonly bus: EventBus,
    private readonly alerts: AlertsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const cron = this.config.notifications.clockCron;
    if (cron) await this.bus.schedule('notifications.clock', cron, () => this.tick().then(() => undefined));
  }

  /** One round at `at` (the database's time when not given); returns how many reminders went out. */
  async tick(at?: Date): Promise<number> {
    const sent = await this.alerts.sendDueReminders(at);
    if (sent > 0) this.logger.log(`sent ${sent} deadline reminder(s)`);
    return sent;
  }
}

import { Injectable } from '@nestjs/common';
import { EventBus, ReadinessChecks } from '@jiebang/platform';
import { NOTIFICATIONS_CONSUMER } from './inbox/notifications.consumer';

/** Reports, on /health/ready, the events waiting for the notifications consumer and any dead letters. */
@Injectable()
export class NotificationsReadiness {
  constructor(
    readiness: ReadinessChecks,
    private readonly bus: EventBus,
  ) {
    readiness.register('notifications', async () => ({
      events: await this.bus.consumerBacklog(NOTIFICATIONS_CONSUMER),
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { EventBus, ReadinessChecks } from '@jiebang/platform';
import { MATCHING_CONSUMER } from '../listings/listing-events.consumer';

/** Reports, on /health/ready, the events waiting for matching's consumer and any dead letters. */
@Injectable()
export class MatchingReadiness {
  constructor(
    readiness: ReadinessChecks,
    private readonly bus: EventBus,
  ) {
    readiness.register('matching', async () => ({
      events: {
        listings: await this.bus.consumerBacklog(MATCHING_CONSUMER),
      },
    }));
  }
}

import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  type DemandAction,
  demandMoveIsEarly,
  demandTargetOf,
  DEMAND_TRANSITIONS,
  type DomainEvent,
} from '@jiebang/contracts';
import { EventBus, Inbox } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { DEMAND_CONSUMER } from '../demand-consumer';
import { DemandRepository } from '../demands/demand.repository';
import { DemandsService } from '../demands/demands.service';

/** Moves a need as matching reports awards and engagements, and remembers who won it. */
@Injectable()
export class MatchingEventsConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger('MatchingEventsConsumer');

  constructor(
    private readonly bus: EventBus,
    private readonly inbox: Inbox,
    private readonly demands: DemandRepository,
    private readonly lifecycle: DemandsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.subscribe(DEMAND_CONSUMER, 'matching.awarded', (event) => this.onAwarded(event));
    await this.bus.subscribe(DEMAND_CONSUMER, 'matching.engagement_started', (event) =>
      this.onEngagementStarted(event),
    );
    await this.bus.subscribe(DEMAND_CONSUMER, 'matching.engagement_completed', (event) =>
      this.onEngagementCompleted(event),
    );
  }

  onAwarded(event: DomainEvent<'matching.awarded'>): Promise<void> {
    const { demandId, winners } = event.payload;
    return this.apply(event, demandId, 'award', (manager) =>
      this.demands.addWinners(
        demandId,
        winners.map((winner) => winner.teamOrganisationId),
        manager,
      ),
    );
  }

  onEngagementStarted(event: DomainEvent<'matching.engagement_started'>): Promise<void> {
    return this.apply(event, event.payload.demandId, 'start');
  }

  async onEngagementCompleted(event: DomainEvent<'matching.engagement_completed'>): Promise<void> {
    if (event.payload.allEngagementsCompleted) await this.apply(event, event.payload.demandId, 'complete');
  }

  /**
   * Applies the move once per event. A need already at or past the target (a parallel award's
   * second engagement starting, a redelivery) is left alone. A need not yet where the move starts
   * (the award is still on its way on another queue) is retried later; a move that can never
   * apply (withdrawn) is logged and dropped. `alongside` runs in the move's transaction.
   */
  private async apply(
    event: DomainEvent,
    demandId: string,
    action: DemandAction,
    alongside?: (manager: EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.inbox.handleOnce(DEMAND_CONSUMER, event, async (manager: EntityManager) => {
      const demand = await this.demands.lock(demandId, manager);
      if (!demand) {
        this.logger.warn(`${event.type} for unknown need ${demandId}; ignored`);
        return;
      }
      if (!demandTargetOf(action, demand.status)) {
        if (demandMoveIsEarly(action, demand.status)) {
          throw new Error(
            `${event.type}: need ${demandId} is still ${demand.status}; retrying until the earlier event lands`,
          );
        }
        if (demand.status !== DEMAND_TRANSITIONS[action].to)
          this.logger.warn(`${event.type}: need ${demandId} is ${demand.status}; ignored`);
        return;
      }
      await this.lifecycle.move(demand, action, { principal: null, at: new Date(event.occurredAt) }, manager, {
        reason: event.type,
      });
      await alongside?.(manager);
    });
  }
}

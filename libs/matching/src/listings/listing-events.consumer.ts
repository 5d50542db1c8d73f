import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { DemandSnapshotPayload, DomainEvent } from '@jiebang/contracts';
import { EventBus, Inbox } from '@jiebang/platform';
import { EngagementsService } from '../engagements/engagements.service';
import { TeamsService } from '../teams/teams.service';
import { ListingRepository } from './listing.repository';

export const MATCHING_CONSUMER = 'matching';

const DEMAND_EVENTS = ['demand.published', 'demand.updated', 'demand.withdrawn', 'demand.status_changed'] as const;

/** Keeps the listing projection and identity's directory in step with their contexts. */
@Injectable()
export class ListingEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly bus: EventBus,
    private readonly inbox: Inbox,
    private readonly listings: ListingRepository,
    private readonly teams: TeamsService,
    private readonly engagements: EngagementsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const type of DEMAND_EVENTS) {
      await this.bus.subscribe(MATCHING_CONSUMER, type, (event) => this.onDemandChanged(event));
    }
    await this.bus.subscribe(MATCHING_CONSUMER, 'identity.organisation_registered', (event) =>
      this.onOrganisationRegistered(event),
    );
    await this.bus.subscribe(MATCHING_CONSUMER, 'identity.advisor_assignments_changed', (event) =>
      this.onAssignmentsChanged(event),
    );
    await this.bus.subscribe(MATCHING_CONSUMER, 'identity.user_registered', (event) => this.onUserRegistered(event));
  }

  async onDemandChanged(event: DomainEvent & { payload: DemandSnapshotPayload }): Promise<void> {
    await this.inbox.handleOnce(MATCHING_CONSUMER, event, async (manager) => {
      await this.listings.upsert(event.payload.demand, event.version, manager);
      if (event.type === 'demand.withdrawn') {
        await this.engagements.cancelForWithdrawnNeed(event.payload.demand.id, new Date(event.occurredAt), manager);
      }
    });
  }

  async onOrganisationRegistered(event: DomainEvent<'identity.organisation_registered'>): Promise<void> {
    await this.inbox.handleOnce(MATCHING_CONSUMER, event, async (manager) => {
      await this.listings.upsertOrganisation(
        { id: event.aggregateId, name: event.payload.name, kind: event.payload.kind, version: event.version },
        manager,
      );
      await this.teams.nameArrived(event.aggregateId, manager);
    });
  }

  async onAssignmentsChanged(event: DomainEvent<'identity.advisor_assignments_changed'>): Promise<void> {
    await this.inbox.handleOnce(MATCHING_CONSUMER, event, (manager) =>
      this.listings.upsertPortfolio(
        { advisorId: event.aggregateId, organisationIds: event.payload.organisationIds, version: event.version },
        manager,
      ),
    );
  }

  /** Users and their organisations: evaluation keeps a need's reviewers away from their own organisation's bids. */
  async onUserRegistered(event: DomainEvent<'identity.user_registered'>): Promise<void> {
    await this.inbox.handleOnce(MATCHING_CONSUMER, event, (manager) =>
      this.listings.upsertUser({ userId: event.aggregateId, ...event.payload }, manager),
    );
  }
}

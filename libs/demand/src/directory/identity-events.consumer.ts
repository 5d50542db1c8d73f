import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { DomainEvent } from '@jiebang/contracts';
import { EventBus, Inbox } from '@jiebang/platform';
import { DirectoryRepository } from './directory.repository';
import { DEMAND_CONSUMER } from '../demand-consumer';

/** Keeps demand's copies of organisations and advisor portfolios in step with identity. */
@Injectable()
export class IdentityEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly bus: EventBus,
    private readonly inbox: Inbox,
    private readonly directory: DirectoryRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.subscribe(DEMAND_CONSUMER, 'identity.organisation_registered', (event) =>
      this.onOrganisationRegistered(event),
    );
    await this.bus.subscribe(DEMAND_CONSUMER, 'identity.advisor_assignments_changed', (event) =>
      this.onAssignmentsChanged(event),
    );
  }

  async onOrganisationRegistered(event: DomainEvent<'identity.organisation_registered'>): Promise<void> {
    await this.inbox.handleOnce(DEMAND_CONSUMER, event, (manager) =>
      this.directory.upsertOrganisation(
        { id: event.aggregateId, name: event.payload.name, kind: event.payload.kind, version: event.version },
        manager,
      ),
    );
  }

  async onAssignmentsChanged(event: DomainEvent<'identity.advisor_assignments_changed'>): Promise<void> {
    await this.inbox.handleOnce(DEMAND_CONSUMER, event, (manager) =>
      this.directory.upsertPortfolio(
        { advisorId: event.aggregateId, organisationIds: event.payload.organisationIds, version: event.version },
        manager,
      ),
    );
  }
}

import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { DomainEvent, EventType } from '@jiebang/contracts';
import { EventBus, Transactions } from '@jiebang/platform';
import { isSearchable, toDemandDocument, toTeamDocument } from '../index/documents';
import { DocumentRepository } from './document.repository';
import { IndexSync } from './index-sync';

export const SEARCH_CONSUMER = 'search';

const DEMAND_EVENTS = [
  'demand.published',
  'demand.updated',
  'demand.status_changed',
  'demand.withdrawn',
] as const satisfies readonly EventType[];

/**
 * Turns events into stored document versions (version-guarded, so duplicates and late events
 * change nothing) and nudges the sync. Needs that are not public are stored as deletions.
 */
@Injectable()
export class SearchEventsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly bus: EventBus,
    private readonly transactions: Transactions,
    private readonly documents: DocumentRepository,
    private readonly sync: IndexSync,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const type of DEMAND_EVENTS)
      await this.bus.subscribe(SEARCH_CONSUMER, type, (event) => this.onDemandEvent(event));
    await this.bus.subscribe(SEARCH_CONSUMER, 'matching.team_profile_updated', (event) => this.onTeamProfile(event));
    await this.bus.subscribe(SEARCH_CONSUMER, 'matching.bid_submitted', (event) => this.onBid(event, false));
    await this.bus.subscribe(SEARCH_CONSUMER, 'matching.bid_withdrawn', (event) => this.onBid(event, true));
  }

  async onDemandEvent(event: DomainEvent<(typeof DEMAND_EVENTS)[number]>): Promise<void> {
    const { demand } = event.payload;
    const body =
      event.type !== 'demand.withdrawn' && isSearchable(demand) ? { ...toDemandDocument(demand, event.version) } : null;
    await this.store('demand', event.aggregateId, event.version, body);
  }

  async onTeamProfile(event: DomainEvent<'matching.team_profile_updated'>): Promise<void> {
    const body = event.payload.visible ? { ...toTeamDocument(event.aggregateId, event.version, event.payload) } : null;
    await this.store('team', event.aggregateId, event.version, body);
  }

  /** A need's bid count, as the hall shows it, follows its bids. */
  async onBid(
    event: DomainEvent<'matching.bid_submitted' | 'matching.bid_withdrawn'>,
    withdrawn: boolean,
  ): Promise<void> {
    const { bidId, demandId } = event.payload;
    const changed = await this.transactions.run((manager) =>
      this.documents.recordBid(bidId, demandId, withdrawn, manager),
    );
    if (changed) this.sync.kick();
  }

  private async store(
    kind: 'demand' | 'team',
    id: string,
    version: number,
    body: Record<string, unknown> | null,
  ): Promise<void> {
    const changed = await this.transactions.run((manager) => this.documents.upsert(kind, id, version, body, manager));
    if (changed) this.sync.kick();
  }
}

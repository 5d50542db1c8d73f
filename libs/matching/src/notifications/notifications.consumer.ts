import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { DomainEvent, EventType } from '@jiebang/contracts';
import { APP_CONFIG, type AppConfig, EventBus, Inbox } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { PartiesRepository } from '../access/parties.repository';
import { ListingRepository } from '../listings/listing.repository';
import { type MessageContext, messagesFor } from './notification-texts';
import { NotificationRepository } from './notification.repository';

export const NOTIFICATIONS_CONSUMER = 'notifications';

const MESSAGE_EVENTS = [
  'demand.status_changed',
  'matching.bid_submitted',
  'matching.awarded',
  'matching.milestone_submitted',
  'matching.milestone_accepted',
  'matching.milestone_rejected',
  'matching.milestone_overdue',
  'matching.conversion_recorded',
] as const satisfies readonly EventType[];

/** Turns events into inbox messages for the users they concern (and emails, when SMTP is configured). */
@Injectable()
export class NotificationsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly bus: EventBus,
    private readonly inbox: Inbox,
    private readonly notifications: NotificationRepository,
    private readonly listings: ListingRepository,
    private readonly parties: PartiesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.subscribe(NOTIFICATIONS_CONSUMER, 'identity.user_registered', (event) =>
      this.onUserRegistered(event),
    );
    for (const type of MESSAGE_EVENTS) {
      await this.bus.subscribe(NOTIFICATIONS_CONSUMER, type, (event) => this.onEvent(event as DomainEvent));
    }
  }

  async onUserRegistered(event: DomainEvent<'identity.user_registered'>): Promise<void> {
    await this.inbox.handleOnce(NOTIFICATIONS_CONSUMER, event, (manager) =>
      this.notifications.upsertRecipient({ userId: event.aggregateId, ...event.payload }, manager),
    );
  }

  async onEvent(event: DomainEvent): Promise<void> {
    await this.inbox.handleOnce(NOTIFICATIONS_CONSUMER, event, async (manager) => {
      const context = await this.contextOf(event, manager);
      if (!context) return;
      const emailStatus = this.config.mail.smtpUrl ? 'pending' : 'off';
      for (const message of messagesFor(event, context)) {
        await this.notifications.deliver(event.id, message, emailStatus, manager);
      }
    });
  }

  private async contextOf(event: DomainEvent, manager: EntityManager): Promise<MessageContext | null> {
    const payload = event.payload as { demandId?: string | null; demand?: { id: string } };
    const demandId = payload.demand?.id ?? payload.demandId;
    if (!demandId) return null;
    const listing = await this.listings.find(demandId, manager);
    if (!listing) {
      // A review arrives with its own snapshot; matching's events always follow the listing.
      const snapshot = (event as DomainEvent<'demand.status_changed'>).payload.demand;
      if (!snapshot) return null;
      return { demandTitle: snapshot.title, ownerOrganisationId: snapshot.ownerOrganisationId, advisorIds: [] };
    }
    const parties = await this.parties.of(listing, manager);
    return {
      demandTitle: listing.title,
      ownerOrganisationId: listing.ownerOrganisationId,
      advisorIds: [...parties.advisorIds],
    };
  }
}

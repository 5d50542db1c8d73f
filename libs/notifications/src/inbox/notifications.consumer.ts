import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { DomainEvent } from '@jiebang/contracts';
import { APP_CONFIG, type AppConfig, EventBus, Inbox } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { AlertsService } from '../alerts/alerts.service';
import { DirectoryRepository } from '../directory/directory.repository';
import { SubscriptionRepository } from '../subscriptions/subscription.repository';
import { MESSAGE_EVENTS, type MessageContext, type MessageEvent, messagesFor } from './notification-texts';
import { NotificationRepository } from './notification.repository';

export const NOTIFICATIONS_CONSUMER = 'notifications';

/** Demand's events that produce no inbox message of their own (their followers' alerts aside). */
const NEED_EVENTS = ['demand.published', 'demand.updated', 'demand.withdrawn'] as const;

/** Raised when a matching event names a need demand has not announced here yet: the event is redelivered. */
export class NeedNotYetKnown extends Error {}

/**
 * Keeps notifications' read model (recipients, needs, advisors' portfolios, team profiles) in step
 * with the contexts that own them, turns events into inbox messages for the users they concern (and
 * emails, when SMTP is configured), and alerts subscribers. Every handler goes through the inbox: a redelivery changes nothing.
 */
@Injectable()
export class NotificationsConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly bus: EventBus,
    private readonly inbox: Inbox,
    private readonly notifications: NotificationRepository,
    private readonly directory: DirectoryRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly alerts: AlertsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bus.subscribe(NOTIFICATIONS_CONSUMER, 'identity.user_registered', (event) =>
      this.onUserRegistered(event),
    );
    await this.bus.subscribe(NOTIFICATIONS_CONSUMER, 'identity.advisor_assignments_changed', (event) =>
      this.onAssignmentsChanged(event),
    );
    await this.bus.subscribe(NOTIFICATIONS_CONSUMER, 'matching.team_profile_updated', (event) =>
      this.onTeamProfileUpdated(event),
    );
    for (const type of NEED_EVENTS) {
      await this.bus.subscribe(NOTIFICATIONS_CONSUMER, type, (event) => this.onNeedChanged(event));
    }
    for (const type of MESSAGE_EVENTS) {
      await this.bus.subscribe(NOTIFICATIONS_CONSUMER, type, (event) => this.onMessageEvent(event));
    }
  }

  async onUserRegistered(event: DomainEvent<'identity.user_registered'>): Promise<void> {
    await this.inbox.handleOnce(NOTIFICATIONS_CONSUMER, event, (manager) =>
      this.directory.upsertRecipient({ userId: event.aggregateId, ...event.payload }, manager),
    );
  }

  async onAssignmentsChanged(event: DomainEvent<'identity.advisor_assignments_changed'>): Promise<void> {
    await this.inbox.handleOnce(NOTIFICATIONS_CONSUMER, event, (manager) =>
      this.directory.upsertPortfolio(
        { advisorId: event.aggregateId, organisationIds: event.payload.organisationIds, version: event.version },
        manager,
      ),
    );
  }

  async onTeamProfileUpdated(event: DomainEvent<'matching.team_profile_updated'>): Promise<void> {
    await this.inbox.handleOnce(NOTIFICATIONS_CONSUMER, event, (manager) =>
      this.subscriptions.upsertTeamProfile(event.payload, event.version, manager),
    );
  }

  async onNeedChanged(
    event: DomainEvent<'demand.published'> | DomainEvent<'demand.updated'> | DomainEvent<'demand.withdrawn'>,
  ): Promise<void> {
    await this.inbox.handleOnce(NOTIFICATIONS_CONSUMER, event, async (manager) => {
      await this.directory.upsertNeed(event.payload.demand, event.version, manager);
      if (event.type === 'demand.published') await this.alerts.needPublished(event, manager);
      if (event.type === 'demand.withdrawn') await this.alerts.followedNeedMoved(event, manager);
    });
  }

  async onMessageEvent(event: MessageEvent): Promise<void> {
    await this.inbox.handleOnce(NOTIFICATIONS_CONSUMER, event, async (manager) => {
      if (event.type === 'demand.status_changed') {
        await this.directory.upsertNeed(event.payload.demand, event.version, manager);
        await this.alerts.followedNeedMoved(event, manager);
      }
      const context = await this.contextOf(event, manager);
      if (!context) return;
      if (event.type === 'demand.question_answered') {
        const { demandId } = event.payload;
        await this.alerts.followedNeedAnswered(
          event,
          { id: demandId, title: context.demandTitle, ownerOrganisationId: context.ownerOrganisationId },
          manager,
        );
      }
      const emailStatus = this.config.mail.smtpUrl ? 'pending' : 'off';
      for (const message of messagesFor(event, context)) {
        await this.notifications.deliver(event, message, emailStatus, manager);
      }
    });
  }

  private async contextOf(event: MessageEvent, manager: EntityManager): Promise<MessageContext | null> {
    if (event.type === 'demand.status_changed') {
      // A review arrives with its own snapshot.
      const { demand } = event.payload;
      return {
        demandTitle: demand.title,
        ownerOrganisationId: demand.ownerOrganisationId,
        advisorIds: await this.directory.advisorsOf(demand.ownerOrganisationId, manager),
      };
    }
    const demandId = event.payload.demandId;
    if (!demandId) return null;
    const need = await this.directory.findNeed(demandId, manager);
    // Queues deliver each event type on its own: matching may speak of a need before demand's
    // announcement of it reached this context. Failing the handler redelivers it later.
    if (!need) throw new NeedNotYetKnown(`need ${demandId} of event ${event.id} is not known to notifications yet`);
    const advisorIds = await this.directory.advisorsOf(need.ownerOrganisationId, manager);
    if (event.type === 'matching.engagement_message_posted') {
      // A thread's advisors serve either party.
      advisorIds.push(...(await this.directory.advisorsOf(event.payload.teamOrganisationId, manager)));
    }
    return { demandTitle: need.title, ownerOrganisationId: need.ownerOrganisationId, advisorIds };
  }
}

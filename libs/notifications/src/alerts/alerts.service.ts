import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DemandPublicSnapshot, DomainEvent } from '@jiebang/contracts';
import { APP_CONFIG, type AppConfig, Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import type { Message } from '../inbox/notification-texts';
import { type NotificationSource, NotificationRepository } from '../inbox/notification.repository';
import type { AlertKind, Channels } from '../preferences/alert-kinds';
import { PreferenceRepository } from '../preferences/preference.repository';
import { matchesSearch, profileTermsIn } from '../subscriptions/need-matching';
import { SubscriptionRepository } from '../subscriptions/subscription.repository';
import { AlertRepository } from './alert.repository';
import {
  describeReasons,
  followedAnswerMessage,
  followedStatusMessage,
  type MatchReasons,
  needMatchedMessage,
  reminderMessage,
} from './alert-texts';

/**
 * Alerts users subscribed to: a published need matching a saved search or a team profile, the
 * deadline of a followed need drawing near, a followed need changing status. Each goes to the
 * channels the user keeps on for its kind; matches are emailed as one digest per publication.
 */
@Injectable()
export class AlertsService {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly preferences: PreferenceRepository,
    private readonly notifications: NotificationRepository,
    private readonly alerts: AlertRepository,
    private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Matches a need just published against every standing search, inside the event's transaction. */
  async needPublished(event: DomainEvent<'demand.published'>, manager: EntityManager): Promise<void> {
    const need = event.payload.demand;
    const reasons = new Map<string, MatchReasons>();
    const of = (userId: string) => {
      const found = reasons.get(userId) ?? { searches: [], profileTerms: [] };
      reasons.set(userId, found);
      return found;
    };
    for (const search of await this.subscriptions.standingSearches(manager)) {
      // A need's own enterprise knows about it already.
      if (search.organisationId === need.ownerOrganisationId) continue;
      if (search.kind === 'search') {
        if (matchesSearch(search.criteria, need)) of(search.userId).searches.push(search.name ?? '');
      } else {
        const terms = profileTermsIn(search.terms, need);
        if (terms.length > 0) of(search.userId).profileTerms.push(...terms);
      }
    }
    if (reasons.size === 0) return;
    const channels = await this.preferences.channels([...reasons.keys()], 'need_matched', manager);
    // One digest per publication: the batch when the need came in one, else the need itself.
    const batchKey = need.batchId ?? need.id;
    for (const [userId, why] of reasons) {
      const { inApp, email } = channels.get(userId)!;
      if (inApp) await this.notifications.deliver(event, needMatchedMessage(userId, need, why), 'off', manager);
      if (email && this.config.mail.smtpUrl) {
        await this.alerts.addToDigest(
          userId,
          batchKey,
          { demandId: need.id, title: need.title, code: need.code, reason: describeReasons(why) },
          this.config.notifications.digestDelaySeconds,
          manager,
        );
      }
    }
  }

  /** Tells a need's followers about a change of its status (withdrawal included). */
  async followedNeedMoved(
    event: DomainEvent<'demand.status_changed'> | DomainEvent<'demand.withdrawn'>,
    manager: EntityManager,
  ): Promise<void> {
    const need: DemandPublicSnapshot = event.payload.demand;
    const followers = await this.subscriptions.followersOf(need.id, manager);
    if (followers.length === 0) return;
    await this.deliverAlert(
      event,
      'followed_status',
      followers,
      (userIds) => followedStatusMessage(userIds, need, need.status),
      manager,
    );
  }

  /**
   * Tells a need's followers that one of its questions was answered. The asking team and the
   * owner hear of it by their own messages, so their members are not alerted twice.
   */
  async followedNeedAnswered(
    event: DomainEvent<'demand.question_answered'>,
    need: { id: string; title: string; ownerOrganisationId: string },
    manager: EntityManager,
  ): Promise<void> {
    const { askerOrganisationId, question } = event.payload;
    const followers = await this.subscriptions.followersOutside(
      need.id,
      [askerOrganisationId, need.ownerOrganisationId],
      manager,
    );
    if (followers.length === 0) return;
    await this.deliverAlert(
      event,
      'followed_answer',
      followers,
      (userIds) => followedAnswerMessage(userIds, need, question),
      manager,
    );
  }

  /**
   * Sends the deadline reminders due at `at` (the database's time when not given): 7 days and 1
   * day before a followed need's deadline, each once. Returns how many were sent.
   */
  async sendDueReminders(at?: Date): Promise<number> {
    return this.transactions.run(async (manager) => {
      const now = at ?? (await this.transactions.clock(manager));
      const due = await this.alerts.takeDueReminders(now, manager);
      const groups = new Map<string, { reminder: (typeof due)[number]; userIds: string[] }>();
      for (const reminder of due) {
        const key = `${reminder.demandId}:${reminder.stage}`;
        const group = groups.get(key) ?? { reminder, userIds: [] };
        group.userIds.push(reminder.userId);
        groups.set(key, group);
      }
      for (const { reminder, userIds } of groups.values()) {
        await this.deliverAlert(
          { id: randomUUID(), occurredAt: null },
          'deadline_reminder',
          userIds,
          (users) => reminderMessage(users, reminder),
          manager,
        );
      }
      return due.length;
    });
  }

  /** Delivers one alert to users grouped by their channels for its kind: in the inbox, by email, or both. */
  private async deliverAlert(
    source: NotificationSource,
    kind: AlertKind,
    userIds: string[],
    message: (userIds: string[]) => Message,
    manager: EntityManager,
  ): Promise<void> {
    const channels = await this.preferences.channels(userIds, kind, manager);
    const byChannels = new Map<string, { channels: Channels; userIds: string[] }>();
    for (const userId of userIds) {
      const chosen = channels.get(userId)!;
      const email = chosen.email && this.config.mail.smtpUrl !== null;
      if (!chosen.inApp && !email) continue;
      const key = `${chosen.inApp}:${email}`;
      const group = byChannels.get(key) ?? { channels: { inApp: chosen.inApp, email }, userIds: [] };
      group.userIds.push(userId);
      byChannels.set(key, group);
    }
    for (const group of byChannels.values()) {
      await this.notifications.deliver(
        source,
        message(group.userIds),
        group.channels.email ? 'pending' : 'off',
        manager,
        !group.channels.inApp,
      );
    }
  }
}

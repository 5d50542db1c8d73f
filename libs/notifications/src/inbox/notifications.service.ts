import { Injectable } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { pageOf } from '@jiebang/platform';
import { notificationsError } from '../notifications.errors';
import { type InboxQuery, type NotificationPage, toNotificationView, type UnreadCountView } from './notification.dto';
import { NotificationRepository } from './notification.repository';

/** Each user's inbox. */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationRepository) {}

  async inbox(query: InboxQuery, caller: Principal): Promise<NotificationPage> {
    const [items, total] = await this.notifications.inbox(caller, { unread: query.unread }, query);
    return {
      ...pageOf(items.map(toNotificationView), total, query),
      unread: await this.notifications.unreadCount(caller),
    };
  }

  async unreadCount(caller: Principal): Promise<UnreadCountView> {
    return { unread: await this.notifications.unreadCount(caller) };
  }

  async markRead(id: string, caller: Principal): Promise<UnreadCountView> {
    if (!(await this.notifications.markRead(caller, id))) {
      throw notificationsError('NOTIFICATION_NOT_FOUND', 'No such notification.');
    }
    return this.unreadCount(caller);
  }

  async markAllRead(caller: Principal): Promise<UnreadCountView> {
    await this.notifications.markAllRead(caller);
    return this.unreadCount(caller);
  }
}

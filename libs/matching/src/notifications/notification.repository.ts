import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import type { Message } from './notification-texts';
import { type EmailStatus, Notification, type Recipient } from './notification.entity';

export interface PendingEmail {
  id: string;
  email: string;
  displayName: string;
  title: string;
  body: string;
  attempts: number;
}

@Injectable()
export class NotificationRepository {
  constructor(private readonly transactions: Transactions) {}

  async upsertRecipient(recipient: Recipient, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO matching.recipient (user_id, organisation_id, role, email, display_name) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, role = EXCLUDED.role,
         email = EXCLUDED.email, display_name = EXCLUDED.display_name`,
      [recipient.userId, recipient.organisationId, recipient.role, recipient.email, recipient.displayName],
    );
  }

  /** Writes one inbox row per user the message reaches; a redelivered event adds nothing. */
  async deliver(eventId: string, message: Message, emailStatus: EmailStatus, manager: EntityManager): Promise<number> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO matching.notification (user_id, event_id, kind, title, body, link, email_status)
       SELECT DISTINCT r.user_id, $1::uuid, $2, $3, $4, $5, $6 FROM matching.recipient r
       WHERE r.organisation_id = ANY($7::uuid[]) OR r.user_id = ANY($8::uuid[])
       ON CONFLICT (user_id, event_id) DO NOTHING
       RETURNING id`,
      [
        eventId,
        message.kind,
        message.title,
        message.body,
        message.link,
        emailStatus,
        message.audience.organisationIds,
        message.audience.userIds,
      ],
    );
    return rows.length;
  }

  inbox(
    userId: string,
    filter: { unread?: boolean },
    page: { offset: number; pageSize: number },
  ): Promise<[Notification[], number]> {
    const query = this.transactions.manager
      .createQueryBuilder(Notification, 'n')
      .where('n.user_id = :userId', { userId });
    if (filter.unread) query.andWhere('n.read_at IS NULL');
    return query
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id')
      .skip(page.offset)
      .take(page.pageSize)
      .getManyAndCount();
  }

  unreadCount(userId: string): Promise<number> {
    return this.transactions.manager
      .createQueryBuilder(Notification, 'n')
      .where('n.user_id = :userId AND n.read_at IS NULL', { userId })
      .getCount();
  }

  /** Marks one of the user's notifications read; false when it is not theirs. */
  async markRead(userId: string, id: string): Promise<boolean> {
    const rows = await this.transactions.manager.query<[unknown[], number]>(
      `UPDATE matching.notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id`,
      [id, userId],
    );
    return rows[1] > 0;
  }

  async markAllRead(userId: string): Promise<number> {
    const rows = await this.transactions.manager.query<[unknown[], number]>(
      'UPDATE matching.notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return rows[1];
  }

  /** Claims pending emails, skipping rows another instance is sending. */
  claimPendingEmails(limit: number, manager: EntityManager): Promise<PendingEmail[]> {
    return manager.query<PendingEmail[]>(
      `SELECT n.id, r.email, r.display_name AS "displayName", n.title, n.body, n.email_attempts AS attempts
       FROM matching.notification n JOIN matching.recipient r ON r.user_id = n.user_id
       WHERE n.email_status = 'pending'
       ORDER BY n.created_at LIMIT $1
       FOR UPDATE OF n SKIP LOCKED`,
      [limit],
    );
  }

  async settleEmail(id: string, status: EmailStatus, attempts: number, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE matching.notification SET email_status = $2, email_attempts = $3 WHERE id = $1', [
      id,
      status,
      attempts,
    ]);
  }
}

import { Injectable } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import type { Message } from './notification-texts';
import type { EmailStatus, InboxItem, Recipient } from './notification.entity';

export interface PendingEmail {
  id: string;
  organisationId: string | null;
  userId: string | null;
  title: string;
  body: string;
  attempts: number;
}

// The messages a user sees: those to them and those to their organisation.
const AUDIENCE = `(n.user_id = $1 OR n.organisation_id = $2)`;

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

  /** One row per organisation and user the message goes to; a redelivered event adds nothing. */
  async deliver(eventId: string, message: Message, emailStatus: EmailStatus, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO matching.notification (event_id, organisation_id, user_id, kind, title, body, link, email_status)
       SELECT $1, audience.organisation_id, audience.user_id, $2, $3, $4, $5, $6
       FROM (SELECT DISTINCT unnest($7::uuid[]) AS organisation_id, NULL::uuid AS user_id
             UNION SELECT DISTINCT NULL::uuid, unnest($8::uuid[])) audience
       ON CONFLICT DO NOTHING`,
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
  }

  async inbox(
    caller: Principal,
    filter: { unread?: boolean },
    page: { offset: number; pageSize: number },
  ): Promise<[InboxItem[], number]> {
    const unread = filter.unread ? 'AND r.read_at IS NULL' : '';
    const rows = await this.transactions.manager.query<Array<InboxItem & { total: string }>>(
      `SELECT n.id, n.event_id AS "eventId", n.organisation_id AS "organisationId", n.user_id AS "userId", n.kind,
              n.title, n.body, n.link, n.created_at AS "createdAt", n.email_status AS "emailStatus",
              n.email_attempts AS "emailAttempts", r.read_at AS "readAt", count(*) OVER () AS total
       FROM matching.notification n
       LEFT JOIN matching.notification_read r ON r.notification_id = n.id AND r.user_id = $1
       WHERE ${AUDIENCE} ${unread}
       ORDER BY n.created_at DESC, n.id
       OFFSET $3 LIMIT $4`,
      [caller.userId, caller.organisationId, page.offset, page.pageSize],
    );
    return [rows, Number(rows[0]?.total ?? (page.offset > 0 ? await this.count(caller, filter.unread) : 0))];
  }

  async unreadCount(caller: Principal): Promise<number> {
    return this.count(caller, true);
  }

  private async count(caller: Principal, unread = false): Promise<number> {
    const rows = await this.transactions.manager.query<Array<{ count: string }>>(
      `SELECT count(*) FROM matching.notification n
       WHERE ${AUDIENCE}
         ${unread ? 'AND NOT EXISTS (SELECT 1 FROM matching.notification_read r WHERE r.notification_id = n.id AND r.user_id = $1)' : ''}`,
      [caller.userId, caller.organisationId],
    );
    return Number(rows[0].count);
  }

  /** Marks a message in the caller's inbox read; false when it is not in their inbox. */
  async markRead(caller: Principal, id: string): Promise<boolean> {
    const rows = await this.transactions.manager.query<unknown[]>(
      `WITH mine AS (SELECT n.id FROM matching.notification n WHERE n.id = $3 AND ${AUDIENCE})
       INSERT INTO matching.notification_read (notification_id, user_id)
       SELECT id, $1 FROM mine ON CONFLICT DO NOTHING
       RETURNING notification_id`,
      [caller.userId, caller.organisationId, id],
    );
    if (rows.length > 0) return true;
    const seen = await this.transactions.manager.query<unknown[]>(
      `SELECT 1 FROM matching.notification n WHERE n.id = $3 AND ${AUDIENCE}`,
      [caller.userId, caller.organisationId, id],
    );
    return seen.length > 0;
  }

  async markAllRead(caller: Principal): Promise<void> {
    await this.transactions.manager.query(
      `INSERT INTO matching.notification_read (notification_id, user_id)
       SELECT n.id, $1 FROM matching.notification n WHERE ${AUDIENCE}
       ON CONFLICT DO NOTHING`,
      [caller.userId, caller.organisationId],
    );
  }

  /** Claims pending emails, skipping rows another instance is sending. */
  claimPendingEmails(limit: number, manager: EntityManager): Promise<PendingEmail[]> {
    return manager.query<PendingEmail[]>(
      `SELECT n.id, n.organisation_id AS "organisationId", n.user_id AS "userId", n.title, n.body,
              n.email_attempts AS attempts
       FROM matching.notification n
       WHERE n.email_status = 'pending'
       ORDER BY n.created_at LIMIT $1
       FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  /** The addresses of a message's audience, as identity last announced them. */
  recipientsOf(email: PendingEmail, manager: EntityManager): Promise<Recipient[]> {
    return manager.query<Recipient[]>(
      `SELECT user_id AS "userId", organisation_id AS "organisationId", role, email, display_name AS "displayName"
       FROM matching.recipient WHERE user_id = $1 OR organisation_id = $2 ORDER BY email`,
      [email.userId, email.organisationId],
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

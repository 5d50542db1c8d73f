import { Injectable } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import type { Message } from './notification-texts';
import type { Recipient } from '../directory/directory.entity';
import type { EmailStatus, InboxItem } from './notification.entity';

export interface PendingEmail {
  id: string;
  organisationId: string | null;
  role: 'enterprise' | 'team' | null;
  userId: string | null;
  createdAt: Date;
  kind: string;
  title: string;
  body: string;
  attempts: number;
}

/** What a notification reports: an event, or a reminder of the clock's (dated when it is delivered). */
export interface NotificationSource {
  id: string;
  occurredAt: string | null;
}

// The messages a user sees: those to them and those to their side of their organisation.
// A hidden row exists only for its email copy (the user turned that alert off in-app).
const AUDIENCE = `((n.user_id = $1 OR (n.organisation_id = $2 AND n.role = $3)) AND NOT n.hidden)`;

@Injectable()
export class NotificationRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * One row per organisation side and user the message goes to; a redelivered event adds nothing.
   * A notification is dated by what it reports: events handled in one transaction would otherwise
   * share its start time, and an inbox sorted by time would list them in random order.
   */
  async deliver(
    source: NotificationSource,
    message: Message,
    emailStatus: EmailStatus,
    manager: EntityManager,
    hidden = false,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.notification
         (event_id, organisation_id, role, user_id, kind, title, body, link, email_status, hidden, params, created_at)
       SELECT DISTINCT $1::uuid, audience.organisation_id, audience.role, audience.user_id, $2, $3, $4, $5, $6,
              $9::boolean, $10::jsonb, COALESCE($11::timestamptz, now())
       FROM (SELECT o.id AS organisation_id, o.role, NULL::uuid AS user_id
             FROM jsonb_to_recordset($7::jsonb) AS o(id uuid, role text)
             UNION SELECT NULL::uuid, NULL, unnest($8::uuid[])) audience
       ON CONFLICT DO NOTHING`,
      [
        source.id,
        message.kind,
        message.title,
        message.body,
        message.link,
        emailStatus,
        JSON.stringify(message.audience.organisations),
        message.audience.userIds,
        hidden,
        JSON.stringify(message.params),
        source.occurredAt,
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
              n.title, n.body, n.params, n.link, n.created_at AS "createdAt", n.email_status AS "emailStatus",
              n.email_attempts AS "emailAttempts", r.read_at AS "readAt", count(*) OVER () AS total
       FROM notifications.notification n
       LEFT JOIN notifications.notification_read r ON r.notification_id = n.id AND r.user_id = $1
       WHERE ${AUDIENCE} ${unread}
       ORDER BY n.created_at DESC, n.id
       OFFSET $4 LIMIT $5`,
      [caller.userId, caller.organisationId, caller.role, page.offset, page.pageSize],
    );
    return [rows, Number(rows[0]?.total ?? (page.offset > 0 ? await this.count(caller, filter.unread) : 0))];
  }

  async unreadCount(caller: Principal): Promise<number> {
    return this.count(caller, true);
  }

  private async count(caller: Principal, unread = false): Promise<number> {
    const rows = await this.transactions.manager.query<Array<{ count: string }>>(
      `SELECT count(*) FROM notifications.notification n
       WHERE ${AUDIENCE}
         ${unread ? 'AND NOT EXISTS (SELECT 1 FROM notifications.notification_read r WHERE r.notification_id = n.id AND r.user_id = $1)' : ''}`,
      [caller.userId, caller.organisationId, caller.role],
    );
    return Number(rows[0].count);
  }

  /** Marks a message in the caller's inbox read; false when it is not in their inbox. */
  async markRead(caller: Principal, id: string): Promise<boolean> {
    const rows = await this.transactions.manager.query<unknown[]>(
      `WITH mine AS (SELECT n.id FROM notifications.notification n WHERE n.id = $4 AND ${AUDIENCE})
       INSERT INTO notifications.notification_read (notification_id, user_id)
       SELECT id, $1 FROM mine ON CONFLICT DO NOTHING
       RETURNING notification_id`,
      [caller.userId, caller.organisationId, caller.role, id],
    );
    if (rows.length > 0) return true;
    const seen = await this.transactions.manager.query<unknown[]>(
      `SELECT 1 FROM notifications.notification n WHERE n.id = $4 AND ${AUDIENCE}`,
      [caller.userId, caller.organisationId, caller.role, id],
    );
    return seen.length > 0;
  }

  async markAllRead(caller: Principal): Promise<void> {
    await this.transactions.manager.query(
      `INSERT INTO notifications.notification_read (notification_id, user_id)
       SELECT n.id, $1 FROM notifications.notification n WHERE ${AUDIENCE}
       ON CONFLICT DO NOTHING`,
      [caller.userId, caller.organisationId, caller.role],
    );
  }

  /**
   * Claims due emails for this sender in a short transaction of its own: a row claimed by a sender
   * that died is claimable again after `staleAfterSeconds` (at least once, never lost).
   */
  async claimDueEmails(limit: number, staleAfterSeconds: number): Promise<PendingEmail[]> {
    // An UPDATE … RETURNING comes back from TypeORM as [rows, affected].
    const [rows] = await this.transactions.run((manager) =>
      manager.query<[PendingEmail[], number]>(
        `UPDATE notifications.notification n SET email_status = 'sending',
           email_next_at = now() + make_interval(secs => $2)
         WHERE n.id IN (SELECT id FROM notifications.notification
                        WHERE email_status IN ('pending', 'sending') AND email_next_at <= now()
                        ORDER BY email_next_at LIMIT $1 FOR NO KEY UPDATE SKIP LOCKED)
         RETURNING n.id, n.organisation_id AS "organisationId", n.role, n.user_id AS "userId",
           n.created_at AS "createdAt", n.kind, n.title, n.body, n.email_attempts AS attempts`,
        [limit, staleAfterSeconds],
      ),
    );
    return rows;
  }

  /** The addresses of a message's audience, as identity last announced them. */
  recipientsOf(email: Pick<PendingEmail, 'userId' | 'organisationId' | 'role'>): Promise<Recipient[]> {
    return this.transactions.manager.query<Recipient[]>(
      `SELECT user_id AS "userId", organisation_id AS "organisationId", role, email, display_name AS "displayName"
       FROM notifications.recipient WHERE user_id = $1 OR (organisation_id = $2 AND role = $3) ORDER BY email`,
      [email.userId, email.organisationId, email.role],
    );
  }

  /** Records the outcome of one send; `retryInSeconds` puts it back in the queue. */
  async settleEmail(
    id: string,
    outcome: { status: EmailStatus; attempts: number; retryInSeconds?: number },
  ): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE notifications.notification SET email_status = $2, email_attempts = $3,
         email_next_at = now() + make_interval(secs => $4) WHERE id = $1`,
      [id, outcome.status, outcome.attempts, outcome.retryInSeconds ?? 0],
    );
  }
}

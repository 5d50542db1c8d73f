import { Injectable } from '@nestjs/common';
import type { Role } from '@jiebang/contracts';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import type { EngagementMessage } from './thread.entity';

/** A message with the names of its author and the author's organisation, as matching last heard them. */
export interface MessageRow extends EngagementMessage {
  authorName: string | null;
  authorOrganisationName: string | null;
}

export interface ReadState {
  lastSeq: number;
  readUpTo: number;
  unread: number;
}

const MESSAGE_COLUMNS = `m.id, m.engagement_id AS "engagementId", m.seq, m.author_id AS "authorId",
  m.author_role AS "authorRole", m.author_organisation_id AS "authorOrganisationId", m.body,
  m.created_at AS "createdAt", r.display_name AS "authorName", o.name AS "authorOrganisationName"`;
const MESSAGE_FROM = `matching.engagement_message m
  LEFT JOIN matching.recipient r ON r.user_id = m.author_id
  LEFT JOIN matching.organisation o ON o.id = m.author_organisation_id`;

@Injectable()
export class ThreadRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * The thread's next place, 1 for the first message. The counter row stays locked until the
   * transaction ends, so concurrent posts take their places one after the other, in commit order.
   */
  async nextSeq(engagementId: string, manager: EntityManager): Promise<number> {
    const rows = await manager.query<Array<{ last_seq: number }>>(
      `INSERT INTO matching.engagement_thread (engagement_id, last_seq) VALUES ($1, 1)
       ON CONFLICT (engagement_id) DO UPDATE SET last_seq = matching.engagement_thread.last_seq + 1
       RETURNING last_seq`,
      [engagementId],
    );
    return rows[0].last_seq;
  }

  /** Stores a message at its place; stamped with the clock after the place was taken, so time follows order. */
  async insert(
    message: Pick<
      EngagementMessage,
      'engagementId' | 'seq' | 'authorId' | 'authorRole' | 'authorOrganisationId' | 'body'
    >,
    manager: EntityManager,
  ): Promise<string> {
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO matching.engagement_message
         (engagement_id, seq, author_id, author_role, author_organisation_id, body, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp()) RETURNING id`,
      [
        message.engagementId,
        message.seq,
        message.authorId,
        message.authorRole,
        message.authorOrganisationId,
        message.body,
      ],
    );
    return rows[0].id;
  }

  async find(id: string): Promise<MessageRow | null> {
    const rows = await this.transactions.manager.query<MessageRow[]>(
      `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM} WHERE m.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Up to `limit` messages, oldest first: the first ones after `after`, or the last ones before
   * `before`, or the latest. `hasMore`: more lie beyond in the direction read.
   */
  async page(
    engagementId: string,
    cursor: { after?: number; before?: number },
    limit: number,
  ): Promise<{ rows: MessageRow[]; hasMore: boolean }> {
    const forward = cursor.after !== undefined;
    const bound = forward ? cursor.after : (cursor.before ?? null);
    const rows = await this.transactions.manager.query<MessageRow[]>(
      `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGE_FROM}
       WHERE m.engagement_id = $1 AND ($2::integer IS NULL OR m.seq ${forward ? '>' : '<'} $2)
       ORDER BY m.seq ${forward ? 'ASC' : 'DESC'} LIMIT $3`,
      [engagementId, bound, limit + 1],
    );
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    return { rows: forward ? page : page.reverse(), hasMore };
  }

  async seqOf(engagementId: string, messageId: string): Promise<number | null> {
    const rows = await this.transactions.manager.query<Array<{ seq: number }>>(
      'SELECT seq FROM matching.engagement_message WHERE engagement_id = $1 AND id = $2',
      [engagementId, messageId],
    );
    return rows[0]?.seq ?? null;
  }

  async authorOf(engagementId: string, messageId: string, manager: EntityManager): Promise<string | null> {
    const rows = await manager.query<Array<{ author_id: string }>>(
      'SELECT author_id FROM matching.engagement_message WHERE engagement_id = $1 AND id = $2',
      [engagementId, messageId],
    );
    return rows[0]?.author_id ?? null;
  }

  /** Office users who have written in the thread. */
  async authorsWithRole(engagementId: string, role: Role, manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<Array<{ author_id: string }>>(
      `SELECT DISTINCT author_id FROM matching.engagement_message
       WHERE engagement_id = $1 AND author_role = $2 ORDER BY author_id`,
      [engagementId, role],
    );
    return rows.map((row) => row.author_id);
  }

  /** Moves the user's read marker up to `seq`; never back. */
  async markRead(engagementId: string, userId: string, seq: number, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO matching.engagement_thread_read (engagement_id, user_id, last_read_seq, read_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (user_id, engagement_id) DO UPDATE
         SET last_read_seq = GREATEST(matching.engagement_thread_read.last_read_seq, EXCLUDED.last_read_seq),
             read_at = EXCLUDED.read_at`,
      [engagementId, userId, seq],
    );
  }

  async readState(engagementId: string, userId: string): Promise<ReadState> {
    const rows = await this.transactions.manager.query<Array<{ last_seq: number; read_up_to: number }>>(
      `SELECT coalesce((SELECT last_seq FROM matching.engagement_thread WHERE engagement_id = $1), 0) AS last_seq,
              coalesce((SELECT last_read_seq FROM matching.engagement_thread_read
                        WHERE engagement_id = $1 AND user_id = $2), 0) AS read_up_to`,
      [engagementId, userId],
    );
    const unread = await this.unreadCounts(userId, [engagementId]);
    return { lastSeq: rows[0].last_seq, readUpTo: rows[0].read_up_to, unread: unread.get(engagementId) ?? 0 };
  }

  /** Messages by others after the user's read marker, per engagement (absent: none). */
  async unreadCounts(userId: string, engagementIds: string[]): Promise<Map<string, number>> {
    if (engagementIds.length === 0) return new Map();
    const rows = await this.transactions.manager.query<Array<{ engagement_id: string; unread: number }>>(
      `SELECT m.engagement_id, count(*)::integer AS unread
       FROM matching.engagement_message m
       LEFT JOIN matching.engagement_thread_read r ON r.engagement_id = m.engagement_id AND r.user_id = $1
       WHERE m.engagement_id = ANY($2) AND m.author_id <> $1 AND m.seq > coalesce(r.last_read_seq, 0)
       GROUP BY m.engagement_id`,
      [userId, engagementIds],
    );
    return new Map(rows.map((row) => [row.engagement_id, row.unread]));
  }
}

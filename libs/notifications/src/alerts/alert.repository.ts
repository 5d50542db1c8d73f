import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';

export type ReminderStage = 'd7' | 'd1';

/** A reminder taken for sending: recorded, so it is never taken again. */
export interface DueReminder {
  userId: string;
  demandId: string;
  stage: ReminderStage;
  title: string;
  bidDeadline: Date;
}

export interface DigestItem {
  demandId: string;
  title: string;
  code: string | null;
  reason: string;
}

export interface DueDigest {
  userId: string;
  batchKey: string;
  attempts: number;
  createdAt: Date;
}

/** Reminders sent and the digests gathering a publication's matches per user. */
@Injectable()
export class AlertRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Records and returns the reminders due at `now` for followers of published needs: `d7` within
   * seven days of the deadline, `d1` within one. The primary key makes each (follower, need,
   * stage) happen once, whichever replica or tick gets there first.
   */
  takeDueReminders(now: Date, manager: EntityManager): Promise<DueReminder[]> {
    return manager.query<DueReminder[]>(
      `WITH due AS (
         SELECT s.user_id, n.demand_id, n.title, n.bid_deadline,
                CASE WHEN n.bid_deadline <= $1::timestamptz + interval '1 day' THEN 'd1' ELSE 'd7' END AS stage
         FROM notifications.subscription s JOIN notifications.need n ON n.demand_id = s.demand_id
         WHERE s.kind = 'need' AND n.status = 'published'
           AND n.bid_deadline > $1 AND n.bid_deadline <= $1::timestamptz + interval '7 days'
       ), taken AS (
         INSERT INTO notifications.reminder (user_id, demand_id, stage, sent_at)
         SELECT user_id, demand_id, stage, $1 FROM due
         ON CONFLICT DO NOTHING
         RETURNING user_id, demand_id, stage
       )
       SELECT taken.user_id AS "userId", taken.demand_id AS "demandId", taken.stage, due.title,
              due.bid_deadline AS "bidDeadline"
       FROM taken JOIN due USING (user_id, demand_id, stage)
       ORDER BY taken.demand_id, taken.stage, taken.user_id`,
      [now],
    );
  }

  /** Adds a match to the user's digest of a publication, which waits `delaySeconds` after its latest addition. */
  async addToDigest(
    userId: string,
    batchKey: string,
    item: DigestItem,
    delaySeconds: number,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.digest (user_id, batch_key, status, next_at)
       VALUES ($1, $2, 'pending', now() + make_interval(secs => $3))
       ON CONFLICT (user_id, batch_key) DO UPDATE SET status = 'pending', next_at = EXCLUDED.next_at
       WHERE notifications.digest.status IN ('pending', 'sent')`,
      [userId, batchKey, delaySeconds],
    );
    await manager.query(
      `INSERT INTO notifications.digest_item (user_id, batch_key, demand_id, title, code, reason)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [userId, batchKey, item.demandId, item.title, item.code, item.reason],
    );
  }

  /** Claims due digests like due emails: SKIP LOCKED, and claimable again once a claim is stale. */
  async claimDueDigests(limit: number, staleAfterSeconds: number): Promise<DueDigest[]> {
    const [rows] = await this.transactions.run((manager) =>
      manager.query<[DueDigest[], number]>(
        `UPDATE notifications.digest d SET status = 'sending', next_at = now() + make_interval(secs => $2)
         WHERE (d.user_id, d.batch_key) IN (
           SELECT user_id, batch_key FROM notifications.digest
           WHERE status IN ('pending', 'sending') AND next_at <= now()
           ORDER BY next_at LIMIT $1 FOR NO KEY UPDATE SKIP LOCKED)
         RETURNING d.user_id AS "userId", d.batch_key AS "batchKey", d.attempts, d.created_at AS "createdAt"`,
        [limit, staleAfterSeconds],
      ),
    );
    return rows;
  }

  /** The matches of a digest not mailed yet, in title order. */
  unmailedItems(digest: DueDigest): Promise<DigestItem[]> {
    return this.transactions.manager.query<DigestItem[]>(
      `SELECT demand_id AS "demandId", title, code, reason FROM notifications.digest_item
       WHERE user_id = $1 AND batch_key = $2 AND NOT mailed ORDER BY title, demand_id`,
      [digest.userId, digest.batchKey],
    );
  }

  /**
   * Records one send of a digest: the items it carried are mailed; one added meanwhile keeps the
   * digest pending for the next round. `retryInSeconds` puts a failed one back in the queue.
   */
  async settleDigest(
    digest: DueDigest,
    outcome: { status: 'sent' | 'pending' | 'failed'; attempts: number; mailed: string[]; retryInSeconds?: number },
  ): Promise<void> {
    await this.transactions.run(async (manager) => {
      await manager.query(
        `UPDATE notifications.digest_item SET mailed = true
         WHERE user_id = $1 AND batch_key = $2 AND demand_id = ANY($3)`,
        [digest.userId, digest.batchKey, outcome.mailed],
      );
      await manager.query(
        `UPDATE notifications.digest d SET attempts = $4, next_at = now() + make_interval(secs => $5),
           status = CASE WHEN $3 = 'sent' AND EXISTS (SELECT 1 FROM notifications.digest_item i
                          WHERE i.user_id = d.user_id AND i.batch_key = d.batch_key AND NOT i.mailed)
                         THEN 'pending' ELSE $3 END
         WHERE user_id = $1 AND batch_key = $2`,
        [digest.userId, digest.batchKey, outcome.status, outcome.attempts, outcome.retryInSeconds ?? 0],
      );
    });
  }
}

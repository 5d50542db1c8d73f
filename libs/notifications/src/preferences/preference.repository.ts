import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { type AlertKind, type Channels, DEFAULT_CHANNELS } from './alert-kinds';

/** Each user's channels per alert kind; a kind never set reads as the default. */
@Injectable()
export class PreferenceRepository {
  constructor(private readonly transactions: Transactions) {}

  async of(userId: string, manager: EntityManager = this.transactions.manager): Promise<Map<AlertKind, Channels>> {
    const rows = await manager.query<Array<{ kind: AlertKind; in_app: boolean; email: boolean }>>(
      'SELECT kind, in_app, email FROM notifications.preference WHERE user_id = $1',
      [userId],
    );
    return new Map(rows.map((row) => [row.kind, { inApp: row.in_app, email: row.email }]));
  }

  /** The channels of one alert kind for many users at once (defaults for those who set none). */
  async channels(
    userIds: string[],
    kind: AlertKind,
    manager: EntityManager = this.transactions.manager,
  ): Promise<Map<string, Channels>> {
    const rows = await manager.query<Array<{ user_id: string; in_app: boolean; email: boolean }>>(
      'SELECT user_id, in_app, email FROM notifications.preference WHERE user_id = ANY($1) AND kind = $2',
      [userIds, kind],
    );
    const set = new Map(rows.map((row) => [row.user_id, { inApp: row.in_app, email: row.email }]));
    return new Map(userIds.map((id) => [id, set.get(id) ?? DEFAULT_CHANNELS]));
  }

  async set(
    userId: string,
    kind: AlertKind,
    channels: Partial<Channels>,
    manager: EntityManager = this.transactions.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.preference (user_id, kind, in_app, email)
       VALUES ($1, $2, coalesce($3::boolean, $5::boolean), coalesce($4::boolean, $6::boolean))
       ON CONFLICT (user_id, kind) DO UPDATE SET in_app = coalesce($3::boolean, notifications.preference.in_app),
         email = coalesce($4::boolean, notifications.preference.email), updated_at = now()`,
      [userId, kind, channels.inApp ?? null, channels.email ?? null, DEFAULT_CHANNELS.inApp, DEFAULT_CHANNELS.email],
    );
  }
}

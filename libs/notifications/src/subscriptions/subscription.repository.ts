import { Injectable } from '@nestjs/common';
import type { TeamProfileUpdatedPayload } from '@jiebang/contracts';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import type { SearchCriteria } from './need-matching';
import type { Subscription, SubscriptionRow } from './subscription.entity';

/** A saved search or a profile, as publication matching reads it. */
export interface StandingSearch {
  userId: string;
  organisationId: string | null;
  kind: 'search' | 'profile';
  name: string | null;
  criteria: SearchCriteria;
  /** A profile's keywords and research fields. */
  terms: string[];
}

const COLUMNS = `s.id, s.user_id AS "userId", s.organisation_id AS "organisationId", s.kind, s.demand_id AS "demandId",
  s.name, s.query, s.industries, s.districts, s.cooperation_modes AS "cooperationModes", s.created_at AS "createdAt"`;

@Injectable()
export class SubscriptionRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Inserts unless the user already has as many as allowed; null then. */
  async create(subscription: Omit<Subscription, 'id' | 'createdAt'>, limit: number): Promise<string | null> {
    return this.transactions.run(async (manager) => {
      // Serialises one user's inserts, so the limit holds under concurrent requests.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [subscription.userId]);
      const [{ count }] = await manager.query<Array<{ count: string }>>(
        'SELECT count(*) FROM notifications.subscription WHERE user_id = $1',
        [subscription.userId],
      );
      if (Number(count) >= limit) return null;
      const rows = await manager.query<Array<{ id: string }>>(
        `INSERT INTO notifications.subscription
           (user_id, organisation_id, kind, demand_id, name, query, industries, districts, cooperation_modes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          subscription.userId,
          subscription.organisationId,
          subscription.kind,
          subscription.demandId,
          subscription.name,
          subscription.query,
          subscription.industries,
          subscription.districts,
          subscription.cooperationModes,
        ],
      );
      return rows[0].id;
    });
  }

  /** One user's subscriptions, oldest first, followed needs with their title and deadline. */
  listOf(userId: string, id?: string): Promise<SubscriptionRow[]> {
    return this.transactions.manager.query<SubscriptionRow[]>(
      `SELECT ${COLUMNS}, n.title AS "demandTitle", n.bid_deadline AS "bidDeadline"
       FROM notifications.subscription s LEFT JOIN notifications.need n ON n.demand_id = s.demand_id
       WHERE s.user_id = $1 AND ($2::uuid IS NULL OR s.id = $2)
       ORDER BY s.created_at, s.id`,
      [userId, id ?? null],
    );
  }

  /** Deletes one of the user's subscriptions; false when the user has no such subscription. */
  async remove(userId: string, id: string): Promise<boolean> {
    const [, affected] = await this.transactions.manager.query<[unknown[], number]>(
      'DELETE FROM notifications.subscription WHERE id = $1 AND user_id = $2',
      [id, userId],
    );
    return affected > 0;
  }

  /** Every saved search, and every profile subscription whose team's profile is public. */
  async standingSearches(manager: EntityManager): Promise<StandingSearch[]> {
    const rows = await manager.query<
      Array<Omit<StandingSearch, 'criteria' | 'terms'> & SearchCriteria & { terms: string[] | null }>
    >(
      `SELECT s.user_id AS "userId", s.organisation_id AS "organisationId", s.kind, s.name, s.query, s.industries,
              s.districts, s.cooperation_modes AS "cooperationModes", p.terms
       FROM notifications.subscription s
       LEFT JOIN notifications.team_profile p ON p.organisation_id = s.organisation_id AND s.kind = 'profile'
       WHERE s.kind = 'search' OR (s.kind = 'profile' AND p.visible)`,
    );
    return rows.map((row) => ({
      userId: row.userId,
      organisationId: row.organisationId,
      kind: row.kind,
      name: row.name,
      criteria: {
        query: row.query,
        industries: row.industries,
        districts: row.districts,
        cooperationModes: row.cooperationModes,
      },
      terms: row.terms ?? [],
    }));
  }

  /** The users following a need. */
  async followersOf(demandId: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<Array<{ user_id: string }>>(
      `SELECT user_id FROM notifications.subscription WHERE kind = 'need' AND demand_id = $1 ORDER BY user_id`,
      [demandId],
    );
    return rows.map((row) => row.user_id);
  }

  /** The followers of a need who belong to none of `organisationIds` (as identity last announced them). */
  async followersOutside(demandId: string, organisationIds: string[], manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<Array<{ user_id: string }>>(
      `SELECT s.user_id FROM notifications.subscription s
         LEFT JOIN notifications.recipient r ON r.user_id = s.user_id
        WHERE s.kind = 'need' AND s.demand_id = $1
          AND (r.organisation_id IS NULL OR r.organisation_id <> ALL($2::uuid[]))
        ORDER BY s.user_id`,
      [demandId, organisationIds],
    );
    return rows.map((row) => row.user_id);
  }

  /** Upserts unless the stored version is newer. */
  async upsertTeamProfile(profile: TeamProfileUpdatedPayload, version: number, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.team_profile (organisation_id, terms, visible, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organisation_id) DO UPDATE SET terms = EXCLUDED.terms, visible = EXCLUDED.visible,
         version = EXCLUDED.version
       WHERE notifications.team_profile.version < EXCLUDED.version`,
      [profile.organisationId, [...profile.keywords, ...profile.researchFields], profile.visible, version],
    );
  }
}

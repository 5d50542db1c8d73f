import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { type DemandStatus, effectiveStatus } from '@jiebang/contracts';
import { LODGED_BID_STATUSES } from '../bids/bid.entity';
import { type CriterionScores, DEFAULT_WEIGHTS, type Weights } from './scoring';

export interface Reviewer {
  userId: string;
  displayName: string;
  email: string;
  organisationId: string | null;
  assignedAt: Date;
  scoredBids: number;
}

export interface ReviewAssignment {
  demandId: string;
  title: string;
  status: DemandStatus;
  bidDeadline: Date | null;
  assignedAt: Date;
  lodgedBids: number;
  scoredBids: number;
}

export interface ScoreRow extends CriterionScores {
  bidId: string;
  reviewerId: string;
  comment: string;
  scoredAt: Date;
}

/** Weights, reviewers and scores of the evaluation of bids. */
@Injectable()
export class EvaluationRepository {
  constructor(private readonly transactions: Transactions) {}

  async weights(demandId: string, manager: EntityManager = this.transactions.manager): Promise<Weights> {
    const rows = await manager.query<Weights[]>(
      'SELECT feasibility, capability, cost, timeline FROM matching.evaluation_weights WHERE demand_id = $1',
      [demandId],
    );
    return rows[0] ?? DEFAULT_WEIGHTS;
  }

  async setWeights(demandId: string, weights: Weights, at: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO matching.evaluation_weights (demand_id, feasibility, capability, cost, timeline, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (demand_id) DO UPDATE SET feasibility = EXCLUDED.feasibility, capability = EXCLUDED.capability,
         cost = EXCLUDED.cost, timeline = EXCLUDED.timeline, updated_at = EXCLUDED.updated_at`,
      [demandId, weights.feasibility, weights.capability, weights.cost, weights.timeline, at],
    );
  }

  /** True when the user was not a reviewer of the need yet. */
  async addReviewer(
    reviewer: { demandId: string; userId: string; organisationId: string | null; assignedBy: string; at: Date },
    manager: EntityManager,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO matching.reviewer (demand_id, user_id, organisation_id, assigned_by, assigned_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1`,
      [reviewer.demandId, reviewer.userId, reviewer.organisationId, reviewer.assignedBy, reviewer.at],
    );
    return rows.length > 0;
  }

  /**
   * Removes a reviewer who has scored none of the need's bids (their scores count in the ranking,
   * so one who has scored stays). The row is locked first, so a score cannot slip in between.
   */
  async removeReviewer(
    demandId: string,
    userId: string,
    manager: EntityManager,
  ): Promise<'removed' | 'not_assigned' | 'has_scored'> {
    const assigned = await manager.query<unknown[]>(
      'SELECT 1 FROM matching.reviewer WHERE demand_id = $1 AND user_id = $2 FOR UPDATE',
      [demandId, userId],
    );
    if (assigned.length === 0) return 'not_assigned';
    const scored = await manager.query<unknown[]>(
      `SELECT 1 FROM matching.score s JOIN matching.bid b ON b.id = s.bid_id
       WHERE b.demand_id = $1 AND s.reviewer_id = $2 LIMIT 1`,
      [demandId, userId],
    );
    if (scored.length > 0) return 'has_scored';
    await manager.query('DELETE FROM matching.reviewer WHERE demand_id = $1 AND user_id = $2', [demandId, userId]);
    return 'removed';
  }

  /** A need's reviewers, named, with how many of its bids each has scored. */
  reviewers(demandId: string): Promise<Reviewer[]> {
    return this.transactions.manager.query<Reviewer[]>(
      `SELECT r.user_id AS "userId", u.display_name AS "displayName", u.email, r.organisation_id AS "organisationId",
              r.assigned_at AS "assignedAt",
              (SELECT count(*)::int FROM matching.score s JOIN matching.bid b ON b.id = s.bid_id
               WHERE b.demand_id = r.demand_id AND s.reviewer_id = r.user_id) AS "scoredBids"
       FROM matching.reviewer r JOIN matching.recipient u ON u.user_id = r.user_id
       WHERE r.demand_id = $1 ORDER BY r.assigned_at, u.display_name`,
      [demandId],
    );
  }

  /** The needs a user was asked to review, newest assignment first. */
  async assignments(userId: string): Promise<ReviewAssignment[]> {
    const rows = await this.transactions.manager.query<
      Array<Omit<ReviewAssignment, 'status'> & { status: DemandStatus; now: Date }>
    >(
      `SELECT r.demand_id AS "demandId", l.title, l.status, l.bid_deadline AS "bidDeadline", r.assigned_at AS "assignedAt",
              now() AS now,
              (SELECT count(*)::int FROM matching.bid b
               WHERE b.demand_id = r.demand_id AND b.status = ANY($2)) AS "lodgedBids",
              (SELECT count(*)::int FROM matching.score s JOIN matching.bid b ON b.id = s.bid_id
               WHERE b.demand_id = r.demand_id AND s.reviewer_id = r.user_id) AS "scoredBids"
       FROM matching.reviewer r JOIN matching.listing l ON l.demand_id = r.demand_id
       WHERE r.user_id = $1 ORDER BY r.assigned_at DESC`,
      [userId, LODGED_BID_STATUSES],
    );
    return rows.map(({ now, ...row }) => ({ ...row, status: effectiveStatus(row.status, row.bidDeadline, now) }));
  }

  /** One score per reviewer and bid; scoring again replaces it. */
  async upsertScore(
    score: ScoreRow & { reviewerOrganisationId: string | null },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO matching.score (bid_id, reviewer_id, reviewer_organisation_id, feasibility, capability, cost, timeline,
         comment, scored_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (bid_id, reviewer_id) DO UPDATE SET feasibility = EXCLUDED.feasibility,
         capability = EXCLUDED.capability, cost = EXCLUDED.cost, timeline = EXCLUDED.timeline,
         comment = EXCLUDED.comment, scored_at = EXCLUDED.scored_at`,
      [
        score.bidId,
        score.reviewerId,
        score.reviewerOrganisationId,
        score.feasibility,
        score.capability,
        score.cost,
        score.timeline,
        score.comment,
        score.scoredAt,
      ],
    );
  }

  scoresOfDemand(demandId: string): Promise<ScoreRow[]> {
    return this.transactions.manager.query<ScoreRow[]>(
      `SELECT s.bid_id AS "bidId", s.reviewer_id AS "reviewerId", s.feasibility, s.capability, s.cost, s.timeline,
              s.comment, s.scored_at AS "scoredAt"
       FROM matching.score s JOIN matching.bid b ON b.id = s.bid_id
       WHERE b.demand_id = $1`,
      [demandId],
    );
  }

  /** Whether an organisation has an active (not withdrawn) bid on a need. */
  async organisationBids(demandId: string, organisationId: string): Promise<boolean> {
    const rows = await this.transactions.manager.query<unknown[]>(
      `SELECT 1 FROM matching.bid WHERE demand_id = $1 AND team_organisation_id = $2 AND status <> 'withdrawn'`,
      [demandId, organisationId],
    );
    return rows.length > 0;
  }

  /** A registered user, by id or by sign-in e-mail (case-insensitive). */
  async recipient(
    who: { userId: string } | { email: string },
  ): Promise<{ userId: string; organisationId: string | null } | null> {
    const [column, value] = 'userId' in who ? ['user_id', who.userId] : ['lower(email)', who.email.toLowerCase()];
    const rows = await this.transactions.manager.query<Array<{ user_id: string; organisation_id: string | null }>>(
      `SELECT user_id, organisation_id FROM matching.recipient WHERE ${column} = $1`,
      [value],
    );
    return rows[0] ? { userId: rows[0].user_id, organisationId: rows[0].organisation_id } : null;
  }
}

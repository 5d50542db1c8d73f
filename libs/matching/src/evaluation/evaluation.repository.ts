import { Injectable } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';
import type { EntityManager } from 'typeorm';
import { type CriterionScores, DEFAULT_WEIGHTS, type Weights } from './scoring';

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

  async addReviewer(
    reviewer: { demandId: string; userId: string; organisationId: string | null; assignedBy: string; at: Date },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO matching.reviewer (demand_id, user_id, organisation_id, assigned_by, assigned_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [reviewer.demandId, reviewer.userId, reviewer.organisationId, reviewer.assignedBy, reviewer.at],
    );
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

  async recipientOrganisation(userId: string): Promise<{ organisationId: string | null } | null> {
    const rows = await this.transactions.manager.query<Array<{ organisation_id: string | null }>>(
      'SELECT organisation_id FROM matching.recipient WHERE user_id = $1',
      [userId],
    );
    return rows[0] ? { organisationId: rows[0].organisation_id } : null;
  }
}

import { EVALUATION_CRITERIA, type EvaluationCriterion } from '@jiebang/contracts';

export type Weights = Record<EvaluationCriterion, number>;
export type CriterionScores = Record<EvaluationCriterion, number>;

/** The office's default weighting when an owner sets none: feasibility first. */
export const DEFAULT_WEIGHTS: Weights = { feasibility: 40, capability: 30, cost: 15, timeline: 15 };

export function weightedTotal(scores: CriterionScores, weights: Weights): number {
  const total = EVALUATION_CRITERIA.reduce((sum, criterion) => sum + scores[criterion] * weights[criterion], 0);
  return Math.round(total) / 100;
}

export interface RankedBid {
  bidId: string;
  reviewers: number;
  /** Mean per criterion across reviewers; null before anyone scored. */
  averages: CriterionScores | null;
  weightedTotal: number | null;
  rank: number | null;
}

/**
 * Ranks bids by the mean of their reviewers' scores under the need's weights. Unscored bids come
 * last without a rank; ties keep the earlier submission first (the input order).
 */
export function rankBids(
  bidIds: readonly string[],
  scores: ReadonlyArray<{ bidId: string } & CriterionScores>,
  weights: Weights,
): RankedBid[] {
  const ranked = bidIds.map((bidId, order) => {
    const mine = scores.filter((s) => s.bidId === bidId);
    if (mine.length === 0)
      return { order, bid: { bidId, reviewers: 0, averages: null, weightedTotal: null, rank: null } };
    const averages = Object.fromEntries(
      EVALUATION_CRITERIA.map((c) => [
        c,
        Math.round((mine.reduce((sum, s) => sum + s[c], 0) / mine.length) * 100) / 100,
      ]),
    ) as CriterionScores;
    return {
      order,
      bid: { bidId, reviewers: mine.length, averages, weightedTotal: weightedTotal(averages, weights), rank: null },
    };
  });
  ranked.sort((a, b) => (b.bid.weightedTotal ?? -1) - (a.bid.weightedTotal ?? -1) || a.order - b.order);
  let rank = 0;
  return ranked.map(({ bid }) => (bid.weightedTotal === null ? bid : { ...bid, rank: (rank += 1) }));
}

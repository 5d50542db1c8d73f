import { describe, expect, it } from '@jest/globals';
import { DEFAULT_WEIGHTS, rankBids, weightedTotal } from './scoring';

const score = (bidId: string, value: number) => ({
  bidId,
  feasibility: value,
  capability: value,
  cost: value,
  timeline: value,
});

describe('scoring', () => {
  it('weights criteria by the need’s weights', () => {
    expect(weightedTotal({ feasibility: 90, capability: 80, cost: 50, timeline: 70 }, DEFAULT_WEIGHTS)).toBe(78);
    expect(
      weightedTotal(
        { feasibility: 90, capability: 80, cost: 50, timeline: 70 },
        { feasibility: 0, capability: 0, cost: 100, timeline: 0 },
      ),
    ).toBe(50);
  });

  it('ranks by mean weighted score, unscored bids last, ties by submission order', () => {
    const ranked = rankBids(
      ['a', 'b', 'c', 'd'],
      [score('a', 60), score('b', 90), score('b', 70), score('d', 80)],
      DEFAULT_WEIGHTS,
    );
    expect(ranked.map((r) => [r.bidId, r.rank, r.weightedTotal, r.reviewers])).toEqual([
      ['b', 1, 80, 2],
      ['d', 2, 80, 1],
      ['a', 3, 60, 1],
      ['c', null, null, 0],
    ]);
  });
});

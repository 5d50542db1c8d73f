import { describe, expect, it } from '@jest/globals';
import { DEMAND_STATUSES } from './catalogue';
import { type DemandAction, demandMoveIsEarly, demandTargetOf, DEMAND_TRANSITIONS } from './demand-lifecycle';

const ACTIONS = Object.keys(DEMAND_TRANSITIONS) as DemandAction[];

describe('the need lifecycle', () => {
  it('follows the design diagram', () => {
    expect(demandTargetOf('submit', 'draft')).toBe('submitted');
    expect(demandTargetOf('submit', 'returned')).toBe('submitted');
    expect(demandTargetOf('approve', 'submitted')).toBe('approved');
    expect(demandTargetOf('return', 'submitted')).toBe('returned');
    expect(demandTargetOf('publish', 'approved')).toBe('published');
    expect(demandTargetOf('close_bidding', 'published')).toBe('bidding_closed');
    expect(demandTargetOf('award', 'bidding_closed')).toBe('awarded');
    expect(demandTargetOf('start', 'awarded')).toBe('in_progress');
    expect(demandTargetOf('complete', 'in_progress')).toBe('completed');
    expect(demandTargetOf('expire_unclaimed', 'bidding_closed')).toBe('unclaimed');
    expect(demandTargetOf('award', 'unclaimed')).toBe('awarded');
    // An import brings a need in as submitted; it moves nothing already there.
    expect(DEMAND_TRANSITIONS.import.to).toBe('submitted');
    for (const status of DEMAND_STATUSES) expect(demandTargetOf('import', status)).toBeNull();
  });

  it('never withdraws after an award and never leaves a final state but by a late award', () => {
    for (const status of ['awarded', 'in_progress', 'completed', 'unclaimed', 'withdrawn'] as const) {
      expect(demandTargetOf('withdraw', status)).toBeNull();
    }
    for (const final of ['completed', 'withdrawn'] as const) {
      for (const action of ACTIONS) expect(demandTargetOf(action, final)).toBeNull();
    }
    // 流榜 is final except for a late award, which revokes it.
    for (const action of ACTIONS) {
      expect(demandTargetOf(action, 'unclaimed')).toBe(action === 'award' ? 'awarded' : null);
    }
  });

  it('only knows real statuses', () => {
    for (const transition of Object.values(DEMAND_TRANSITIONS)) {
      expect(DEMAND_STATUSES).toContain(transition.to);
      for (const from of transition.from) expect(DEMAND_STATUSES).toContain(from);
    }
  });

  it('tells an early move (its event overtook the one before) from a stale one', () => {
    expect(demandMoveIsEarly('start', 'published')).toBe(true);
    expect(demandMoveIsEarly('complete', 'bidding_closed')).toBe(true);
    expect(demandMoveIsEarly('start', 'in_progress')).toBe(false);
    expect(demandMoveIsEarly('award', 'completed')).toBe(false);
    // Withdrawn is off the path: a move there is never early, it can never apply.
    expect(demandMoveIsEarly('start', 'withdrawn')).toBe(false);
  });
});

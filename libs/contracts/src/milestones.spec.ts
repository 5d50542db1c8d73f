import { describe, expect, it } from '@jest/globals';
import { MILESTONE_STATUSES, MILESTONE_TRANSITIONS, type MilestoneAction, milestoneMoveAllowed } from './milestones';

const ACTIONS = Object.keys(MILESTONE_TRANSITIONS) as MilestoneAction[];

describe('the milestone lifecycle', () => {
  it('lets the team deliver a planned or rejected milestone, and the owner decide a delivered one', () => {
    const allowed = MILESTONE_STATUSES.flatMap((status) =>
      ACTIONS.filter((action) => milestoneMoveAllowed(action, status)).map(
        (action) => `${status} -${action}-> ${MILESTONE_TRANSITIONS[action].to}`,
      ),
    );
    expect(allowed).toEqual([
      'planned -submit-> submitted',
      'submitted -accept-> accepted',
      'submitted -reject-> rejected',
      'rejected -submit-> submitted',
    ]);
  });

  it('ends at acceptance', () => {
    expect(ACTIONS.filter((action) => milestoneMoveAllowed(action, 'accepted'))).toEqual([]);
  });
});

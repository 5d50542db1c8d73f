import { describe, expect, it } from '@jest/globals';
import { DEMAND_STATUSES, effectiveStatus, type Principal } from '@jiebang/contracts';
import { may, relationTo, targetOf, TRANSITIONS } from './demand-lifecycle';

const ORG = '11111111-1111-1111-1111-111111111111';
const OTHER = '22222222-2222-2222-2222-222222222222';
const as = (role: Principal['role'], organisationId: string | null = ORG, userId = 'u1'): Principal => ({
  role,
  organisationId,
  userId,
});

describe('demand lifecycle', () => {
  it('follows the design diagram', () => {
    expect(targetOf('submit', 'draft')).toBe('submitted');
    expect(targetOf('submit', 'returned')).toBe('submitted');
    expect(targetOf('approve', 'submitted')).toBe('approved');
    expect(targetOf('return', 'submitted')).toBe('returned');
    expect(targetOf('publish', 'approved')).toBe('published');
    expect(targetOf('close_bidding', 'published')).toBe('bidding_closed');
    expect(targetOf('award', 'bidding_closed')).toBe('awarded');
    expect(targetOf('start', 'awarded')).toBe('in_progress');
    expect(targetOf('complete', 'in_progress')).toBe('completed');
    expect(targetOf('expire_unclaimed', 'bidding_closed')).toBe('unclaimed');
    expect(targetOf('award', 'unclaimed')).toBe('awarded');
  });

  it('never withdraws after an award and never leaves a final state but by a late award', () => {
    for (const status of ['awarded', 'in_progress', 'completed', 'unclaimed', 'withdrawn'] as const) {
      expect(targetOf('withdraw', status)).toBeNull();
    }
    for (const final of ['completed', 'withdrawn'] as const) {
      for (const action of Object.keys(TRANSITIONS) as Array<keyof typeof TRANSITIONS>) {
        expect(targetOf(action, final)).toBeNull();
      }
    }
    // 流榜 is final except for a late award, which revokes it.
    for (const action of Object.keys(TRANSITIONS) as Array<keyof typeof TRANSITIONS>) {
      expect(targetOf(action, 'unclaimed')).toBe(action === 'award' ? 'awarded' : null);
    }
  });

  it('only knows real statuses', () => {
    for (const transition of Object.values(TRANSITIONS)) {
      expect(DEMAND_STATUSES).toContain(transition.to);
      for (const from of transition.from) expect(DEMAND_STATUSES).toContain(from);
    }
  });

  it('relates callers to a need', () => {
    const demand = { ownerOrganisationId: ORG, advisorId: 'adv-1' };
    expect(relationTo(undefined, demand)).toBe('none');
    expect(relationTo(as('admin', null), demand)).toBe('admin');
    expect(relationTo(as('enterprise'), demand)).toBe('owner');
    expect(relationTo(as('enterprise', OTHER), demand)).toBe('none');
    expect(relationTo(as('team'), demand)).toBe('none');
    expect(relationTo(as('advisor', null, 'adv-1'), demand)).toBe('advisor');
    expect(relationTo(as('advisor', null, 'adv-2'), demand)).toBe('none');
    expect(relationTo(as('advisor', null, 'adv-2'), demand, [ORG])).toBe('advisor');
    expect(relationTo(as('team', OTHER), demand, [], [OTHER])).toBe('winner');
    expect(relationTo(as('enterprise', OTHER), demand, [], [OTHER])).toBe('none');
  });

  it('lets owners and advisors edit and submit, admins review, owners and admins withdraw', () => {
    expect(may('owner', 'submit')).toBe(true);
    expect(may('advisor', 'edit')).toBe(true);
    expect(may('owner', 'approve')).toBe(false);
    expect(may('admin', 'approve')).toBe(true);
    expect(may('advisor', 'withdraw')).toBe(false);
    expect(may('none', 'read_full')).toBe(false);
    expect(may('winner', 'read_full')).toBe(true);
    expect(may('winner', 'read_history')).toBe(false);
    expect(may('winner', 'edit')).toBe(false);
  });

  it('reads a published need as closed once its deadline passed', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(effectiveStatus('published', new Date('2025-12-31T23:59:59Z'), now)).toBe('bidding_closed');
    expect(effectiveStatus('published', new Date('2026-01-02T00:00:00Z'), now)).toBe('published');
    expect(effectiveStatus('awarded', new Date('2025-01-01T00:00:00Z'), now)).toBe('awarded');
  });
});

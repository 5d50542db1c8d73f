import { describe, expect, it } from '@jest/globals';
import { effectiveStatus, type Principal } from '@jiebang/contracts';
import { may, relationTo } from './demand-lifecycle';

const ORG = '11111111-1111-1111-1111-111111111111';
const OTHER = '22222222-2222-2222-2222-222222222222';
const as = (role: Principal['role'], organisationId: string | null = ORG, userId = 'u1') =>
  // Any shape, the invalid ones included: the rules must hold whatever the token said.
  ({
    role,
    organisationId,
    userId,
  }) as Principal;

describe('who may do what with a need', () => {
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

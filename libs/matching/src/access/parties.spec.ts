import { describe, expect, it } from '@jest/globals';
import type { Principal } from '@jiebang/contracts';
import { hasConflictOfInterest, mayOnBid, relationToBid, relationToEngagement, relationToNeed } from './parties';

const need = { ownerOrganisationId: 'owner-org', advisorIds: ['advisor-1'], reviewerIds: ['expert-1'] };
const bid = { teamOrganisationId: 'team-org' };
const as = (role: Principal['role'], userId: string, organisationId: string | null) =>
  // Any shape, the invalid ones included: the rules must hold whatever the token said.
  ({
    role,
    userId,
    organisationId,
  }) as Principal;

describe('relations to needs and bids', () => {
  it.each([
    [as('admin', 'a', null), 'admin'],
    [as('enterprise', 'e', 'owner-org'), 'owner'],
    [as('enterprise', 'e2', 'other-org'), 'none'],
    [as('advisor', 'advisor-1', null), 'advisor'],
    [as('advisor', 'advisor-2', null), 'none'],
    [as('team', 'expert-1', 'lab-org'), 'reviewer'],
    [as('team', 't', 'team-org'), 'team'],
    [as('team', 't2', 'rival-org'), 'none'],
    [undefined, 'none'],
  ] as const)('%o relates to the bid as %s', (caller, expected) => {
    expect(relationToBid(caller, need, bid)).toBe(expected);
  });

  it('lets only the team edit and only owner, reviewers and admin score', () => {
    expect(mayOnBid('team', 'edit')).toBe(true);
    expect(mayOnBid('owner', 'edit')).toBe(false);
    expect(mayOnBid('advisor', 'score')).toBe(false);
    expect(mayOnBid('reviewer', 'score')).toBe(true);
    expect(mayOnBid('team', 'list_all')).toBe(false);
    expect(mayOnBid('none', 'read')).toBe(false);
    expect(mayOnBid('reviewer', 'award')).toBe(false);
  });

  it('flags a reviewer from the bidding organisation', () => {
    expect(hasConflictOfInterest(as('team', 'x', 'team-org'), bid)).toBe(true);
    expect(hasConflictOfInterest(as('admin', 'x', null), bid)).toBe(false);
    expect(relationToNeed(as('enterprise', 'e', 'owner-org'), need)).toBe('owner');
  });
});

describe('relations to engagements', () => {
  const engagement = { teamOrganisationId: 'team-org', ownerOrganisationId: 'owner-org' };
  it.each([
    [as('admin', 'a', null), [], 'admin'],
    [as('team', 't', 'team-org'), [], 'team'],
    [as('enterprise', 'e', 'owner-org'), [], 'owner'],
    [as('advisor', 'v1', null), ['owner-org'], 'advisor'],
    [as('advisor', 'v2', null), ['team-org'], 'advisor'],
    [as('advisor', 'v3', null), ['other-org'], 'none'],
    // A role acts only for its own side: a team user never owns, an enterprise user never bids.
    [as('team', 't2', 'owner-org'), [], 'none'],
    [as('enterprise', 'e2', 'team-org'), [], 'none'],
    [as('team', 't3', 'rival-org'), [], 'none'],
    [undefined, [], 'none'],
  ] as const)('%o serving %o relates to it as %s', (caller, served, expected) => {
    expect(relationToEngagement(caller, engagement, served)).toBe(expected);
  });
});

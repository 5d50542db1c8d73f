import type { Principal } from '@jiebang/contracts';

/** How a caller stands to a need on the matching side. */
export type NeedRelation = 'admin' | 'owner' | 'advisor' | 'reviewer' | 'none';

/** How a caller stands to one bid: a need relation, or the bidding team itself. */
export type BidRelation = NeedRelation | 'team';

export interface NeedParties {
  ownerOrganisationId: string;
  /** Advisors serving the owner (identity's assignments, as matching last heard). */
  advisorIds: readonly string[];
  /** Reviewers the owner or office assigned to the need. */
  reviewerIds: readonly string[];
}

export function relationToNeed(caller: Principal | undefined, need: NeedParties): NeedRelation {
  if (!caller) return 'none';
  if (caller.role === 'admin') return 'admin';
  if (caller.role === 'enterprise' && caller.organisationId === need.ownerOrganisationId) return 'owner';
  if (caller.role === 'advisor' && need.advisorIds.includes(caller.userId)) return 'advisor';
  if (need.reviewerIds.includes(caller.userId)) return 'reviewer';
  return 'none';
}

export function relationToBid(
  caller: Principal | undefined,
  need: NeedParties,
  bid: { teamOrganisationId: string },
): BidRelation {
  if (caller?.role === 'team' && caller.organisationId === bid.teamOrganisationId) return 'team';
  return relationToNeed(caller, need);
}

type BidAction = 'read' | 'list_all' | 'edit' | 'score' | 'award' | 'set_weights' | 'assign_reviewer';

/** Who may do what with bids; everyone else learns nothing (404), not that the bid exists. */
const ALLOWED: Record<BidAction, readonly BidRelation[]> = {
  read: ['team', 'owner', 'advisor', 'reviewer', 'admin'],
  list_all: ['owner', 'advisor', 'reviewer', 'admin'],
  edit: ['team'],
  score: ['owner', 'reviewer', 'admin'],
  award: ['owner', 'admin'],
  set_weights: ['owner', 'admin'],
  assign_reviewer: ['owner', 'admin'],
};

export function mayOnBid(relation: BidRelation, action: BidAction): boolean {
  return ALLOWED[action].includes(relation);
}

/** A reviewer may not score a bid from their own organisation. */
export function hasConflictOfInterest(reviewer: Principal, bid: { teamOrganisationId: string }): boolean {
  return reviewer.organisationId !== null && reviewer.organisationId === bid.teamOrganisationId;
}

/** How a caller stands to an engagement: one of its two parties, an advisor serving either, the office. */
export type EngagementRelation = 'team' | 'owner' | 'advisor' | 'admin' | 'none';

export interface EngagementParties {
  teamOrganisationId: string;
  ownerOrganisationId: string;
}

/** `served`: the organisations the caller serves when it is an advisor (identity's assignments). */
export function relationToEngagement(
  caller: Principal | undefined,
  engagement: EngagementParties,
  served: readonly string[] = [],
): EngagementRelation {
  if (!caller) return 'none';
  if (caller.role === 'admin') return 'admin';
  if (caller.role === 'team' && caller.organisationId === engagement.teamOrganisationId) return 'team';
  if (caller.role === 'enterprise' && caller.organisationId === engagement.ownerOrganisationId) return 'owner';
  if (
    caller.role === 'advisor' &&
    (served.includes(engagement.ownerOrganisationId) || served.includes(engagement.teamOrganisationId))
  ) {
    return 'advisor';
  }
  return 'none';
}

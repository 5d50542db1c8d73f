import type { DemandStatus, Principal } from '@jiebang/contracts';

/** Everything that moves a need from one status to another. */
export type DemandAction =
  | 'submit'
  | 'approve'
  | 'return'
  | 'publish'
  | 'withdraw'
  | 'close_bidding'
  | 'award'
  | 'start'
  | 'complete'
  | 'expire_unclaimed';

interface Transition {
  from: readonly DemandStatus[];
  to: DemandStatus;
}

/** The lifecycle of DESIGN.md as data: the only place that says which move is legal. */
export const TRANSITIONS: Record<DemandAction, Transition> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
  publish: { from: ['approved'], to: 'published' },
  withdraw: { from: ['draft', 'submitted', 'returned', 'approved', 'published', 'bidding_closed'], to: 'withdrawn' },
  close_bidding: { from: ['published'], to: 'bidding_closed' },
  // A late award revokes 流榜: the owner's decision outranks the clock that declared it.
  award: { from: ['published', 'bidding_closed', 'unclaimed'], to: 'awarded' },
  start: { from: ['awarded'], to: 'in_progress' },
  complete: { from: ['awarded', 'in_progress'], to: 'completed' },
  expire_unclaimed: { from: ['bidding_closed'], to: 'unclaimed' },
};

export const EDITABLE_STATUSES: readonly DemandStatus[] = ['draft', 'returned'];

export function targetOf(action: DemandAction, current: DemandStatus): DemandStatus | null {
  const transition = TRANSITIONS[action];
  return transition.from.includes(current) ? transition.to : null;
}

/** What the access rules need to know about a need. */
export interface DemandParties {
  ownerOrganisationId: string;
  advisorId: string | null;
}

/**
 * The caller's relation to a need; `servedOrganisationIds` comes from the advisor's portfolio,
 * `winnerOrganisationIds` from matching's award.
 */
export type Relation = 'admin' | 'owner' | 'advisor' | 'winner' | 'none';

export function relationTo(
  caller: Principal | undefined,
  demand: DemandParties,
  servedOrganisationIds: readonly string[] = [],
  winnerOrganisationIds: readonly string[] = [],
): Relation {
  if (!caller) return 'none';
  if (caller.role === 'admin') return 'admin';
  if (caller.role === 'enterprise' && caller.organisationId === demand.ownerOrganisationId) return 'owner';
  if (
    caller.role === 'advisor' &&
    (demand.advisorId === caller.userId || servedOrganisationIds.includes(demand.ownerOrganisationId))
  ) {
    return 'advisor';
  }
  if (caller.role === 'team' && caller.organisationId && winnerOrganisationIds.includes(caller.organisationId)) {
    return 'winner';
  }
  return 'none';
}

/** Who may perform each user-driven action (system actions come from jobs and events). */
const ALLOWED: Partial<Record<DemandAction | 'edit' | 'read_full' | 'read_history', readonly Relation[]>> = {
  edit: ['owner', 'advisor'],
  submit: ['owner', 'advisor'],
  approve: ['admin'],
  return: ['admin'],
  withdraw: ['owner', 'admin'],
  // Winning teams need the confidential details and contacts to do the work.
  read_full: ['owner', 'advisor', 'winner', 'admin'],
  read_history: ['owner', 'advisor', 'admin'],
};

export function may(relation: Relation, action: keyof typeof ALLOWED): boolean {
  return ALLOWED[action]?.includes(relation) ?? false;
}

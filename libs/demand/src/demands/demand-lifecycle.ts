import type { DemandAction, Principal } from '@jiebang/contracts';

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

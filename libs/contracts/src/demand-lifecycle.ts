import type { DemandStatus } from './catalogue';

/** Everything that moves a need from one status to another; `import` brings it in already submitted. */
export type DemandAction =
  | 'import'
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

export interface DemandTransition {
  /** Empty for a move that brings a need in (it starts at `to`). */
  from: readonly DemandStatus[];
  to: DemandStatus;
}

/**
 * The need's lifecycle as data: the only place that says which move is legal. The demand context
 * applies it (one need at a time, or a batch in one statement), matching checks an award against it,
 * and the web app offers only the moves it allows.
 */
export const DEMAND_TRANSITIONS: Readonly<Record<DemandAction, DemandTransition>> = {
  import: { from: [], to: 'submitted' },
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

/** Where the owner (or its advisor) still edits what a need says. */
export const EDITABLE_DEMAND_STATUSES: readonly DemandStatus[] = ['draft', 'returned'];

/** Where a need has been awarded: its engagements exist. */
export const AWARDED_DEMAND_STATUSES: readonly DemandStatus[] = ['awarded', 'in_progress', 'completed'];

/** The status `action` takes a need in `current` to, or null when the move is not legal there. */
export function demandTargetOf(action: DemandAction, current: DemandStatus): DemandStatus | null {
  const transition = DEMAND_TRANSITIONS[action];
  return transition.from.includes(current) ? transition.to : null;
}

/** The forward path a need takes; withdrawn is off it, unclaimed only an award leaves. */
const PATH: readonly DemandStatus[] = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'published',
  'bidding_closed',
  'unclaimed',
  'awarded',
  'in_progress',
  'completed',
];

/**
 * True when a need in `status` has not reached any status `action` starts from yet: the move is
 * early (an event overtook the one before it), not stale.
 */
export function demandMoveIsEarly(action: DemandAction, status: DemandStatus): boolean {
  const at = PATH.indexOf(status);
  const from = DEMAND_TRANSITIONS[action].from;
  return at >= 0 && from.length > 0 && at < Math.min(...from.map((s) => PATH.indexOf(s)));
}

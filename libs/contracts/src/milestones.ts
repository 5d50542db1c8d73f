/** A milestone of an engagement, from the winning bid's plan to the owner's decision. */
export const MILESTONE_STATUSES = ['planned', 'submitted', 'accepted', 'rejected'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export type MilestoneAction = 'submit' | 'accept' | 'reject';

interface MilestoneTransition {
  /** Which side of the engagement makes the move. */
  by: 'team' | 'owner';
  from: readonly MilestoneStatus[];
  to: MilestoneStatus;
}

/** The only place that says which move of a milestone is legal; the server and the web app read it. */
export const MILESTONE_TRANSITIONS: Readonly<Record<MilestoneAction, MilestoneTransition>> = {
  // A rejected milestone goes back to the team, which delivers it again.
  submit: { by: 'team', from: ['planned', 'rejected'], to: 'submitted' },
  accept: { by: 'owner', from: ['submitted'], to: 'accepted' },
  reject: { by: 'owner', from: ['submitted'], to: 'rejected' },
};

export function milestoneMoveAllowed(action: MilestoneAction, current: MilestoneStatus): boolean {
  return MILESTONE_TRANSITIONS[action].from.includes(current);
}

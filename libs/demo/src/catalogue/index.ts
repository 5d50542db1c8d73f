export { ADVISOR_NAMES, advisorOf, servedEnterpriseKeys } from './advisors';
export { BATCHES } from './batches';
export { beijingAt } from './dates';
export { ENTERPRISES } from './enterprises';
export { buildMatchingPlan, type AchievementRef, type MatchingPlan, type MilestoneStepSeed } from './matching-plan';
export { buildNeeds } from './needs';
export { buildTeams } from './teams';
export type { BatchSeed, EnterpriseSeed, NeedSeed, TeamSeed } from './types';

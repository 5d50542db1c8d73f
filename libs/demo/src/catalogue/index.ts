export { ADVISOR_NAMES, advisorOf, servedEnterpriseKeys } from './advisors';
export { BATCHES } from './batches';
export { addDays, beijingAt, beijingDayOf } from './dates';
export { ENTERPRISES } from './enterprises';
export {
  buildMatchingPlan,
  type AchievementRef,
  type MatchingPlan,
  type MatchmakingSeed,
  type MilestoneStepSeed,
} from './matching-plan';
export { buildNeeds } from './needs';
export { buildTeams } from './teams';
export type { BatchSeed, EnterpriseSeed, NeedFields, NeedSeed, TeamSeed } from './types';
export {
  buildLiveProgramme,
  LIVE_RELEASED_DAYS_AGO,
  type LiveBidSeed,
  type LiveNeedSeed,
  type LiveProgramme,
  type PendingNeedSeed,
} from './live';

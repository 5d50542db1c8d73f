import { MATCHING_MIGRATIONS, MatchingModule } from '@jiebang/matching';
import { NOTIFICATIONS_MIGRATIONS, NotificationsModule } from '@jiebang/notifications';
import type { ServiceDefinition } from '@jiebang/platform';

/**
 * The matching context (teams, bids, evaluation, awards, engagements, advisors' records,
 * statistics) and the notifications context beside it: both are read by the same signed-in users
 * after the same moves, and notifications are too small for a deployment of their own.
 */
export const matchingService: ServiceDefinition = {
  name: 'matching-service',
  defaultPort: 3003,
  contexts: [MatchingModule, NotificationsModule],
  migrations: [...MATCHING_MIGRATIONS, ...NOTIFICATIONS_MIGRATIONS],
};

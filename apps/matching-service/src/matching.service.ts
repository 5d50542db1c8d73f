import { MATCHING_MIGRATIONS, MatchingModule } from '@jiebang/matching';
import type { ServiceDefinition } from '@jiebang/platform';

/** The matching context: teams, bids, evaluation, awards, engagements, advisors' records, statistics, notifications. */
export const matchingService: ServiceDefinition = {
  name: 'matching-service',
  defaultPort: 3003,
  contexts: [MatchingModule],
  migrations: MATCHING_MIGRATIONS,
};

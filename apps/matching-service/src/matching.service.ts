import type { ServiceDefinition } from '@jiebang/platform';

/** The matching context (teams, bids, awards, advisors' records) arrives with its issue. */
export const matchingService: ServiceDefinition = {
  name: 'matching-service',
  defaultPort: 3003,
  contexts: [],
  migrations: [],
};

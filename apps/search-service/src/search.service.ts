import type { ServiceDefinition } from '@jiebang/platform';

/** The search context (Meilisearch index and search API) arrives with its issue. */
export const searchService: ServiceDefinition = {
  name: 'search-service',
  defaultPort: 3002,
  contexts: [],
  migrations: [],
};

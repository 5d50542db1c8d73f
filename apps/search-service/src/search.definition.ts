import { SEARCH_MIGRATIONS, SearchModule } from '@jiebang/search';
import type { ServiceDefinition } from '@jiebang/platform';

/** The search context: the Meilisearch indexes fed by events, and the search API. */
export const searchService: ServiceDefinition = {
  name: 'search-service',
  defaultPort: 3002,
  contexts: [SearchModule],
  migrations: [...SEARCH_MIGRATIONS],
};

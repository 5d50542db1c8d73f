export { DEMAND_HIT_ATTRIBUTES } from './index/documents';
export { IndexSync } from './indexer/index-sync';
export { SEARCH_MIGRATIONS } from './migrations';
export type { ConsistencyReport, ReindexReport } from './ops/search-operations.dto';
export { SearchOperations } from './ops/search-operations.service';
export { SEARCH_ERRORS } from './search.errors';
export { SearchModule } from './search.module';
export { SuggestionsService } from './teams/suggestions.service';

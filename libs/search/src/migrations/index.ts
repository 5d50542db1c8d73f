import { CreateSearchSchema1764288000300 } from './1764288000300-create-search-schema';

export const SEARCH_MIGRATIONS = [CreateSearchSchema1764288000300];

import { CreateSearchSchema1764288000300 } from './1764288000300-create-search-schema';
import { CreateOperationLock1766000000300 } from './1766000000300-create-operation-lock';

export const SEARCH_MIGRATIONS = [CreateSearchSchema1764288000300, CreateOperationLock1766000000300];

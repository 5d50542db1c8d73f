import { CreateSearchSchema1764288000300 } from './1764288000300-create-search-schema';
import { CreateOperationLock1766000000300 } from './1766000000300-create-operation-lock';
import { CountBids1767200000300 } from './1767200000300-count-bids';

export const SEARCH_MIGRATIONS = [
  CreateSearchSchema1764288000300,
  CreateOperationLock1766000000300,
  CountBids1767200000300,
];

import { errorFactory } from '@jiebang/platform';

/** Search's error codes and their HTTP statuses. */
export const SEARCH_ERRORS = {
  SEARCH_DEMAND_NOT_FOUND: 404,
  SEARCH_TEAM_NOT_FOUND: 404,
  SEARCH_UNAVAILABLE: 503,
  SEARCH_REINDEX_RUNNING: 409,
} as const;

export const searchError = errorFactory(SEARCH_ERRORS);

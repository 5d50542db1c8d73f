import { errorFactory } from '@jiebang/platform';

/** Notifications' error codes and their HTTP statuses. */
export const NOTIFICATIONS_ERRORS = {
  NOTIFICATION_NOT_FOUND: 404,
  SUBSCRIPTION_NOT_FOUND: 404,
  SUBSCRIPTION_NEED_NOT_FOUND: 404,
  SUBSCRIPTION_FORBIDDEN: 403,
  SUBSCRIPTION_EXISTS: 409,
  SUBSCRIPTION_LIMIT_REACHED: 409,
  SUBSCRIPTION_SEARCH_EMPTY: 422,
  UNSUBSCRIBE_TOKEN_INVALID: 400,
} as const;

export const notificationsError = errorFactory(NOTIFICATIONS_ERRORS);

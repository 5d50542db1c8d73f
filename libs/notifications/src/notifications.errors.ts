import { errorFactory } from '@jiebang/platform';

/** Notifications' error codes and their HTTP statuses. */
export const NOTIFICATIONS_ERRORS = {
  NOTIFICATION_NOT_FOUND: 404,
} as const;

export const notificationsError = errorFactory(NOTIFICATIONS_ERRORS);

import { CreateNotificationsSchema1767000000500 } from './1767000000500-create-notifications-schema';
import { CreateSubscriptions1767000000600 } from './1767000000600-create-subscriptions';
import { AlertOnAnswers1768000000500 } from './1768000000500-alert-on-answers';
import { NotificationParams1769000000500 } from './1769000000500-notification-params';

export const NOTIFICATIONS_MIGRATIONS = [
  CreateNotificationsSchema1767000000500,
  CreateSubscriptions1767000000600,
  AlertOnAnswers1768000000500,
  NotificationParams1769000000500,
];

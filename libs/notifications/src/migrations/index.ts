import { CreateNotificationsSchema1767000000500 } from './1767000000500-create-notifications-schema';

export const NOTIFICATIONS_MIGRATIONS = [CreateNotificationsSchema1767000000500];

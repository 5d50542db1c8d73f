export { NOTIFICATIONS_ERRORS } from './notifications.errors';
export { NotificationsModule } from './notifications.module';
export { NOTIFICATIONS_MIGRATIONS } from './migrations';
export { DeadlineReminderJob } from './alerts/deadline-reminder.job';

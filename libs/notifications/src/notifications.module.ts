import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@jiebang/platform';
import { AlertRepository } from './alerts/alert.repository';
import { AlertsService } from './alerts/alerts.service';
import { DeadlineReminderJob } from './alerts/deadline-reminder.job';
import { AdvisorPortfolio, Need, Recipient } from './directory/directory.entity';
import { DirectoryRepository } from './directory/directory.repository';
import { Notification } from './inbox/notification.entity';
import { NotificationRepository } from './inbox/notification.repository';
import { NotificationsConsumer } from './inbox/notifications.consumer';
import { NotificationsController } from './inbox/notifications.controller';
import { NotificationsService } from './inbox/notifications.service';
import { EMAIL_SENDER, SmtpEmailSender } from './mail/email-sender';
import { NotificationMailer } from './mail/notification-mailer';
import { NotificationsReadiness } from './notifications-readiness';
import { PreferenceRepository } from './preferences/preference.repository';
import { PreferencesController } from './preferences/preferences.controller';
import { PreferencesService } from './preferences/preferences.service';
import { UnsubscribeTokens } from './preferences/unsubscribe-token';
import { Subscription, TeamProfileTerms } from './subscriptions/subscription.entity';
import { SubscriptionRepository } from './subscriptions/subscription.repository';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';
import { SubscriptionsService } from './subscriptions/subscriptions.service';

/**
 * Every user's inbox, fed by the events of every context, with email copies when SMTP is
 * configured; and the alerts users subscribe to (followed needs, saved searches, team profiles).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Recipient, Need, AdvisorPortfolio, Notification, Subscription, TeamProfileTerms]),
  ],
  controllers: [NotificationsController, PreferencesController, SubscriptionsController],
  providers: [
    DirectoryRepository,
    NotificationRepository,
    NotificationsService,
    NotificationsConsumer,
    NotificationMailer,
    NotificationsReadiness,
    SubscriptionRepository,
    SubscriptionsService,
    PreferenceRepository,
    PreferencesService,
    AlertRepository,
    AlertsService,
    DeadlineReminderJob,
    {
      provide: UnsubscribeTokens,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new UnsubscribeTokens(config.jwt.secret),
    },
    {
      provide: EMAIL_SENDER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.mail.smtpUrl ? new SmtpEmailSender(config.mail.smtpUrl, config.mail.from) : null,
    },
  ],
  exports: [DeadlineReminderJob],
})
export class NotificationsModule {}

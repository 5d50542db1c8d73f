import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@jiebang/platform';
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

/** Every user's inbox, fed by the events of every context, with email copies when SMTP is configured. */
@Module({
  imports: [TypeOrmModule.forFeature([Recipient, Need, AdvisorPortfolio, Notification])],
  controllers: [NotificationsController],
  providers: [
    DirectoryRepository,
    NotificationRepository,
    NotificationsService,
    NotificationsConsumer,
    NotificationMailer,
    NotificationsReadiness,
    {
      provide: EMAIL_SENDER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.mail.smtpUrl ? new SmtpEmailSender(config.mail.smtpUrl, config.mail.from) : null,
    },
  ],
})
export class NotificationsModule {}

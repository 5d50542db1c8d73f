import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Transactions } from '@jiebang/platform';
import { EMAIL_SENDER, type EmailSender } from './email-sender';
import { NotificationRepository } from './notification.repository';

const BATCH = 20;
const IDLE_MS = 5_000;
const MAX_ATTEMPTS = 5;

/**
 * Emails pending notifications when SMTP is configured. Rows are claimed with SKIP LOCKED, so
 * several instances share the work; a failing address is retried a few times, then marked failed.
 * The inbox row exists either way: email is a courtesy copy, never the record.
 */
@Injectable()
export class NotificationMailer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationMailer');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly transactions: Transactions,
    private readonly notifications: NotificationRepository,
    @Inject(EMAIL_SENDER) private readonly sender: EmailSender | null,
  ) {}

  onApplicationBootstrap(): void {
    if (this.sender) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Sends one batch; returns how many were sent. */
  async drain(): Promise<number> {
    if (!this.sender) return 0;
    const sender = this.sender;
    return this.transactions.run(async (manager) => {
      let sent = 0;
      const pending = await this.notifications.claimPendingEmails(BATCH, manager);
      for (const email of pending) {
        const attempts = email.attempts + 1;
        const recipients = await this.notifications.recipientsOf(email, manager);
        if (recipients.length === 0) {
          // The audience has not reached matching yet (identity's event is on its way): try again later.
          await this.notifications.settleEmail(
            email.id,
            attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            attempts,
            manager,
          );
          continue;
        }
        try {
          await sender.send({
            to: recipients.map((r) => r.email),
            subject: `【揭榜挂帅】${email.title}`,
            text: `您好：\n\n${email.body}\n\n—— 揭榜挂帅平台（本邮件由系统发送，请勿直接回复）\n`,
          });
          await this.notifications.settleEmail(email.id, 'sent', attempts, manager);
          sent += 1;
        } catch (error) {
          this.logger.warn({ err: error, notificationId: email.id }, `email failed (attempt ${attempts})`);
          await this.notifications.settleEmail(
            email.id,
            attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            attempts,
            manager,
          );
        }
      }
      return sent;
    });
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((error: unknown) => {
          this.logger.warn({ err: error }, 'email round failed');
          return 0;
        })
        .then((sent) => this.schedule(sent === BATCH ? 0 : IDLE_MS));
    }, delay);
  }
}

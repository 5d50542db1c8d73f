import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { errorMessage } from '@jiebang/platform';
import { EMAIL_SENDER, type EmailSender } from './email-sender';
import { NotificationRepository, type PendingEmail } from '../inbox/notification.repository';

const BATCH = 20;
const IDLE_MS = 5_000;
const MAX_ATTEMPTS = 5;
/** A claim older than this belongs to a sender that died; SMTP timeouts are well below it. */
const STALE_CLAIM_SECONDS = 15 * 60;
/** How long to wait for identity to announce the recipients of a message before giving up. */
const RECIPIENTS_GRACE_MS = 24 * 3600 * 1000;

/**
 * Emails a copy of notifications when SMTP is configured. Rows are claimed in a short transaction
 * (SKIP LOCKED, so instances share the work) and sent outside it, each settled on its own: a crash
 * may send an email twice but never loses one. A failing address backs off and is retried a few
 * times; a message whose recipients identity has not announced yet waits without spending attempts.
 * The inbox row exists either way: email is a courtesy copy, never the record.
 */
@Injectable()
export class NotificationMailer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationMailer');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
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

  /** Sends one batch of due emails; returns how many were claimed. */
  async drain(): Promise<number> {
    if (!this.sender) return 0;
    const due = await this.notifications.claimDueEmails(BATCH, STALE_CLAIM_SECONDS);
    for (const email of due) await this.deliver(this.sender, email);
    return due.length;
  }

  private async deliver(sender: EmailSender, email: PendingEmail): Promise<void> {
    const recipients = await this.notifications.recipientsOf(email);
    if (recipients.length === 0) {
      const waitedTooLong = Date.now() - email.createdAt.getTime() > RECIPIENTS_GRACE_MS;
      await this.notifications.settleEmail(email.id, {
        status: waitedTooLong ? 'failed' : 'pending',
        attempts: email.attempts,
        retryInSeconds: 30,
      });
      return;
    }
    const attempts = email.attempts + 1;
    try {
      await sender.send({
        to: recipients.map((r) => r.email),
        subject: `【揭榜挂帅】${email.title}`,
        text: `您好：\n\n${email.body}\n\n—— 揭榜挂帅平台（本邮件由系统发送，请勿直接回复）\n`,
      });
      await this.notifications.settleEmail(email.id, { status: 'sent', attempts });
    } catch (error) {
      this.logger.warn(`email for notification ${email.id} failed (attempt ${attempts}): ${errorMessage(error)}`);
      await this.notifications.settleEmail(email.id, {
        status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
        attempts,
        retryInSeconds: 30 * 2 ** attempts,
      });
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .catch((error: unknown) => {
          this.logger.warn(`email round failed: ${errorMessage(error)}`);
          return 0;
        })
        .then((claimed) => this.schedule(claimed === BATCH ? 0 : IDLE_MS));
    }, delay);
  }
}

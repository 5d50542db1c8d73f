import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, errorMessage } from '@jiebang/platform';
import { AlertRepository, type DueDigest } from '../alerts/alert.repository';
import { NotificationRepository, type PendingEmail } from '../inbox/notification.repository';
import { ALERT_KINDS, type AlertKind } from '../preferences/alert-kinds';
import { PreferenceRepository } from '../preferences/preference.repository';
import { UnsubscribeTokens } from '../preferences/unsubscribe-token';
import { EMAIL_SENDER, type Email, type EmailSender } from './email-sender';

const BATCH = 20;
const IDLE_MS = 5_000;
const MAX_ATTEMPTS = 5;
/** A claim older than this belongs to a sender that died; SMTP timeouts are well below it. */
const STALE_CLAIM_SECONDS = 15 * 60;
/** How long to wait for identity to announce the recipients of a message before giving up. */
const RECIPIENTS_GRACE_MS = 24 * 3600 * 1000;

const SIGNATURE = '—— 揭榜挂帅平台（本邮件由系统发送，请勿直接回复）';

/**
 * Emails a copy of notifications, and the digests of matched needs, when SMTP is configured. Rows
 * are claimed in a short transaction (SKIP LOCKED, so instances share the work) and sent outside it, each settled on its own: a crash
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
    private readonly alerts: AlertRepository,
    private readonly preferences: PreferenceRepository,
    private readonly tokens: UnsubscribeTokens,
    @Inject(EMAIL_SENDER) private readonly sender: EmailSender | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.sender) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Sends one batch of due emails and digests; returns how many were claimed. */
  async drain(): Promise<number> {
    if (!this.sender) return 0;
    const due = await this.notifications.claimDueEmails(BATCH, STALE_CLAIM_SECONDS);
    for (const email of due) await this.deliver(this.sender, email);
    const digests = await this.alerts.claimDueDigests(BATCH, STALE_CLAIM_SECONDS);
    for (const digest of digests) await this.deliverDigest(this.sender, digest);
    return Math.max(due.length, digests.length);
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
    const alert = alertKindOf(email.kind);
    try {
      const to = recipients.map((r) => r.email);
      const subject = `【揭榜挂帅】${email.title}`;
      await sender.send(
        // An alert goes to one user, who may unsubscribe from its kind; any other message is work.
        alert && email.userId
          ? this.withUnsubscribe({ to, subject, text: `您好：\n\n${email.body}\n` }, email.userId, alert)
          : { to, subject, text: `您好：\n\n${email.body}\n\n${SIGNATURE}\n` },
      );
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

  /** One email listing every match of a publication not mailed yet, with a one-click unsubscribe. */
  private async deliverDigest(sender: EmailSender, digest: DueDigest): Promise<void> {
    const items = await this.alerts.unmailedItems(digest);
    const channels = await this.preferences.channels([digest.userId], 'need_matched');
    if (items.length === 0 || !channels.get(digest.userId)!.email) {
      // Nothing new, or the user unsubscribed since: the matches stay in the inbox only.
      await this.alerts.settleDigest(digest, {
        status: 'sent',
        attempts: digest.attempts,
        mailed: items.map((item) => item.demandId),
      });
      return;
    }
    const [recipient] = await this.notifications.recipientsOf({
      userId: digest.userId,
      organisationId: null,
      role: null,
    });
    if (!recipient) {
      const waitedTooLong = Date.now() - digest.createdAt.getTime() > RECIPIENTS_GRACE_MS;
      await this.alerts.settleDigest(digest, {
        status: waitedTooLong ? 'failed' : 'pending',
        attempts: digest.attempts,
        mailed: [],
        retryInSeconds: 30,
      });
      return;
    }
    const attempts = digest.attempts + 1;
    const base = this.config.notifications.publicUrl;
    const lines = items.map(
      (item) =>
        `· 《${item.title}》${item.code ? `（${item.code}）` : ''}：符合${item.reason}\n  ${base}/demands/${item.demandId}`,
    );
    try {
      await sender.send(
        this.withUnsubscribe(
          {
            to: [recipient.email],
            subject: `【揭榜挂帅】${items.length} 项新发布的需求符合您的订阅`,
            text: `${recipient.displayName}，您好：\n\n新发布的需求中有 ${items.length} 项符合您的订阅：\n\n${lines.join('\n')}\n`,
          },
          digest.userId,
          'need_matched',
        ),
      );
      await this.alerts.settleDigest(digest, { status: 'sent', attempts, mailed: items.map((item) => item.demandId) });
    } catch (error) {
      this.logger.warn(
        `digest ${digest.batchKey} for ${digest.userId} failed (attempt ${attempts}): ${errorMessage(error)}`,
      );
      await this.alerts.settleDigest(digest, {
        status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
        attempts,
        mailed: [],
        retryInSeconds: 30 * 2 ** attempts,
      });
    }
  }

  /** An alert's email: the footer with its one-click unsubscribe link, and the RFC 8058 header. */
  private withUnsubscribe(email: Email, userId: string, kind: AlertKind): Email {
    const token = encodeURIComponent(this.tokens.sign(userId, kind));
    const base = this.config.notifications.publicUrl;
    return {
      ...email,
      text: `${email.text}\n不想再收到此类邮件？一键退订：${base}/unsubscribe?token=${token}\n\n${SIGNATURE}\n`,
      unsubscribeUrl: `${base}/api/v1/notifications/unsubscribe?token=${token}`,
    };
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

function alertKindOf(kind: string): AlertKind | null {
  return ALERT_KINDS.find((alert) => alert === kind) ?? null;
}

import nodemailer from 'nodemailer';

export interface Email {
  to: string[];
  subject: string;
  text: string;
  /** One-click unsubscribe (RFC 8058): where a mail client POSTs to stop this kind of email. */
  unsubscribeUrl?: string;
}

/** Where notification emails go; SMTP in production, nothing when unconfigured. */
export interface EmailSender {
  send(email: Email): Promise<void>;
}

export const EMAIL_SENDER = Symbol('EMAIL_SENDER');

/** Sends through an SMTP server (nodemailer) given as smtp://user:pass@host:port or smtps://…. */
export class SmtpEmailSender implements EmailSender {
  private readonly transport: nodemailer.Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url);
  }

  async send(email: Email): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      headers: email.unsubscribeUrl
        ? { 'List-Unsubscribe': `<${email.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
        : undefined,
    });
  }
}

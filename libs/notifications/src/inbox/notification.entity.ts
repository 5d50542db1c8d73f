import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Texts, numbers and codes (a status, a feedback category…) the app labels itself; dates as ISO strings. */
export type NotificationParams = Record<string, string | number>;

export type EmailStatus = 'off' | 'pending' | 'sending' | 'sent' | 'failed';

/** One message to an organisation's members or to one user. */
@Entity({ schema: 'notifications', name: 'notification' })
export class Notification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** The event it came from: a redelivered event never notifies twice. */
  @Column('uuid') eventId!: string;
  @Column('uuid', { nullable: true }) organisationId!: string | null;
  /** Which side of the organisation it is for. */
  @Column('text', { nullable: true }) role!: 'enterprise' | 'team' | null;
  @Column('uuid', { nullable: true }) userId!: string | null;
  @Column('text') kind!: string;
  @Column('text') title!: string;
  @Column('text') body!: string;
  /** What `kind`'s template needs to say it in the reader's language. */
  @Column('jsonb') params!: NotificationParams;
  @Column('text', { nullable: true }) link!: string | null;
  @Column('timestamptz') createdAt!: Date;
  @Column('text') emailStatus!: EmailStatus;
  @Column('integer') emailAttempts!: number;
  @Column('timestamptz') emailNextAt!: Date;
  /** Kept only for its email copy: the user turned this alert off in-app. */
  @Column('boolean') hidden!: boolean;
}

/** A message in a user's inbox: the notification and whether that user read it. */
export interface InboxItem extends Notification {
  readAt: Date | null;
}

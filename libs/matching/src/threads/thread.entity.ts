import type { Role } from '@jiebang/contracts';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One message in an engagement's thread; `seq` is its place, 1, 2, 3 … without gaps. */
@Entity({ schema: 'matching', name: 'engagement_message' })
export class EngagementMessage {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') engagementId!: string;
  @Column('integer') seq!: number;
  @Column('uuid') authorId!: string;
  @Column('text') authorRole!: Role;
  @Column('uuid', { nullable: true }) authorOrganisationId!: string | null;
  @Column('text') body!: string;
  @Column('timestamptz') createdAt!: Date;
}

/** How far one user has read one thread. */
@Entity({ schema: 'matching', name: 'engagement_thread_read' })
export class ThreadRead {
  @PrimaryColumn('uuid') userId!: string;
  @PrimaryColumn('uuid') engagementId!: string;
  @Column('integer') lastReadSeq!: number;
  @Column('timestamptz') readAt!: Date;
}

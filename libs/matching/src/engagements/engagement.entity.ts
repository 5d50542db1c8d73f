import type { MilestoneStatus } from '@jiebang/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numeric } from '../common/validation';

/** `cancelled`: the need was withdrawn while its award was on its way to demand. */
export type EngagementStatus = 'awarded' | 'in_progress' | 'completed' | 'cancelled';

export interface Deliverable {
  name: string;
  /** Where the deliverable is kept: a document number, a link, a sample's tracking number. */
  reference: string;
}

/** The work one winning team does under an award (挂帅), milestone by milestone. */
@Entity({ schema: 'matching', name: 'engagement' })
export class Engagement {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') demandId!: string;
  @Column('uuid') bidId!: string;
  @Column('uuid') teamOrganisationId!: string;
  @Column('uuid') ownerOrganisationId!: string;
  @Column('text') status!: EngagementStatus;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz', { nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) completedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) cancelledAt!: Date | null;
  @Column('integer') version!: number;
}

@Entity({ schema: 'matching', name: 'milestone' })
export class Milestone {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') engagementId!: string;
  @Column('integer') seq!: number;
  @Column('text') title!: string;
  /** yyyy-mm-dd */
  @Column('date') dueDate!: string;
  @Column('numeric', { precision: 5, scale: 2, transformer: numeric }) paymentShare!: number;
  @Column('text') status!: MilestoneStatus;
  @Column('jsonb') deliverables!: Deliverable[];
  @Column('text', { nullable: true }) note!: string | null;
  @Column('text', { nullable: true }) decisionReason!: string | null;
  @Column('timestamptz', { nullable: true }) submittedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) decidedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) overdueFlaggedAt!: Date | null;
}

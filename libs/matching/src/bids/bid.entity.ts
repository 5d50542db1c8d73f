import type { BidStatus, FeedbackCategory } from '@jiebang/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numeric } from '../common/validation';

export interface IndicatorResponse {
  indicator: string;
  response: string;
}

export interface PlannedMilestone {
  title: string;
  /** yyyy-mm-dd */
  dueDate: string;
  /** Share of the payment on acceptance, in percent; the plan's shares add up to 100. */
  paymentShare: number;
}

export interface TeamMember {
  name: string;
  title: string;
  role: string;
}

/** A team's proposal (揭榜申报) for one need. */
@Entity({ schema: 'matching', name: 'bid' })
export class Bid {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') demandId!: string;
  @Column('uuid') teamOrganisationId!: string;
  @Column('uuid') createdBy!: string;
  @Column('text') status!: BidStatus;
  @Column('text') approach!: string;
  @Column('jsonb') indicatorResponses!: IndicatorResponse[];
  @Column('jsonb') milestones!: PlannedMilestone[];
  /** 万元 */
  @Column('numeric', { precision: 12, scale: 2, transformer: numeric })
  budget!: number;
  @Column('integer') durationMonths!: number;
  @Column('jsonb') members!: TeamMember[];
  @Column('text', { nullable: true }) feedbackCategory!: FeedbackCategory | null;
  @Column('text', { nullable: true }) feedbackText!: string | null;
  @Column('timestamptz') createdAt!: Date;
  @Column('timestamptz', { nullable: true }) submittedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) withdrawnAt!: Date | null;
  @Column('timestamptz', { nullable: true }) decidedAt!: Date | null;
  @Column('timestamptz') updatedAt!: Date;
  @Column('integer') version!: number;
}

/** Statuses of a bid that the need's side may see (drafts stay with the team). */
export const LODGED_BID_STATUSES: readonly BidStatus[] = ['submitted', 'awarded', 'not_selected'];

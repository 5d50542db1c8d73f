import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MILESTONE_STATUSES, type MilestoneStatus } from '@jiebang/contracts';
import { PageMeta, PageQuery, trim } from '@jiebang/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
} from 'class-validator';
import type { Engagement, EngagementStatus, Milestone } from './engagement.entity';

export class DeliverableDto {
  @ApiProperty({ example: '中试工艺验证报告' })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: 'DOC-2027-0042', description: 'Document number, link or sample tracking number' })
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  reference!: string;
}

export class SubmitMilestoneDto {
  @ApiProperty({ type: [DeliverableDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsObject({ each: true, message: ({ property }) => `each item of ${property} must be an object` })
  @ValidateNested({ each: true })
  @Type(() => DeliverableDto)
  deliverables!: DeliverableDto[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 2000)
  note?: string;
}

export class RejectMilestoneDto {
  @ApiProperty({ example: '样机磁性能测试数据不完整，请补充第三方检测报告。', minLength: 5, maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @Length(5, 1000)
  reason!: string;
}

export class MilestoneView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ description: 'Percent of the payment' }) paymentShare!: number;
  @ApiProperty({ enum: MILESTONE_STATUSES }) status!: MilestoneStatus;
  @ApiProperty({ description: 'Due date passed with nothing submitted or accepted' }) overdue!: boolean;
  @ApiProperty({ type: [DeliverableDto] }) deliverables!: DeliverableDto[];
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionReason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
}

export class EngagementView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) demandId!: string;
  @ApiProperty({ nullable: true, type: String }) demandTitle!: string | null;
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ format: 'uuid' }) teamOrganisationId!: string;
  @ApiProperty({ nullable: true, type: String }) teamName!: string | null;
  @ApiProperty({ format: 'uuid' }) ownerOrganisationId!: string;
  @ApiProperty({ enum: ['awarded', 'in_progress', 'completed', 'cancelled'] }) status!: EngagementStatus;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) completedAt!: string | null;
  @ApiProperty({ type: [MilestoneView] }) milestones!: MilestoneView[];
  @ApiProperty({ description: 'Messages in its thread by others that the caller has not read' })
  unreadMessages!: number;
}

export class EngagementPage extends PageMeta {
  @ApiProperty({ type: [EngagementView] }) items!: EngagementView[];
}

export class EngagementQuery extends PageQuery {}

export function toMilestoneView(milestone: Milestone, today: string): MilestoneView {
  return {
    id: milestone.id,
    seq: milestone.seq,
    title: milestone.title,
    dueDate: milestone.dueDate,
    paymentShare: milestone.paymentShare,
    status: milestone.status,
    overdue: (milestone.status === 'planned' || milestone.status === 'rejected') && milestone.dueDate < today,
    deliverables: milestone.deliverables,
    note: milestone.note,
    decisionReason: milestone.decisionReason,
    submittedAt: milestone.submittedAt?.toISOString() ?? null,
    decidedAt: milestone.decidedAt?.toISOString() ?? null,
  };
}

export function toEngagementView(
  engagement: Engagement,
  milestones: Milestone[],
  today: string,
  extras: { demandTitle: string | null; teamName: string | null; unreadMessages: number },
): EngagementView {
  return {
    id: engagement.id,
    demandId: engagement.demandId,
    demandTitle: extras.demandTitle,
    bidId: engagement.bidId,
    teamOrganisationId: engagement.teamOrganisationId,
    teamName: extras.teamName,
    ownerOrganisationId: engagement.ownerOrganisationId,
    status: engagement.status,
    createdAt: engagement.createdAt.toISOString(),
    startedAt: engagement.startedAt?.toISOString() ?? null,
    completedAt: engagement.completedAt?.toISOString() ?? null,
    milestones: milestones.map((m) => toMilestoneView(m, today)),
    unreadMessages: extras.unreadMessages,
  };
}

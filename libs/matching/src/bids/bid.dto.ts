import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  BID_STATUS_LABELS,
  BID_STATUSES,
  type BidStatus,
  DEMAND_STATUSES,
  type DemandStatus,
  FEEDBACK_CATEGORIES,
  FEEDBACK_CATEGORY_LABELS,
  type FeedbackCategory,
} from '@jiebang/contracts';
import { PageMeta, PageQuery, IsCalendarDay, IsDecimal, IsOmittable, queryList, trim } from '@jiebang/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { Bid } from './bid.entity';

export class IndicatorResponseDto {
  @ApiProperty({ example: '磁能积', description: 'The name of one of the need’s indicators' })
  @Transform(trim)
  @IsString()
  @Length(1, 40)
  indicator!: string;

  @ApiProperty({ example: '采用双合金晶界扩散，实测≥52 MGOe', maxLength: 500 })
  @Transform(trim)
  @IsString()
  @Length(2, 500)
  response!: string;
}

export class PlannedMilestoneDto {
  @ApiProperty({ example: '完成中试线工艺验证', maxLength: 60 })
  @Transform(trim)
  @IsString()
  @Length(2, 60)
  title!: string;

  @ApiProperty({ example: '2027-06-30', format: 'date' })
  @IsCalendarDay()
  dueDate!: string;

  @ApiProperty({ example: 40, description: 'Percent of the payment released on acceptance; the plan adds up to 100' })
  @IsDecimal(2)
  @Min(0)
  @Max(100)
  paymentShare!: number;
}

export class TeamMemberDto {
  @ApiProperty({ example: '王建华' })
  @Transform(trim)
  @IsString()
  @Length(1, 30)
  name!: string;

  @ApiProperty({ example: '研究员' })
  @Transform(trim)
  @IsString()
  @Length(1, 30)
  title!: string;

  @ApiProperty({ example: '项目负责人' })
  @Transform(trim)
  @IsString()
  @Length(1, 30)
  role!: string;
}

/** What a team proposes for a need. */
export class ProposalDto {
  @ApiProperty({ description: 'Technical approach (技术路线)', minLength: 20, maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @Length(20, 5000)
  approach!: string;

  @ApiProperty({ type: [IndicatorResponseDto], description: 'One response per indicator of the need' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsObject({ each: true, message: ({ property }) => `each item of ${property} must be an object` })
  @ValidateNested({ each: true })
  @Type(() => IndicatorResponseDto)
  indicatorResponses!: IndicatorResponseDto[];

  @ApiProperty({ type: [PlannedMilestoneDto], description: 'Milestone plan in date order; shares add up to 100' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @IsObject({ each: true, message: ({ property }) => `each item of ${property} must be an object` })
  @ValidateNested({ each: true })
  @Type(() => PlannedMilestoneDto)
  milestones!: PlannedMilestoneDto[];

  @ApiProperty({ description: 'Budget asked, 万元', example: 260 })
  @IsDecimal(2)
  @Min(0.01)
  @Max(100_000)
  budget!: number;

  @ApiProperty({ minimum: 1, maximum: 120, example: 18 })
  @IsInt()
  @Min(1)
  @Max(120)
  durationMonths!: number;

  @ApiProperty({ type: [TeamMemberDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsObject({ each: true, message: ({ property }) => `each item of ${property} must be an object` })
  @ValidateNested({ each: true })
  @Type(() => TeamMemberDto)
  members!: TeamMemberDto[];
}

export class CreateBidDto extends ProposalDto {
  @ApiPropertyOptional({ default: true, description: 'false keeps the bid as a draft' })
  @IsOmittable()
  @IsBoolean()
  submit?: boolean;
}

// Null is not "leave as is": it is validated, and refused, like any other value.
export class UpdateBidDto extends PartialType(ProposalDto, { skipNullProperties: false }) {}

export class BidQuery extends PageQuery {
  @ApiPropertyOptional({ enum: BID_STATUSES })
  @IsOptional()
  @IsIn(BID_STATUSES)
  status?: BidStatus;
}

export class BidCountQuery {
  @ApiProperty({ format: 'uuid', isArray: true, description: 'Up to 100 needs, comma-separated or repeated' })
  @Transform(queryList)
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  demandIds!: string[];
}

export class FeedbackView {
  @ApiProperty({ enum: FEEDBACK_CATEGORIES }) category!: FeedbackCategory;
  @ApiProperty({ example: '经费报价偏高' }) categoryLabel!: string;
  @ApiProperty() text!: string;
}

export class BidView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) demandId!: string;
  @ApiProperty({ nullable: true, type: String }) demandTitle!: string | null;
  @ApiProperty({
    enum: DEMAND_STATUSES,
    nullable: true,
    description:
      'The need’s status now (bidding_closed once its deadline passed): whether the bid still stands a chance',
  })
  demandStatus!: DemandStatus | null;
  @ApiProperty({ format: 'uuid' }) teamOrganisationId!: string;
  @ApiProperty({ nullable: true, type: String }) teamName!: string | null;
  @ApiProperty({ enum: BID_STATUSES }) status!: BidStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() approach!: string;
  @ApiProperty({ type: [IndicatorResponseDto] }) indicatorResponses!: IndicatorResponseDto[];
  @ApiProperty({ type: [PlannedMilestoneDto] }) milestones!: PlannedMilestoneDto[];
  @ApiProperty({ description: '万元' }) budget!: number;
  @ApiProperty() durationMonths!: number;
  @ApiProperty({ type: [TeamMemberDto] }) members!: TeamMemberDto[];
  @ApiProperty({ type: FeedbackView, nullable: true }) feedback!: FeedbackView | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class BidPage extends PageMeta {
  @ApiProperty({ type: [BidView] }) items!: BidView[];
}

export class BidCountView {
  @ApiProperty({ format: 'uuid' }) demandId!: string;
  @ApiProperty({ description: 'Bids lodged on the need (drafts and withdrawn bids not counted)' }) bids!: number;
}

export function toBidView(
  bid: Bid,
  names: { demandTitle?: string | null; demandStatus?: DemandStatus | null; teamName?: string | null } = {},
): BidView {
  return {
    id: bid.id,
    demandId: bid.demandId,
    demandTitle: names.demandTitle ?? null,
    demandStatus: names.demandStatus ?? null,
    teamOrganisationId: bid.teamOrganisationId,
    teamName: names.teamName ?? null,
    status: bid.status,
    statusLabel: BID_STATUS_LABELS[bid.status],
    approach: bid.approach,
    indicatorResponses: bid.indicatorResponses,
    milestones: bid.milestones,
    budget: bid.budget,
    durationMonths: bid.durationMonths,
    members: bid.members,
    feedback: bid.feedbackCategory
      ? {
          category: bid.feedbackCategory,
          categoryLabel: FEEDBACK_CATEGORY_LABELS[bid.feedbackCategory],
          text: bid.feedbackText ?? '',
        }
      : null,
    submittedAt: bid.submittedAt?.toISOString() ?? null,
    decidedAt: bid.decidedAt?.toISOString() ?? null,
    updatedAt: bid.updatedAt.toISOString(),
    version: bid.version,
  };
}

export class AuditEntryView {
  @ApiProperty({ enum: ['bid', 'award', 'engagement', 'milestone', 'matchmaking', 'conversion', 'reviewer'] })
  subject!: string;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty({ example: 'submit' }) action!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

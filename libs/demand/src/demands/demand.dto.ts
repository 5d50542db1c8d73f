import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  AWARD_MODES,
  type AwardMode,
  COOPERATION_MODES,
  type CooperationMode,
  DEMAND_STATUSES,
  type DemandStatus,
  DISTRICTS,
  type District,
  INDUSTRIES,
  type Industry,
  OUTCOME_FORMS,
  type OutcomeForm,
  PUBLIC_DEMAND_STATUSES,
  type TechnicalIndicator,
} from '@jiebang/contracts';
import { PageMeta, PageQuery, IsDecimal, IsIsoDate, trim } from '@jiebang/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import type { Transition } from '../audit/transition.entity';
import { type DemandPublicRecord, type DemandRecord, toSnapshot } from './demand.record';

export class IndicatorDto implements TechnicalIndicator {
  @ApiProperty({ example: '磁能积', maxLength: 40 })
  @Transform(trim)
  @IsString()
  @Length(1, 40)
  name!: string;

  @ApiProperty({ example: '≥52', maxLength: 40 })
  @Transform(trim)
  @IsString()
  @Length(1, 40)
  target!: string;

  @ApiProperty({ example: 'MGOe', maxLength: 20, description: 'Empty when dimensionless' })
  @Transform(trim)
  @IsString()
  @MaxLength(20)
  unit!: string;
}

/** The fields of a need an enterprise (or its advisor) writes. */
export class DemandFieldsDto {
  @ApiProperty({ example: '高性能烧结钕铁硼永磁体晶界扩散技术攻关', minLength: 4, maxLength: 60 })
  @Transform(trim)
  @IsString()
  @Length(4, 60)
  title!: string;

  @ApiProperty({ description: 'Public summary', minLength: 10, maxLength: 300 })
  @Transform(trim)
  @IsString()
  @Length(10, 300)
  summary!: string;

  @ApiProperty({ description: 'Why the need exists; public', minLength: 10, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @Length(10, 2000)
  background!: string;

  @ApiProperty({ type: [IndicatorDto], minItems: 1, maxItems: 10 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsObject({ each: true, message: ({ property }) => `each item of ${property} must be an object` })
  @ValidateNested({ each: true })
  @Type(() => IndicatorDto)
  indicators!: IndicatorDto[];

  @ApiProperty({ enum: OUTCOME_FORMS })
  @IsIn(OUTCOME_FORMS)
  outcomeForm!: OutcomeForm;

  @ApiProperty({ enum: INDUSTRIES })
  @IsIn(INDUSTRIES)
  industry!: Industry;

  @ApiProperty({ type: [String], example: ['钕铁硼', '晶界扩散', '重稀土'], minItems: 1, maxItems: 8 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 20, { each: true })
  keywords!: string[];

  @ApiProperty({ enum: DISTRICTS })
  @IsIn(DISTRICTS)
  district!: District;

  @ApiProperty({ description: 'Lower end of the bounty (榜额), 万元', example: 200 })
  @IsDecimal(2)
  @Min(1)
  @Max(100_000)
  bountyMin!: number;

  @ApiProperty({ description: 'Upper end of the bounty (榜额), 万元; at least bountyMin', example: 300 })
  @IsDecimal(2)
  @Min(1)
  @Max(100_000)
  bountyMax!: number;

  @ApiProperty({ enum: COOPERATION_MODES })
  @IsIn(COOPERATION_MODES)
  cooperationMode!: CooperationMode;

  @ApiProperty({ enum: AWARD_MODES, description: 'single: one lead (挂帅); parallel: N teams race (赛马)' })
  @IsIn(AWARD_MODES)
  awardMode!: AwardMode;

  @ApiProperty({ minimum: 1, maximum: 10, description: '1 for single; 2–10 for parallel' })
  @IsInt()
  @Min(1)
  @Max(10)
  awardLeads!: number;

  @ApiPropertyOptional({ format: 'date-time', description: "Defaults to the batch's deadline at publication" })
  @IsOptional()
  @IsIsoDate()
  bidDeadline?: string;

  @ApiPropertyOptional({ description: 'Confidential: owner, advisor, admin and winners only', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  confidentialDetails?: string;

  @ApiProperty({ example: '张工', maxLength: 20 })
  @Transform(trim)
  @IsString()
  @Length(1, 20)
  contactName!: string;

  @ApiProperty({ example: '0816-2345678' })
  @Transform(trim)
  @IsString()
  @Matches(/^(\+?86[- ]?)?(1\d{2}[- ]?\d{4}[- ]?\d{4}|0\d{2,3}-?\d{7,8})$/, {
    message: 'contactPhone must be a mainland mobile or landline number',
  })
  contactPhone!: string;

  @ApiPropertyOptional({ example: 'rd@example.cn' })
  @IsOptional()
  @IsEmail()
  contactEmail?: string;
}

export class CreateDemandDto extends DemandFieldsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Advisors: the served enterprise the need is for' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

// Absent fields stay as they are; an explicit null is validated (and refused), never written.
export class UpdateDemandDto extends PartialType(DemandFieldsDto, { skipNullProperties: false }) {}

export class ReturnDemandDto {
  @ApiProperty({ type: [String], example: ['技术指标缺少量化目标值'], minItems: 1, maxItems: 10 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(2, 300, { each: true })
  reasons!: string[];
}

export class WithdrawDemandDto {
  @ApiProperty({ example: '企业已自主攻克该技术', minLength: 2, maxLength: 300 })
  @IsString()
  @Length(2, 300)
  reason!: string;
}

export const DEMAND_SORTS = ['newest', 'deadline', 'bounty_desc', 'bounty_asc'] as const;
export type DemandSort = (typeof DEMAND_SORTS)[number];

export class PublicDemandQuery extends PageQuery {
  @ApiPropertyOptional({ enum: INDUSTRIES })
  @IsOptional()
  @IsIn(INDUSTRIES)
  industry?: Industry;

  @ApiPropertyOptional({ enum: DISTRICTS })
  @IsOptional()
  @IsIn(DISTRICTS)
  district?: District;

  @ApiPropertyOptional({ enum: COOPERATION_MODES })
  @IsOptional()
  @IsIn(COOPERATION_MODES)
  cooperationMode?: CooperationMode;

  @ApiPropertyOptional({ enum: PUBLIC_DEMAND_STATUSES })
  @IsOptional()
  @IsIn(PUBLIC_DEMAND_STATUSES)
  status?: (typeof PUBLIC_DEMAND_STATUSES)[number];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  batchId?: string;

  @ApiPropertyOptional({ description: 'Needs whose bounty reaches at least this (万元)' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  bountyMin?: number;

  @ApiPropertyOptional({ description: 'Needs whose bounty starts at most at this (万元)' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  bountyMax?: number;

  @ApiPropertyOptional({ enum: DEMAND_SORTS, default: 'newest' })
  @IsOptional()
  @IsIn(DEMAND_SORTS)
  sort: DemandSort = 'newest';
}

export class ManagedDemandQuery extends OmitType(PublicDemandQuery, ['status'] as const) {
  @ApiPropertyOptional({ enum: DEMAND_STATUSES })
  @IsOptional()
  @IsIn(DEMAND_STATUSES)
  status?: DemandStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Admin and advisors: one enterprise only' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

/** The filters of "needs I manage" that a count per status honours (not the status, page or sort). */
export class ManagedDemandCountQuery extends OmitType(ManagedDemandQuery, [
  'status',
  'page',
  'pageSize',
  'sort',
] as const) {}

export class StatusCountView {
  @ApiProperty({ enum: DEMAND_STATUSES }) status!: DemandStatus;
  @ApiProperty() count!: number;
}

export class ManagedDemandCountsView {
  @ApiProperty() total!: number;
  @ApiProperty({ type: [StatusCountView], description: 'Every status, in lifecycle order, zero counts included' })
  statuses!: StatusCountView[];
}

export class PartyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
}

export class BatchRefView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
}

/** What anyone may see of a published need. */
export class DemandPublicView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'MY-2023-0001' }) code!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() background!: string;
  @ApiProperty({ type: [IndicatorDto] }) indicators!: TechnicalIndicator[];
  @ApiProperty({ enum: OUTCOME_FORMS }) outcomeForm!: OutcomeForm;
  @ApiProperty({ enum: INDUSTRIES }) industry!: Industry;
  @ApiProperty({ type: [String] }) keywords!: string[];
  @ApiProperty({ enum: DISTRICTS }) district!: District;
  @ApiProperty({ description: '万元' }) bountyMin!: number;
  @ApiProperty({ description: '万元' }) bountyMax!: number;
  @ApiProperty({ enum: COOPERATION_MODES }) cooperationMode!: CooperationMode;
  @ApiProperty({ enum: AWARD_MODES }) awardMode!: AwardMode;
  @ApiProperty() awardLeads!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) bidDeadline!: string | null;
  @ApiProperty({
    enum: DEMAND_STATUSES,
    description: 'As of now: a published need past its deadline reads bidding_closed',
  })
  status!: DemandStatus;
  @ApiProperty({ type: PartyView }) owner!: PartyView;
  @ApiProperty({ type: BatchRefView, nullable: true }) batch!: BatchRefView | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt!: string | null;
}

/** The owner's, its advisor's, the winning teams' and admin's view: adds confidential fields and bookkeeping. */
export class DemandFullView extends DemandPublicView {
  @ApiProperty() confidentialDetails!: string;
  @ApiProperty() contactName!: string;
  @ApiProperty() contactPhone!: string;
  @ApiProperty({ nullable: true, type: String }) contactEmail!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) advisorId!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) approvedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'Send it back as If-Match when editing' }) version!: number;
}

export class DemandPublicPage extends PageMeta {
  @ApiProperty({ type: [DemandPublicView] }) items!: DemandPublicView[];
}

export class DemandFullPage extends PageMeta {
  @ApiProperty({ type: [DemandFullView] }) items!: DemandFullView[];
}

export class TransitionView {
  @ApiProperty() action!: string;
  @ApiProperty({ nullable: true, enum: DEMAND_STATUSES }) from!: DemandStatus | null;
  @ApiProperty({ enum: DEMAND_STATUSES }) to!: DemandStatus;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Null: the system' }) actorId!:
    string | null;
  @ApiProperty({ nullable: true, type: String }) actorRole!: string | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export function toPublicView(record: DemandPublicRecord): DemandPublicView {
  // The public view is the event snapshot as of now, with its references spelled out.
  const { ownerOrganisationId, ownerName, batchId, updatedAt: _updatedAt, ...snapshot } = toSnapshot(record);
  return {
    ...snapshot,
    status: record.effectiveStatus,
    owner: { id: ownerOrganisationId, name: ownerName },
    batch: batchId ? { id: batchId, title: record.batchTitle ?? '' } : null,
  };
}

export function toFullView(record: DemandRecord): DemandFullView {
  return {
    ...toPublicView(record),
    confidentialDetails: record.confidentialDetails,
    contactName: record.contactName,
    contactPhone: record.contactPhone,
    contactEmail: record.contactEmail,
    advisorId: record.advisorId,
    createdBy: record.createdBy,
    submittedAt: record.submittedAt?.toISOString() ?? null,
    approvedAt: record.approvedAt?.toISOString() ?? null,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    version: record.version,
  };
}

export function toTransitionView(transition: Transition): TransitionView {
  return {
    action: transition.action,
    from: transition.fromStatus,
    to: transition.toStatus,
    actorId: transition.actorId,
    actorRole: transition.actorRole,
    reason: transition.reason,
    at: transition.at.toISOString(),
  };
}

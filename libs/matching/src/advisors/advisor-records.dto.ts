import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONVERSION_KIND_LABELS,
  CONVERSION_KINDS,
  type ConversionKind,
  MATCHMAKING_KIND_LABELS,
  MATCHMAKING_KINDS,
  MATCHMAKING_OUTCOME_LABELS,
  MATCHMAKING_OUTCOMES,
  type MatchmakingKind,
  type MatchmakingOutcome,
} from '@jiebang/contracts';
import { PageMeta, PageQuery, IsCalendarDay, IsDecimal, trim } from '@jiebang/platform';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import type { Conversion, Matchmaking } from './advisor-records.entity';
import type { RecordNames } from './advisor-records.repository';

export class MatchmakingDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The need (a need or an achievement is required)' })
  @IsOptional()
  @IsUUID()
  demandId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The team organisation (or an achievement)' })
  @IsOptional()
  @IsUUID()
  teamOrganisationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An achievement (科技成果) of a team profile' })
  @IsOptional()
  @IsUUID()
  achievementId?: string;

  @ApiProperty({ enum: MATCHMAKING_KINDS })
  @IsIn(MATCHMAKING_KINDS)
  kind!: MatchmakingKind;

  @ApiProperty({ format: 'date', example: '2026-11-20' })
  @IsCalendarDay()
  occurredOn!: string;

  @ApiProperty({ minLength: 2, maxLength: 2000, example: '陪同团队赴企业产线调研，双方确认中试合作方向。' })
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  notes!: string;

  @ApiProperty({ enum: MATCHMAKING_OUTCOMES })
  @IsIn(MATCHMAKING_OUTCOMES)
  outcome!: MatchmakingOutcome;
}

export class ConversionDto {
  @ApiProperty({ example: '低重稀土钕铁硼晶界扩散技术许可', minLength: 4, maxLength: 100 })
  @Transform(trim)
  @IsString()
  @Length(4, 100)
  title!: string;

  @ApiProperty({ enum: CONVERSION_KINDS })
  @IsIn(CONVERSION_KINDS)
  kind!: ConversionKind;

  @ApiProperty({ description: 'Contract value, 万元', example: 280 })
  @IsDecimal(2)
  @Min(0)
  @Max(10_000_000)
  contractValue!: number;

  @ApiProperty({ format: 'date', example: '2026-11-20' })
  @IsCalendarDay()
  signedOn!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  demandId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  bidId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  engagementId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  achievementId?: string;

  @ApiProperty({ example: '绵阳某磁材有限公司；科技城先进材料研究院', minLength: 2, maxLength: 300 })
  @Transform(trim)
  @IsString()
  @Length(2, 300)
  parties!: string;

  @ApiProperty({ example: '技术合同登记号 510703X2026000123', minLength: 2, maxLength: 300 })
  @Transform(trim)
  @IsString()
  @Length(2, 300)
  evidenceRef!: string;
}

export class RecordQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Admin only: one advisor’s records' })
  @IsOptional()
  @IsUUID()
  advisorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  demandId?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsCalendarDay()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Inclusive' })
  @IsOptional()
  @IsCalendarDay()
  to?: string;
}

const RECORD_EXPORT_FORMATS = ['xlsx'] as const;

export class RecordExportQuery extends RecordQuery {
  @ApiPropertyOptional({
    enum: RECORD_EXPORT_FORMATS,
    default: 'xlsx',
    description: 'One workbook, a sheet per kind of record',
  })
  @IsOptional()
  @IsIn(RECORD_EXPORT_FORMATS)
  format?: (typeof RECORD_EXPORT_FORMATS)[number];
}

export class MatchmakingView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) advisorId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) demandId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) teamOrganisationId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) achievementId!: string | null;
  @ApiProperty({ nullable: true, type: String }) demandTitle!: string | null;
  @ApiProperty({ nullable: true, type: String }) teamName!: string | null;
  @ApiProperty({ nullable: true, type: String }) achievementTitle!: string | null;
  @ApiProperty({ enum: MATCHMAKING_KINDS }) kind!: MatchmakingKind;
  @ApiProperty() kindLabel!: string;
  @ApiProperty({ format: 'date' }) occurredOn!: string;
  @ApiProperty() notes!: string;
  @ApiProperty({ enum: MATCHMAKING_OUTCOMES }) outcome!: MatchmakingOutcome;
  @ApiProperty() outcomeLabel!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Send it back in If-Match to edit the record' }) version!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updatedAt!: string | null;
}

export class ConversionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) advisorId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: CONVERSION_KINDS }) kind!: ConversionKind;
  @ApiProperty() kindLabel!: string;
  @ApiProperty({ description: '万元' }) contractValue!: number;
  @ApiProperty({ format: 'date' }) signedOn!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) demandId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) bidId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) engagementId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) achievementId!: string | null;
  @ApiProperty({ nullable: true, type: String }) demandTitle!: string | null;
  @ApiProperty({ nullable: true, type: String }) achievementTitle!: string | null;
  @ApiProperty() parties!: string;
  @ApiProperty() evidenceRef!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ description: 'Send it back in If-Match to edit the record' }) version!: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) updatedAt!: string | null;
}

export class MatchmakingPage extends PageMeta {
  @ApiProperty({ type: [MatchmakingView] }) items!: MatchmakingView[];
}

export class ConversionPage extends PageMeta {
  @ApiProperty({ type: [ConversionView] }) items!: ConversionView[];
}

const nameOf = (names: Map<string, string>, id: string | null) => (id === null ? null : (names.get(id) ?? null));

export function toMatchmakingView(m: Matchmaking, names: RecordNames): MatchmakingView {
  return {
    id: m.id,
    advisorId: m.advisorId,
    demandId: m.demandId,
    teamOrganisationId: m.teamOrganisationId,
    achievementId: m.achievementId,
    demandTitle: nameOf(names.demands, m.demandId),
    teamName: nameOf(names.teams, m.teamOrganisationId),
    achievementTitle: nameOf(names.achievements, m.achievementId),
    kind: m.kind,
    kindLabel: MATCHMAKING_KIND_LABELS[m.kind],
    occurredOn: m.occurredOn,
    notes: m.notes,
    outcome: m.outcome,
    outcomeLabel: MATCHMAKING_OUTCOME_LABELS[m.outcome],
    createdAt: m.createdAt.toISOString(),
    version: m.version,
    updatedAt: m.updatedAt?.toISOString() ?? null,
  };
}

export function toConversionView(c: Conversion, names: RecordNames): ConversionView {
  return {
    id: c.id,
    advisorId: c.advisorId,
    title: c.title,
    kind: c.kind,
    kindLabel: CONVERSION_KIND_LABELS[c.kind],
    contractValue: c.contractValue,
    signedOn: c.signedOn,
    demandId: c.demandId,
    bidId: c.bidId,
    engagementId: c.engagementId,
    achievementId: c.achievementId,
    demandTitle: nameOf(names.demands, c.demandId),
    achievementTitle: nameOf(names.achievements, c.achievementId),
    parties: c.parties,
    evidenceRef: c.evidenceRef,
    createdAt: c.createdAt.toISOString(),
    version: c.version,
    updatedAt: c.updatedAt?.toISOString() ?? null,
  };
}

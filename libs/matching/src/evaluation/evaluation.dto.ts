import { DEMAND_STATUSES, type DemandStatus } from '@jiebang/contracts';
import { IsOmittable, trim } from '@jiebang/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, IsUUID, MaxLength, Max, Min, ValidateIf } from 'class-validator';

export class WeightsDto {
  @ApiProperty({ example: 40, description: '技术可行性, percent' })
  @IsInt()
  @Min(0)
  @Max(100)
  feasibility!: number;

  @ApiProperty({ example: 30, description: '团队能力, percent' })
  @IsInt()
  @Min(0)
  @Max(100)
  capability!: number;

  @ApiProperty({ example: 15, description: '经费合理性, percent' })
  @IsInt()
  @Min(0)
  @Max(100)
  cost!: number;

  @ApiProperty({ example: 15, description: '进度安排, percent; the four add up to 100' })
  @IsInt()
  @Min(0)
  @Max(100)
  timeline!: number;
}

export class ScoreDto extends WeightsDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

/**
 * Who reviews: a registered user (e.g. an outside expert), by e-mail as the owner knows them, or by
 * id — exactly one of the two. Each is checked whenever it is sent; with neither, e-mail is asked for.
 */
export class AssignReviewerDto {
  @ApiPropertyOptional({ format: 'email', description: 'The reviewer’s sign-in e-mail (or give userId)' })
  @ValidateIf((body: AssignReviewerDto) => body.email != null || body.userId == null)
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The reviewer’s user id (or give email)' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}

export class ReviewerView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ format: 'date-time' }) assignedAt!: string;
  @ApiProperty({ description: 'Bids of the need this reviewer has scored' }) scoredBids!: number;
}

/** A need the caller was asked to review, and how far the review has come. */
export class ReviewAssignmentView {
  @ApiProperty({ format: 'uuid' }) demandId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: DEMAND_STATUSES, description: 'Effective by the database’s clock' }) status!: DemandStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) bidDeadline!: string | null;
  @ApiProperty({ format: 'date-time' }) assignedAt!: string;
  @ApiProperty({ description: 'Bids lodged on the need' }) lodgedBids!: number;
  @ApiProperty({ description: 'Of those, the ones the caller has scored' }) scoredBids!: number;
}

export class ShortlistQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit = 10;
}

export class CriterionScoresView {
  @ApiProperty() feasibility!: number;
  @ApiProperty() capability!: number;
  @ApiProperty() cost!: number;
  @ApiProperty() timeline!: number;
}

export class ShortlistEntryView {
  @ApiProperty({ nullable: true, type: Number, description: '1 = best; null before any score' }) rank!: number | null;
  @ApiProperty({ format: 'uuid' }) bidId!: string;
  @ApiProperty({ format: 'uuid' }) teamOrganisationId!: string;
  @ApiProperty({ nullable: true, type: String }) teamName!: string | null;
  @ApiProperty({ description: '万元' }) budget!: number;
  @ApiProperty() durationMonths!: number;
  @ApiProperty() reviewers!: number;
  @ApiProperty({ type: CriterionScoresView, nullable: true }) averages!: CriterionScoresView | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Weighted mean, 0–100' }) weightedTotal!: number | null;
}

export class ShortlistView {
  @ApiProperty({ format: 'uuid' }) demandId!: string;
  @ApiProperty({ type: WeightsDto }) weights!: WeightsDto;
  @ApiProperty({ type: [ShortlistEntryView] }) entries!: ShortlistEntryView[];
}

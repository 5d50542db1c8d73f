import { IsOmittable, trim } from '@jiebang/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, MaxLength, Max, Min } from 'class-validator';

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

export class AssignReviewerDto {
  @ApiProperty({ format: 'uuid', description: 'A registered user (e.g. an external expert)' })
  @IsUUID()
  userId!: string;
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

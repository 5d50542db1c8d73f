import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INDUSTRIES, type Industry } from '@jiebang/contracts';
import { PageMeta, PageQuery, trim } from '@jiebang/platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { Achievement, TeamProfile } from './team-profile.entity';

export class KeyMemberDto {
  @ApiProperty({ example: '李志强' })
  @Transform(trim)
  @IsString()
  @Length(1, 30)
  name!: string;

  @ApiProperty({ example: '教授' })
  @Transform(trim)
  @IsString()
  @Length(1, 30)
  title!: string;

  @ApiProperty({ example: '稀土永磁材料' })
  @Transform(trim)
  @IsString()
  @Length(1, 60)
  expertise!: string;
}

export class TeamProfileDto {
  @ApiProperty({ minLength: 10, maxLength: 1000, example: '团队长期从事稀土永磁材料与晶界扩散工艺研究。' })
  @Transform(trim)
  @IsString()
  @Length(10, 1000)
  summary!: string;

  @ApiProperty({ type: [String], example: ['稀土永磁材料', '粉末冶金'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 30, { each: true })
  researchFields!: string[];

  @ApiProperty({ type: [String], example: ['钕铁硼', '晶界扩散'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 20, { each: true })
  keywords!: string[];

  @ApiProperty({ type: [KeyMemberDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @IsObject({ each: true, message: ({ property }) => `each item of ${property} must be an object` })
  @ValidateNested({ each: true })
  @Type(() => KeyMemberDto)
  members!: KeyMemberDto[];

  @ApiPropertyOptional({ default: true, description: 'false hides the team from the marketplace' })
  @IsOptional()
  @IsBoolean()
  visible?: boolean;
}

export class AchievementDto {
  @ApiProperty({ example: '低重稀土高矫顽力烧结钕铁硼制备技术', minLength: 4, maxLength: 100 })
  @Transform(trim)
  @IsString()
  @Length(4, 100)
  title!: string;

  @ApiProperty({ example: 2022 })
  @IsInt()
  @Min(1950)
  @Max(2100)
  year!: number;

  @ApiProperty({ minimum: 1, maximum: 9, description: 'Technology readiness level (TRL)' })
  @IsInt()
  @Min(1)
  @Max(9)
  trl!: number;

  @ApiProperty({ type: [String], example: ['ZL202210123456.7'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  patents!: string[];

  @ApiPropertyOptional({ enum: INDUSTRIES })
  @IsOptional()
  @IsIn(INDUSTRIES)
  industry?: Industry;
}

export class AchievementView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() year!: number;
  @ApiProperty() trl!: number;
  @ApiProperty({ type: [String] }) patents!: string[];
  @ApiProperty({ enum: INDUSTRIES, nullable: true }) industry!: Industry | null;
}

export class TeamProfileView {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: [String] }) researchFields!: string[];
  @ApiProperty({ type: [String] }) keywords!: string[];
  @ApiProperty({ type: [KeyMemberDto] }) members!: KeyMemberDto[];
  @ApiProperty({ type: [AchievementView] }) achievements!: AchievementView[];
  @ApiProperty() visible!: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class TeamProfilePage extends PageMeta {
  @ApiProperty({ type: [TeamProfileView] }) items!: TeamProfileView[];
}

export class TeamQuery extends PageQuery {}

export function toAchievementView(a: Achievement): AchievementView {
  return { id: a.id, title: a.title, year: a.year, trl: a.trl, patents: a.patents, industry: a.industry };
}

export function toTeamProfileView(
  profile: TeamProfile,
  achievements: Achievement[],
  name: string | null,
): TeamProfileView {
  return {
    organisationId: profile.organisationId,
    name,
    summary: profile.summary,
    researchFields: profile.researchFields,
    keywords: profile.keywords,
    members: profile.members,
    achievements: achievements.map(toAchievementView),
    visible: profile.visible,
    updatedAt: profile.updatedAt.toISOString(),
    version: profile.version,
  };
}

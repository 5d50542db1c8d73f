import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COOPERATION_MODES,
  type CooperationMode,
  DISTRICTS,
  type District,
  INDUSTRIES,
  type Industry,
  PUBLIC_DEMAND_STATUSES,
} from '@jiebang/contracts';
import { PageMeta, IsIsoDate, queryList } from '@jiebang/platform';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export const SEARCH_SORTS = ['relevance', 'bounty_desc', 'bounty_asc', 'deadline', 'newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export type PublicStatus = (typeof PUBLIC_DEMAND_STATUSES)[number];

export class SearchDemandsQuery {
  @ApiPropertyOptional({
    description: 'Chinese, English, mixed or numbers; traditional characters find simplified text',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: INDUSTRIES, isArray: true, description: 'One or more, comma-separated or repeated' })
  @IsOptional()
  @Transform(queryList)
  @IsIn(INDUSTRIES, { each: true })
  industry?: Industry[];

  @ApiPropertyOptional({ enum: DISTRICTS, isArray: true })
  @IsOptional()
  @Transform(queryList)
  @IsIn(DISTRICTS, { each: true })
  district?: District[];

  @ApiPropertyOptional({ enum: COOPERATION_MODES, isArray: true })
  @IsOptional()
  @Transform(queryList)
  @IsIn(COOPERATION_MODES, { each: true })
  cooperationMode?: CooperationMode[];

  @ApiPropertyOptional({
    enum: PUBLIC_DEMAND_STATUSES,
    isArray: true,
    description: 'As of now: published means still open for bids',
  })
  @IsOptional()
  @Transform(queryList)
  @IsIn(PUBLIC_DEMAND_STATUSES, { each: true })
  status?: PublicStatus[];

  @ApiPropertyOptional({ description: 'Bounty reaches at least this (万元)' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1_000_000)
  bountyMin?: number;

  @ApiPropertyOptional({ description: 'Bounty starts at most at this (万元)' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1_000_000)
  bountyMax?: number;

  @ApiPropertyOptional({ format: 'date', description: 'Bid deadline on or after' })
  @IsOptional()
  @IsIsoDate()
  deadlineFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Bid deadline on or before' })
  @IsOptional()
  @IsIsoDate()
  deadlineTo?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  batchId?: string;

  @ApiPropertyOptional({
    enum: SEARCH_SORTS,
    default: 'relevance',
    description: 'deadline: upcoming deadlines first (nearest first), then closed ones (latest first)',
  })
  @IsOptional()
  @IsIn(SEARCH_SORTS)
  sort: SearchSort = 'relevance';

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  pageSize = 20;
}

export class SearchOwnerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
}

export class SearchHighlightView {
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
}

export class SearchHitView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String }) code!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: [String] }) keywords!: string[];
  @ApiProperty({ enum: INDUSTRIES }) industry!: string;
  @ApiProperty({ enum: DISTRICTS }) district!: string;
  @ApiProperty({ enum: COOPERATION_MODES }) cooperationMode!: string;
  @ApiProperty() bountyMin!: number;
  @ApiProperty() bountyMax!: number;
  @ApiProperty({ nullable: true, type: String }) bidDeadline!: string | null;
  @ApiProperty({ description: 'Bids submitted and not withdrawn; follows the bids within seconds' }) bidCount!: number;
  @ApiProperty({ enum: PUBLIC_DEMAND_STATUSES }) status!: string;
  @ApiProperty({ type: SearchOwnerView }) owner!: SearchOwnerView;
  @ApiProperty({ nullable: true, type: String }) batchId!: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ type: SearchHighlightView, description: 'HTML-escaped text with matches in <mark>…</mark>' })
  highlight!: SearchHighlightView;
}

export class SearchPage extends PageMeta {
  @ApiProperty({ type: [SearchHitView] }) items!: SearchHitView[];
  @ApiProperty({
    description:
      'Counts per value of industry, district, cooperationMode and status, for the current query and filters',
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'number' } },
  })
  facets!: Record<string, Record<string, number>>;
  @ApiProperty({ description: 'The query as searched (traditional characters converted)' }) query!: string;
  @ApiProperty({ description: 'Milliseconds Meilisearch spent' }) processingTimeMs!: number;
}

export class SuggestionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Relevance rank, 1 = best' }) rank!: number;
  @ApiProperty({
    description:
      'Relevance score, higher is better: per matched term, its weight (keyword 3, research field 2, title 2, achievement 1) × its rarity × the match quality',
  })
  score!: number;
  @ApiProperty({
    type: [String],
    description:
      "Why it was suggested: for a team's needs, the team's keywords and research fields found in the need; for a need's teams, the need's keywords found in the team's profile",
  })
  matchedTerms!: string[];
  @ApiProperty({
    type: [String],
    description: "Titles of the team's achievements that match the need (or hold one of its matched keywords)",
  })
  matchedAchievements!: string[];
}

/** A need suggested to a team, with what its card shows, so no second request per need is needed. */
export class DemandSuggestionView extends SuggestionView {
  @ApiProperty({ enum: INDUSTRIES }) industry!: string;
  @ApiProperty({ description: '万元' }) bountyMin!: number;
  @ApiProperty({ description: '万元' }) bountyMax!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) bidDeadline!: string | null;
}

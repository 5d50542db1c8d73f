import { IsCalendarDay } from '@jiebang/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DISTRICTS, type District, INDUSTRIES, type Industry } from '@jiebang/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class StatsQuery {
  @ApiPropertyOptional({ format: 'date', description: 'First day (Beijing), inclusive' })
  @IsOptional()
  @IsCalendarDay()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day (Beijing), inclusive' })
  @IsOptional()
  @IsCalendarDay()
  to?: string;

  @ApiPropertyOptional({ enum: INDUSTRIES })
  @IsOptional()
  @IsIn(INDUSTRIES)
  industry?: Industry;

  @ApiPropertyOptional({ enum: DISTRICTS })
  @IsOptional()
  @IsIn(DISTRICTS)
  district?: District;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Admin: one advisor’s portfolio (advisors always get their own)',
  })
  @IsOptional()
  @IsUUID()
  advisorId?: string;
}

export const BREAKDOWN_KEYS = ['industry', 'district', 'month'] as const;

export class BreakdownQuery extends StatsQuery {
  @ApiProperty({ enum: BREAKDOWN_KEYS })
  @IsIn(BREAKDOWN_KEYS)
  by!: (typeof BREAKDOWN_KEYS)[number];
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;

export class StatsExportQuery extends StatsQuery {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  format!: (typeof EXPORT_FORMATS)[number];
}

export const FUNNEL_STAGES = ['collected', 'published', 'bid_on', 'matched', 'awarded', 'converted'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const FUNNEL_STAGE_LABELS: Record<FunnelStage, string> = {
  collected: '征集（需求与成果）',
  published: '发布需求',
  bid_on: '有团队揭榜的需求',
  matched: '完成对接的需求',
  awarded: '揭榜挂帅成功的需求',
  converted: '成果转化',
};

export class FunnelStageView {
  @ApiProperty({ enum: FUNNEL_STAGES }) stage!: FunnelStage;
  @ApiProperty() label!: string;
  @ApiProperty() count!: number;
}

export class FunnelView {
  @ApiProperty({ type: [FunnelStageView] }) stages!: FunnelStageView[];
  @ApiProperty({ description: 'Needs that reached the programme in the period' }) collectedNeeds!: number;
  @ApiProperty({ description: 'Achievements (科技成果) catalogued in the period' }) collectedAchievements!: number;
  @ApiProperty() bids!: number;
  @ApiProperty() matchmakings!: number;
  @ApiProperty({ description: 'Winning teams (赛马 awards have several)' }) winners!: number;
  @ApiProperty() conversions!: number;
  @ApiProperty({ description: 'Needs behind at least one conversion' }) convertedNeeds!: number;
  @ApiProperty({ description: 'Total contract value of the conversions, 万元' }) contractValue!: number;
  @ApiProperty({ type: StatsQuery }) filters!: StatsQuery;
}

export class BreakdownRowView {
  @ApiProperty({ description: 'Industry or district key, or yyyy-mm' }) key!: string;
  @ApiProperty() label!: string;
  @ApiProperty() collected!: number;
  @ApiProperty() published!: number;
  @ApiProperty() bids!: number;
  @ApiProperty() matchmakings!: number;
  @ApiProperty() awarded!: number;
  @ApiProperty() conversions!: number;
  @ApiProperty({ description: '万元' }) contractValue!: number;
}

import { Injectable } from '@nestjs/common';
import { DISTRICT_LABELS, type District, INDUSTRY_LABELS, type Industry, type Principal } from '@jiebang/contracts';
import { platformError } from '@jiebang/platform';
import { matchingError } from '../matching.errors';
import {
  type BreakdownQuery,
  type BreakdownRowView,
  FUNNEL_STAGE_LABELS,
  FUNNEL_STAGES,
  type FunnelStage,
  type FunnelView,
  type StatsQuery,
} from './stats.dto';
import { statsCsv, statsXlsx } from './stats-export';
import { type BreakdownKey, StatsRepository, type StatsFilter } from './stats.repository';

const DAY = 24 * 3600 * 1000;

/** A Beijing calendar day's first instant. */
const beijingMidnight = (day: string): Date => new Date(`${day}T00:00:00+08:00`);

function labelOf(by: BreakdownKey, key: string): string {
  if (key === 'unknown') return by === 'district' ? '未关联需求（成果转化）' : '未分类';
  if (by === 'industry') return INDUSTRY_LABELS[key as Industry] ?? key;
  if (by === 'district') return DISTRICT_LABELS[key as District] ?? key;
  return key;
}

/** The programme office's funnel and breakdowns; advisors see their own portfolio only. */
@Injectable()
export class StatsService {
  constructor(private readonly stats: StatsRepository) {}

  async funnel(query: StatsQuery, caller: Principal): Promise<FunnelView> {
    const filters = this.scoped(query, caller);
    const counts = await this.stats.funnel(this.filterOf(filters));
    const values: Record<FunnelStage, number> = {
      collected: counts.collectedNeeds + counts.collectedAchievements,
      published: counts.published,
      bid_on: counts.bidOn,
      matched: counts.matched,
      awarded: counts.awarded,
      converted: counts.conversions,
    };
    return {
      stages: FUNNEL_STAGES.map((stage) => ({ stage, label: FUNNEL_STAGE_LABELS[stage], count: values[stage] })),
      collectedNeeds: counts.collectedNeeds,
      collectedAchievements: counts.collectedAchievements,
      bids: counts.bids,
      matchmakings: counts.matchmakings,
      winners: counts.winners,
      conversions: counts.conversions,
      convertedNeeds: counts.convertedNeeds,
      contractValue: counts.contractValue,
      filters,
    };
  }

  async breakdown(query: BreakdownQuery, caller: Principal): Promise<BreakdownRowView[]> {
    const { by, ...rest } = query;
    const rows = await this.stats.breakdown(by, this.filterOf(this.scoped(rest, caller)));
    return rows.map((row) => ({ ...row, label: labelOf(by, row.key) }));
  }

  async export(
    query: StatsQuery & { format: 'csv' | 'xlsx' },
    caller: Principal,
  ): Promise<{ body: Buffer; contentType: string; filename: string }> {
    const { format, ...filters } = query;
    const funnel = await this.funnel(filters, caller);
    const breakdown = await this.breakdown({ ...filters, by: 'industry' }, caller);
    const stamp = `${filters.from ?? '开始'}_${filters.to ?? '至今'}`;
    if (format === 'csv') {
      return {
        body: statsCsv(funnel, breakdown),
        contentType: 'text/csv; charset=utf-8',
        filename: `揭榜挂帅统计_${stamp}.csv`,
      };
    }
    return {
      body: await statsXlsx(funnel, breakdown, this.describe(funnel.filters)),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `揭榜挂帅统计_${stamp}.xlsx`,
    };
  }

  private scoped(query: StatsQuery, caller: Principal): StatsQuery {
    if (query.from && query.to && query.from > query.to) {
      throw platformError('VALIDATION_FAILED', 'The period ends before it starts.', {
        errors: [{ field: 'to', message: 'must not be before from' }],
      });
    }
    if (caller.role === 'advisor') {
      if (query.advisorId && query.advisorId !== caller.userId) {
        throw matchingError('RECORD_FORBIDDEN', 'Advisors see their own portfolio only.');
      }
      return { ...query, advisorId: caller.userId };
    }
    return { ...query };
  }

  private filterOf(query: StatsQuery): StatsFilter {
    return {
      fromAt: query.from ? beijingMidnight(query.from) : null,
      toAt: query.to ? new Date(beijingMidnight(query.to).getTime() + DAY) : null,
      fromDay: query.from ?? null,
      toDay: query.to ?? null,
      industry: query.industry ?? null,
      district: query.district ?? null,
      advisorId: query.advisorId ?? null,
    };
  }

  private describe(filters: StatsQuery): string {
    const parts = [
      `期间 ${filters.from ?? '开始'} 至 ${filters.to ?? '今'}`,
      filters.industry ? `产业 ${INDUSTRY_LABELS[filters.industry]}` : null,
      filters.district ? `区域 ${DISTRICT_LABELS[filters.district]}` : null,
      filters.advisorId ? `顾问 ${filters.advisorId}` : null,
    ];
    return parts.filter(Boolean).join('；');
  }
}

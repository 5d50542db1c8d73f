import {
  AWARD_MODE_LABELS,
  COOPERATION_MODE_LABELS,
  DISTRICT_LABELS,
  INDUSTRY_LABELS,
  OUTCOME_FORM_LABELS,
  type TechnicalIndicator,
} from '@jiebang/contracts';
import type { DemandPublicView } from '../demands/demand.dto';

/** Looks a value up by its Chinese label or its key, as programme offices write either. */
function fromLabel<K extends string>(labels: Record<K, string>, value: string): K | string {
  const trimmed = value.trim();
  const byLabel = (Object.entries(labels) as Array<[K, string]>).find(([, label]) => label === trimmed);
  return byLabel ? byLabel[0] : trimmed;
}

/** 指标名:目标值:单位, separated by ；/;/newlines. */
export function parseIndicators(text: string): TechnicalIndicator[] {
  return text
    .split(/[;；\n]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const [name = '', target = '', ...unit] = part.split(/[:：]/).map((piece) => piece.trim());
      return { name, target, unit: unit.join(':') };
    });
}

export function formatIndicators(indicators: TechnicalIndicator[]): string {
  return indicators
    .map((i) => [i.name, i.target, i.unit].filter((piece, index) => index < 2 || piece).join(':'))
    .join('；');
}

const splitList = (text: string): string[] =>
  text
    .split(/[、,，;；\s]+/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

const toNumber = (text: string): number | string =>
  text.trim() !== '' && !Number.isNaN(Number(text)) ? Number(text) : text;

/** Normalises a date cell (a Date from XLSX or text from CSV) to an ISO date-time at Beijing midnight. */
function toDeadline(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(trimmed);
  if (!match) return trimmed;
  const [, y, m, d] = match;
  // 23:59:59 China time on that day: how a 截止日期 is understood.
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T15:59:59.000Z`;
}

interface ImportColumn {
  header: string;
  field: string;
  required: boolean;
  parse: (text: string) => unknown;
}

/** The import template: one column per field, headed in Chinese. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { header: '企业名称', field: 'organisation', required: true, parse: (t) => t.trim() },
  { header: '需求名称', field: 'title', required: true, parse: (t) => t },
  { header: '需求概述', field: 'summary', required: true, parse: (t) => t },
  { header: '需求背景', field: 'background', required: true, parse: (t) => t },
  { header: '技术指标', field: 'indicators', required: true, parse: parseIndicators },
  { header: '成果形式', field: 'outcomeForm', required: true, parse: (t) => fromLabel(OUTCOME_FORM_LABELS, t) },
  { header: '所属产业', field: 'industry', required: true, parse: (t) => fromLabel(INDUSTRY_LABELS, t) },
  { header: '关键词', field: 'keywords', required: true, parse: splitList },
  { header: '所在区县', field: 'district', required: true, parse: (t) => fromLabel(DISTRICT_LABELS, t) },
  { header: '榜额下限（万元）', field: 'bountyMin', required: true, parse: toNumber },
  { header: '榜额上限（万元）', field: 'bountyMax', required: true, parse: toNumber },
  { header: '合作方式', field: 'cooperationMode', required: true, parse: (t) => fromLabel(COOPERATION_MODE_LABELS, t) },
  { header: '揭榜方式', field: 'awardMode', required: true, parse: (t) => fromLabel(AWARD_MODE_LABELS, t) },
  { header: '领衔团队数', field: 'awardLeads', required: false, parse: toNumber },
  { header: '揭榜截止日期', field: 'bidDeadline', required: false, parse: toDeadline },
  { header: '保密内容', field: 'confidentialDetails', required: false, parse: (t) => t },
  { header: '联系人', field: 'contactName', required: true, parse: (t) => t },
  { header: '联系电话', field: 'contactPhone', required: true, parse: (t) => t.trim() },
  { header: '联系邮箱', field: 'contactEmail', required: false, parse: (t) => t.trim() || undefined },
];

export interface ParsedRow {
  /** 1-based row number in the sheet, header included, as a spreadsheet shows it. */
  row: number;
  values: Record<string, unknown>;
  missing: string[];
}

/** Maps header-named cells to field values; the header row may order columns freely. */
export function parseRows(
  header: string[],
  rows: string[][],
  firstRow = 2,
): { rows: ParsedRow[]; unknownHeaders: string[]; missingColumns: string[] } {
  const index = new Map(header.map((h, i) => [h.replace(/\*$/, '').trim(), i]));
  const missingColumns = IMPORT_COLUMNS.filter((c) => c.required && !index.has(c.header)).map((c) => c.header);
  const known = new Set(IMPORT_COLUMNS.map((c) => c.header));
  const unknownHeaders = [...index.keys()].filter((h) => h && !known.has(h));
  const parsed = rows.map((cells, offset) => {
    const values: Record<string, unknown> = {};
    const missing: string[] = [];
    for (const column of IMPORT_COLUMNS) {
      const position = index.get(column.header);
      const text = position === undefined ? '' : (cells[position] ?? '');
      if (text.trim() === '') {
        if (column.required) missing.push(column.field);
        continue;
      }
      values[column.field] = column.parse(text);
    }
    if (values.awardLeads === undefined) values.awardLeads = values.awardMode === 'parallel' ? 2 : 1;
    return { row: firstRow + offset, values, missing };
  });
  return { rows: parsed, unknownHeaders, missingColumns };
}

/** The printable 榜单: public fields only, in the order a release event prints them. */
export const EXPORT_HEADER = [
  '序号',
  '需求编号',
  '需求名称',
  '发布企业',
  '所属产业',
  '所在区县',
  '需求概述',
  '技术指标',
  '成果形式',
  '榜额（万元）',
  '合作方式',
  '揭榜方式',
  '揭榜截止日期',
] as const;

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The printable 榜单's columns: the exchange columns with 技术指标 spread over one column per
 * indicator (as many as the need with the most has), each "name target unit".
 */
export function printableSheet(demands: DemandPublicView[]): {
  header: string[];
  rows: Array<Array<string | number>>;
} {
  const at = EXPORT_HEADER.indexOf('技术指标');
  const width = Math.max(1, ...demands.map((demand) => demand.indicators.length));
  const indicatorHeader = Array.from({ length: width }, (_, i) => `技术指标${i + 1}`);
  return {
    header: [...EXPORT_HEADER.slice(0, at), ...indicatorHeader, ...EXPORT_HEADER.slice(at + 1)],
    rows: demands.map((demand, index) => {
      const row = exportRow(demand, index);
      const cells = Array.from({ length: width }, (_, i) => {
        const indicator = demand.indicators[i];
        return indicator ? [indicator.name, indicator.target, indicator.unit].filter(Boolean).join(' ') : '';
      });
      return [...row.slice(0, at), ...cells, ...row.slice(at + 1)];
    }),
  };
}

export function exportRow(demand: DemandPublicView, index: number): Array<string | number> {
  return [
    index + 1,
    demand.code ?? '',
    demand.title,
    demand.owner.name ?? '',
    INDUSTRY_LABELS[demand.industry],
    DISTRICT_LABELS[demand.district],
    demand.summary,
    formatIndicators(demand.indicators),
    OUTCOME_FORM_LABELS[demand.outcomeForm],
    demand.bountyMin === demand.bountyMax ? `${demand.bountyMin}` : `${demand.bountyMin}-${demand.bountyMax}`,
    COOPERATION_MODE_LABELS[demand.cooperationMode],
    demand.awardMode === 'parallel'
      ? `${AWARD_MODE_LABELS.parallel}（${demand.awardLeads}家）`
      : AWARD_MODE_LABELS.single,
    demand.bidDeadline ? CHINA_DATE.format(new Date(demand.bidDeadline)) : '',
  ];
}

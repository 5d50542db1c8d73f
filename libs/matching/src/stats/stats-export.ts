import { loadExcel } from '@jiebang/platform';
import type { BreakdownRowView, FunnelView } from './stats.dto';

type Row = Array<string | number>;

const FUNNEL_HEADER = ['环节', '数量'];
const BREAKDOWN_HEADER = ['分组', '征集', '发布', '揭榜申报', '对接', '挂帅', '成果转化', '合同金额（万元）'];

function funnelRows(funnel: FunnelView): Row[] {
  return [
    ...funnel.stages.map((s) => [s.label, s.count]),
    ['其中：征集需求', funnel.collectedNeeds],
    ['其中：征集成果', funnel.collectedAchievements],
    ['揭榜申报（份）', funnel.bids],
    ['对接（次）', funnel.matchmakings],
    ['挂帅团队（个）', funnel.winners],
    ['成果转化（项）', funnel.conversions],
    ['合同金额（万元）', funnel.contractValue],
  ];
}

function breakdownRows(rows: BreakdownRowView[]): Row[] {
  return rows.map((r) => [
    r.label,
    r.collected,
    r.published,
    r.bids,
    r.matchmakings,
    r.awarded,
    r.conversions,
    r.contractValue,
  ]);
}

/** A cell a spreadsheet would run as a formula is written as text. */
function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV (UTF-8 with BOM, so Excel reads the Chinese): the funnel, a blank line, then the breakdown. */
export function statsCsv(funnel: FunnelView, breakdown: BreakdownRowView[]): Buffer {
  const lines = [FUNNEL_HEADER, ...funnelRows(funnel), [], BREAKDOWN_HEADER, ...breakdownRows(breakdown)];
  return Buffer.from(`\uFEFF${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8');
}

export async function statsXlsx(funnel: FunnelView, breakdown: BreakdownRowView[], filters: string): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = '揭榜挂帅平台';
  const summary = workbook.addWorksheet('转化漏斗');
  summary.addRow([`筛选条件：${filters}`]);
  summary.addRow(FUNNEL_HEADER).font = { bold: true };
  funnelRows(funnel).forEach((row) => summary.addRow(row));
  summary.getColumn(1).width = 28;
  summary.getColumn(2).width = 16;
  const detail = workbook.addWorksheet('分组统计');
  detail.addRow(BREAKDOWN_HEADER).font = { bold: true };
  breakdownRows(breakdown).forEach((row) => detail.addRow(row));
  detail.columns.forEach((column) => (column.width = 16));
  detail.getColumn(1).width = 28;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

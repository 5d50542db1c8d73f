import type ExcelJS from 'exceljs';
import { loadExcel } from '@jiebang/platform';
import type { ConversionView, MatchmakingView } from './advisor-records.dto';

const MATCHMAKING_HEADER = ['日期', '需求', '科技成果', '团队', '方式', '结果', '备注'];
const CONVERSION_HEADER = ['签约日期', '名称', '转化方式', '合同金额（万元）', '需求', '科技成果', '参与方', '佐证'];

function sheet(workbook: ExcelJS.Workbook, name: string, header: string[], rows: Array<Array<string | number>>) {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.addRow(header).font = { bold: true };
  rows.forEach((row) => worksheet.addRow(row));
  worksheet.columns.forEach((column) => (column.width = 16));
  return worksheet;
}

/** An advisor's records as a workbook: matchmakings and conversions on their own sheets, names not ids. */
export async function recordsXlsx(matchmakings: MatchmakingView[], conversions: ConversionView[]): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = '揭榜挂帅平台';
  const first = sheet(
    workbook,
    '对接记录',
    MATCHMAKING_HEADER,
    matchmakings.map((m) => [
      m.occurredOn,
      m.demandTitle ?? '',
      m.achievementTitle ?? '',
      m.teamName ?? '',
      m.kindLabel,
      m.outcomeLabel,
      m.notes,
    ]),
  );
  first.getColumn(2).width = 36;
  first.getColumn(7).width = 48;
  const second = sheet(
    workbook,
    '成果转化',
    CONVERSION_HEADER,
    conversions.map((c) => [
      c.signedOn,
      c.title,
      c.kindLabel,
      c.contractValue,
      c.demandTitle ?? '',
      c.achievementTitle ?? '',
      c.parties,
      c.evidenceRef,
    ]),
  );
  second.getColumn(2).width = 36;
  second.getColumn(4).numFmt = '#,##0.00';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

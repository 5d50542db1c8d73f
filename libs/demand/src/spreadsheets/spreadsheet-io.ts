import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export type SheetFormat = 'xlsx' | 'csv';

export const SHEET_CONTENT_TYPES: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Tells the format from the upload's name or type. */
export function sheetFormatOf(file: { originalname: string; mimetype: string }): SheetFormat | null {
  const name = file.originalname.toLowerCase();
  if (name.endsWith('.xlsx') || file.mimetype === SHEET_CONTENT_TYPES.xlsx) return 'xlsx';
  if (name.endsWith('.csv') || file.mimetype.startsWith('text/csv')) return 'csv';
  return null;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result);
    return '';
  }
  return String(value);
}

/** The first worksheet as rows of text cells (header first). */
export async function readSheet(buffer: Buffer, format: SheetFormat): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  const sheet =
    format === 'xlsx'
      ? (await workbook.xlsx.load(buffer as unknown as ArrayBuffer)).worksheets[0]
      : // Keep every CSV cell as text: numbers, dates and phone numbers are parsed per column later.
        await workbook.csv.read(Readable.from(buffer.toString('utf8').replace(/^\uFEFF/, '')), {
          map: (value: string) => value,
        });
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = cellText(cell.value)));
    rows.push(Array.from(cells, (cell) => cell ?? ''));
  });
  return rows;
}

/** Writes one sheet; CSV gets a BOM so that Excel opens the Chinese text correctly. */
export async function writeSheet(
  title: string,
  header: readonly string[],
  rows: Array<Array<string | number>>,
  format: SheetFormat,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Jiebang';
  const sheet = workbook.addWorksheet(title.slice(0, 31));
  sheet.addRow([...header]).font = { bold: true };
  sheet.addRows(rows);
  if (format === 'csv') {
    // A cell starting with = + - @ would run as a formula when the public 榜单 opens in Excel.
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && /^[=+\-@\t\r]/.test(cell.value)) cell.value = `'${cell.value}`;
      }),
    );
    const csv = await workbook.csv.writeBuffer();
    return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(csv)]);
  }
  sheet.columns.forEach(
    (column, index) => (column.width = [6, 14, 36, 28, 12, 18, 50, 50, 12, 14, 12, 14, 14][index] ?? 16),
  );
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

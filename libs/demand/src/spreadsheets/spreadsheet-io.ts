import { Worker } from 'node:worker_threads';
import { loadExcel } from '@jiebang/platform';

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

// The reader runs in a worker thread: parsing a large sheet would otherwise hold the event loop
// for seconds, and the worker's heap cap bounds what a hostile file can make it allocate. It is
// source text (eval) because the app is built to CommonJS and tested as ES modules, and a worker
// file path works in only one of them; `require` resolves from the working directory, the app's root.
const READER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Readable } = require('node:stream');
const ExcelJS = require('exceljs');

function cellText(value) {
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

async function read({ buffer, format }) {
  const workbook = new ExcelJS.Workbook();
  const data = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const sheet =
    format === 'xlsx'
      ? (await workbook.xlsx.load(data)).worksheets[0]
      : // Every CSV cell stays text: numbers, dates and phone numbers are parsed per column later.
        await workbook.csv.read(Readable.from(data.toString('utf8').replace(/^\\uFEFF/, '')), { map: (value) => value });
  if (!sheet) return [];
  const rows = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = cellText(cell.value)));
    rows.push(Array.from(cells, (cell) => cell ?? ''));
  });
  return rows;
}

read(workerData).then(
  (rows) => parentPort.postMessage({ rows }),
  (error) => parentPort.postMessage({ error: String(error && error.message ? error.message : error) }),
);
`;

export const READER_HEAP_MB = 256;
const READER_TIMEOUT_MS = 30_000;

/** Why a sheet could not be read: the worker ran out of its heap or time, or the file is not a sheet. */
export class SheetReadError extends Error {
  constructor(readonly reason: 'memory' | 'time' | 'unreadable') {
    super(`sheet not read: ${reason}`);
  }
}

/** The first worksheet as rows of text cells (header first), read off the event loop. */
export function readSheet(buffer: Buffer, format: SheetFormat): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(READER_SOURCE, {
      eval: true,
      workerData: { buffer, format },
      resourceLimits: { maxOldGenerationSizeMb: READER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
    });
    const timer = setTimeout(() => {
      reject(new SheetReadError('time'));
      void worker.terminate();
    }, READER_TIMEOUT_MS);
    const settle = () => clearTimeout(timer);
    worker.once('message', (message: { rows?: string[][]; error?: string }) => {
      settle();
      if (message.rows) resolve(message.rows);
      else reject(new SheetReadError('unreadable'));
      void worker.terminate();
    });
    worker.once('error', (error: NodeJS.ErrnoException) => {
      settle();
      reject(new SheetReadError(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'unreadable'));
    });
  });
}

/** Writes one sheet; CSV gets a BOM so that Excel opens the Chinese text correctly. */
/** Column widths by header, wide enough for the text each column usually holds. */
const WIDTHS: Record<string, number> = {
  序号: 6,
  需求编号: 14,
  需求名称: 36,
  发布企业: 28,
  所属产业: 12,
  所在区县: 18,
  需求概述: 50,
  技术指标: 50,
  成果形式: 12,
  '榜额（万元）': 14,
  合作方式: 12,
  揭榜方式: 14,
  揭榜截止日期: 14,
};

export async function writeSheet(
  title: string,
  header: readonly string[],
  rows: Array<Array<string | number>>,
  format: SheetFormat,
  /** XLSX only: a title row above the header, for a sheet meant to be printed. */
  heading?: string,
): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Jiebang';
  const sheet = workbook.addWorksheet(title.slice(0, 31));
  if (heading && format === 'xlsx') {
    const row = sheet.addRow([heading]);
    row.font = { bold: true, size: 16 };
    row.height = 28;
    row.alignment = { horizontal: 'center', vertical: 'middle' };
    sheet.mergeCells(1, 1, 1, header.length);
  }
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
  sheet.columns.forEach((column, index) => (column.width = WIDTHS[header[index] ?? ''] ?? 16));
  const headerRow = heading ? 2 : 1;
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  // Printed landscape on A4, as wide as the page, the header repeated on every page.
  sheet.pageSetup = {
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

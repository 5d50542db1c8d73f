/**
 * The import sheet's columns as the server reads them (libs/demand/src/spreadsheets/demand-sheet.ts):
 * headers are part of the file format and stay in Chinese whatever the UI language.
 */
export const IMPORT_COLUMNS = [
  { field: 'organisation', header: '企业名称', required: true },
  { field: 'title', header: '需求名称', required: true },
  { field: 'summary', header: '需求概述', required: true },
  { field: 'background', header: '需求背景', required: true },
  { field: 'indicators', header: '技术指标', required: true },
  { field: 'outcomeForm', header: '成果形式', required: true },
  { field: 'industry', header: '所属产业', required: true },
  { field: 'keywords', header: '关键词', required: true },
  { field: 'district', header: '所在区县', required: true },
  { field: 'bountyMin', header: '榜额下限（万元）', required: true },
  { field: 'bountyMax', header: '榜额上限（万元）', required: true },
  { field: 'cooperationMode', header: '合作方式', required: true },
  { field: 'awardMode', header: '揭榜方式', required: true },
  { field: 'awardLeads', header: '领衔团队数', required: false },
  { field: 'bidDeadline', header: '揭榜截止日期', required: false },
  { field: 'confidentialDetails', header: '保密内容', required: false },
  { field: 'contactName', header: '联系人', required: true },
  { field: 'contactPhone', header: '联系电话', required: true },
  { field: 'contactEmail', header: '联系邮箱', required: false },
] as const;

export type ImportField = (typeof IMPORT_COLUMNS)[number]['field'];

export function isImportField(value: string): value is ImportField {
  return IMPORT_COLUMNS.some((column) => column.field === value);
}

/** A CSV with the header row only (required columns marked *), with a BOM so Excel reads it as UTF-8. */
export function templateCsv(): Blob {
  const header = IMPORT_COLUMNS.map((column) => (column.required ? `${column.header}*` : column.header)).join(',');
  return new Blob([`\uFEFF${header}\r\n`], { type: 'text/csv;charset=utf-8' });
}

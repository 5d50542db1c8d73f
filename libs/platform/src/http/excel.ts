/**
 * exceljs, loaded by the first spreadsheet a request reads or writes: loading it takes a few hundred
 * milliseconds, which every start (and every test file) would otherwise pay for a rare export.
 */
export const loadExcel = () => import('exceljs').then((module) => module.default);

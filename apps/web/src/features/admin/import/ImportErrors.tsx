import {} from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../../api/problem';
import { translateKey } from '../../../i18n';
import { IMPORT_COLUMNS, isImportField } from './columns';
import { AdaptiveTable } from '../../../shared/AdaptiveTable';

interface ErrorRow {
  key: string;
  row: number | null;
  column: string;
  message: string;
}

const ROW_FIELD = /^rows\[(\d+)\]\.([A-Za-z]+)/;

/** What the server says about the file itself, in the UI language where we know the wording. */
const FILE_MESSAGES: Record<string, 'noRows' | 'tooManyRows' | undefined> = {
  'no rows': 'noRows',
  'too many rows': 'tooManyRows',
};

/** Row-level problems of a rejected import: row number as the spreadsheet shows it, column, problem. */
export function ImportErrors({ problems }: { problems: FieldProblem[] }) {
  const { t, i18n } = useTranslation('admin');

  const messageOf = (problem: FieldProblem): string => {
    if (problem.code === 'unknown') return t('import.errors.unknownOrganisation');
    if (problem.code === 'kind') return t('import.errors.notEnterprise');
    const key = `validation:${problem.code}`;
    return problem.code && i18n.exists(key) ? translateKey(key) : problem.message;
  };

  const rows = problems.map((problem, index): ErrorRow => {
    const key = `${index}-${problem.field}`;
    const cell = ROW_FIELD.exec(problem.field);
    if (cell) {
      const field = cell[2] ?? '';
      return {
        key,
        row: Number(cell[1]),
        column: isImportField(field) ? t(`import.columns.${field}`) : field,
        message: messageOf(problem),
      };
    }
    if (problem.field.startsWith('columns.')) {
      const header = problem.field.slice('columns.'.length);
      const column = IMPORT_COLUMNS.find((candidate) => candidate.header === header);
      return {
        key,
        row: null,
        column: column ? t(`import.columns.${column.field}`) : header,
        message: t('import.errors.missingColumn'),
      };
    }
    const fileMessage = FILE_MESSAGES[problem.message];
    return {
      key,
      row: null,
      column: t('import.errors.file'),
      message: fileMessage ? t(`import.errors.${fileMessage}`) : problem.message,
    };
  });

  return (
    <AdaptiveTable<ErrorRow>
      size="small"
      aria-label={t('import.errors.caption')}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        { key: 'row', title: t('import.errors.row'), width: 90, render: (_, row) => row.row ?? '—' },
        { key: 'column', dataIndex: 'column', title: t('import.errors.column'), width: 200 },
        { key: 'message', dataIndex: 'message', title: t('import.errors.message') },
      ]}
    />
  );
}

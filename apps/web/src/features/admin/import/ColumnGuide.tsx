import {} from 'antd';
import { useTranslation } from 'react-i18next';
import { zhVocabulary } from '../../../i18n/vocabulary';
import { IMPORT_COLUMNS, type ImportField } from './columns';
import { AdaptiveTable } from '../../../shared/AdaptiveTable';

type Column = (typeof IMPORT_COLUMNS)[number];

/** How to fill each column of the import sheet. */
export function ColumnGuide() {
  const { t } = useTranslation('admin');
  // The sheet takes the Chinese names whatever the UI language, so the examples are Chinese too.
  const vocabulary = (example: string) => t('import.notes.vocabulary', { example });
  const notes: Partial<Record<ImportField, string>> = {
    organisation: t('import.notes.organisation'),
    indicators: t('import.notes.indicators'),
    outcomeForm: vocabulary(zhVocabulary.outcomeForm.product),
    industry: vocabulary(zhVocabulary.industry.advanced_materials),
    keywords: t('import.notes.keywords'),
    district: vocabulary(zhVocabulary.district.fucheng),
    bountyMin: t('import.notes.bounty'),
    bountyMax: t('import.notes.bounty'),
    cooperationMode: vocabulary(zhVocabulary.cooperationMode.development),
    awardMode: vocabulary(zhVocabulary.awardMode.single),
    awardLeads: t('import.notes.awardLeads'),
    bidDeadline: t('import.notes.bidDeadline'),
  };
  return (
    <AdaptiveTable<Column>
      size="small"
      rowKey="field"
      aria-label={t('import.guide.caption')}
      dataSource={[...IMPORT_COLUMNS]}
      pagination={false}
      columns={[
        { key: 'header', dataIndex: 'header', title: t('import.guide.column') },
        {
          key: 'required',
          title: t('import.guide.required'),
          width: 80,
          render: (_, column) => (column.required ? t('import.guide.yes') : t('import.guide.no')),
        },
        { key: 'note', title: t('import.guide.note'), render: (_, column) => notes[column.field] ?? '' },
      ]}
    />
  );
}

import { EVALUATION_CRITERIA } from '@jiebang/contracts';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/types';
import { useVocabulary } from '../../shared/vocabulary';
import { AdaptiveTable } from '../../shared/AdaptiveTable';

type Entry = Schema<'ShortlistEntryView'>;

const score = (value: number | null | undefined) => (value == null ? '—' : value.toFixed(1));

/** The bids ranked by their weighted mean score across reviewers. */
export function ShortlistTable({ shortlist }: { shortlist: Schema<'ShortlistView'> }) {
  const { t } = useTranslation('enterprise');
  const { t: common } = useTranslation();
  const { label } = useVocabulary();
  return (
    <AdaptiveTable<Entry>
      aria-label={t('evaluation.shortlist')}
      title={() => (
        <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
          {t('evaluation.shortlist')}
        </Typography.Title>
      )}
      rowKey="bidId"
      size="small"
      pagination={false}
      dataSource={shortlist.entries}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('evaluation.noEntries') }}
      columns={[
        { key: 'rank', title: t('evaluation.rank'), width: 70, render: (_, entry) => entry.rank ?? '—' },
        { key: 'team', title: t('bids.team'), render: (_, entry) => entry.teamName ?? '—' },
        {
          key: 'budget',
          title: t('bids.budget'),
          align: 'right',
          render: (_, entry) => `${entry.budget.toLocaleString('zh-CN')} ${common('unit.wan')}`,
        },
        {
          key: 'duration',
          title: t('bids.duration'),
          align: 'right',
          render: (_, entry) => `${entry.durationMonths} ${common('unit.months')}`,
        },
        { key: 'reviewers', title: t('evaluation.reviewers'), align: 'right', dataIndex: 'reviewers' },
        ...EVALUATION_CRITERIA.map((criterion) => ({
          key: criterion,
          title: label('criterion', criterion),
          align: 'right' as const,
          render: (_: unknown, entry: Entry) => score(entry.averages?.[criterion]),
        })),
        {
          key: 'total',
          title: t('evaluation.weighted'),
          align: 'right',
          render: (_, entry) => <strong>{score(entry.weightedTotal)}</strong>,
        },
      ]}
    />
  );
}

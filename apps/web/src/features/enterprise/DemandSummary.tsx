import { Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Deadline } from '../../shared/Deadline';
import { bountyRange, formatDateTime } from '../../shared/format';
import { useVocabulary } from '../../shared/vocabulary';
import type { DemandFull } from './queries';
import { AdaptiveTable } from '../../shared/AdaptiveTable';

/** Everything the owner wrote, and where the need stands. */
export function DemandSummary({ demand }: { demand: DemandFull }) {
  const { t } = useTranslation('enterprise');
  const { t: common } = useTranslation();
  const { label } = useVocabulary();
  const awardMode =
    demand.awardMode === 'parallel'
      ? t('summary.parallelLeads', { mode: label('awardMode', demand.awardMode), count: demand.awardLeads })
      : label('awardMode', demand.awardMode);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'owner', label: t('fields.organisation'), children: demand.owner.name ?? '—' },
          { key: 'batch', label: t('summary.batch'), children: demand.batch?.title ?? '—' },
          {
            key: 'bounty',
            label: t('columns.bounty'),
            children: bountyRange(demand.bountyMin, demand.bountyMax, common('unit.wan')),
          },
          {
            key: 'deadline',
            label: t('fields.bidDeadline'),
            children: <Deadline at={demand.bidDeadline} status={demand.status} />,
          },
          { key: 'industry', label: t('fields.industry'), children: label('industry', demand.industry) },
          { key: 'district', label: t('fields.district'), children: label('district', demand.district) },
          { key: 'outcome', label: t('fields.outcomeForm'), children: label('outcomeForm', demand.outcomeForm) },
          {
            key: 'cooperation',
            label: t('fields.cooperationMode'),
            children: label('cooperationMode', demand.cooperationMode),
          },
          { key: 'award', label: t('fields.awardMode'), children: awardMode },
          {
            key: 'keywords',
            label: t('fields.keywords'),
            children: demand.keywords.map((keyword) => <Tag key={keyword}>{keyword}</Tag>),
          },
          {
            key: 'contact',
            label: t('summary.contact'),
            children: [demand.contactName, demand.contactPhone, demand.contactEmail].filter(Boolean).join(' · '),
          },
          {
            key: 'dates',
            label: t('summary.dates'),
            children: t('summary.datesValue', {
              created: formatDateTime(demand.createdAt),
              submitted: formatDateTime(demand.submittedAt),
              published: formatDateTime(demand.publishedAt),
            }),
          },
        ]}
      />
      <AdaptiveTable
        aria-label={t('editor.sections.indicators')}
        title={() => <strong>{t('editor.sections.indicators')}</strong>}
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={demand.indicators}
        columns={[
          { key: 'name', dataIndex: 'name', title: t('indicator.nameColumn') },
          { key: 'target', dataIndex: 'target', title: t('indicator.targetColumn') },
          { key: 'unit', dataIndex: 'unit', title: t('indicator.unitColumn'), render: (unit: string) => unit || '—' },
        ]}
      />
      <section>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('fields.summary')}
        </Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{demand.summary}</Typography.Paragraph>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('fields.background')}
        </Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{demand.background}</Typography.Paragraph>
        {demand.confidentialDetails && (
          <>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t('fields.confidentialDetails')}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{demand.confidentialDetails}</Typography.Paragraph>
          </>
        )}
      </section>
    </Space>
  );
}

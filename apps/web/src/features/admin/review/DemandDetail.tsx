import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { bountyRange, formatDateTime } from '../../../shared/format';
import { useVocabulary } from '../../../shared/vocabulary';
import type { DemandFull } from '../queries';
import { AdaptiveTable } from '../../../shared/AdaptiveTable';

type Indicator = DemandFull['indicators'][number];

/** Everything a reviewer needs to judge a submitted need, confidential parts included. */
export function DemandDetail({ demand }: { demand: DemandFull }) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const { label } = useVocabulary();
  return (
    <Descriptions bordered size="small" column={{ xs: 1, lg: 2 }}>
      <Descriptions.Item label={t('review.detail.summary')} span="filled">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{demand.summary}</Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label={t('review.detail.background')} span="filled">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{demand.background}</Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label={t('review.detail.indicators')} span="filled">
        <AdaptiveTable<Indicator>
          size="small"
          pagination={false}
          aria-label={t('review.detail.indicators')}
          rowKey={(indicator) => `${indicator.name}-${indicator.target}`}
          dataSource={demand.indicators}
          columns={[
            { key: 'name', dataIndex: 'name', title: t('review.detail.indicatorName') },
            { key: 'target', dataIndex: 'target', title: t('review.detail.indicatorTarget') },
            {
              key: 'unit',
              dataIndex: 'unit',
              title: t('review.detail.indicatorUnit'),
              render: (unit: string) => unit || '—',
            },
          ]}
        />
      </Descriptions.Item>
      <Descriptions.Item label={t('review.detail.bounty')}>
        {bountyRange(demand.bountyMin, demand.bountyMax, common('unit.wan'))}
      </Descriptions.Item>
      <Descriptions.Item label={t('review.detail.owner')}>{demand.owner.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('review.detail.outcomeForm')}>
        {label('outcomeForm', demand.outcomeForm)}
      </Descriptions.Item>
      <Descriptions.Item label={t('review.detail.cooperationMode')}>
        {label('cooperationMode', demand.cooperationMode)}
      </Descriptions.Item>
      <Descriptions.Item label={t('review.detail.awardMode')}>
        {label('awardMode', demand.awardMode)}（{t('review.detail.awardLeads')} {demand.awardLeads}）
      </Descriptions.Item>
      <Descriptions.Item label={t('review.detail.bidDeadline')}>
        {demand.bidDeadline ? formatDateTime(demand.bidDeadline) : t('review.detail.defaultDeadline')}
      </Descriptions.Item>
      <Descriptions.Item label={t('review.detail.keywords')}>{demand.keywords.join('、')}</Descriptions.Item>
      <Descriptions.Item label={t('review.detail.contact')} span="filled">
        {[demand.contactName, demand.contactPhone, demand.contactEmail].filter(Boolean).join(' · ')}
      </Descriptions.Item>
      {demand.confidentialDetails ? (
        <Descriptions.Item label={t('review.detail.confidential')} span="filled">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {demand.confidentialDetails}
          </Typography.Paragraph>
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

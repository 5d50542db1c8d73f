import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type Schema } from '../../../api/types';
import { Deadline } from '../../../shared/Deadline';
import { bountyRange } from '../../../shared/format';
import { useVocabulary } from '../../../shared/vocabulary';
import { AdaptiveTable } from '../../../shared/AdaptiveTable';

type Demand = Schema<'DemandPublicView'>;

/** The need a bid answers: what it pays, when bidding closes and the indicators to meet. */
export function DemandSummary({ demand }: { demand: Demand }) {
  const { t } = useTranslation('team');
  const { t: common } = useTranslation();
  const { label } = useVocabulary();
  return (
    <Card
      title={
        <Link to={`/demands/${demand.id}`}>
          {demand.code ? `${demand.code} · ` : ''}
          {demand.title}
        </Link>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, lg: 3 }}
        items={[
          {
            key: 'bounty',
            label: t('demand.bounty'),
            children: bountyRange(demand.bountyMin, demand.bountyMax, common('unit.wan')),
          },
          {
            key: 'deadline',
            label: t('demand.deadline'),
            children: <Deadline at={demand.bidDeadline} status={demand.status} />,
          },
          { key: 'awardMode', label: t('demand.awardMode'), children: label('awardMode', demand.awardMode) },
          { key: 'industry', label: t('demand.industry'), children: label('industry', demand.industry) },
          { key: 'owner', label: t('demand.owner'), children: demand.owner.name ?? '—' },
          { key: 'status', label: t('demand.status'), children: label('demandStatus', demand.status) },
        ]}
      />
      <AdaptiveTable
        aria-label={t('demand.indicators')}
        title={() => t('demand.indicators')}
        size="small"
        pagination={false}
        rowKey="name"
        dataSource={demand.indicators}
        columns={[
          { key: 'name', title: t('demand.indicatorName'), dataIndex: 'name' },
          {
            key: 'target',
            title: t('demand.indicatorTarget'),
            render: (_, indicator) => `${indicator.target} ${indicator.unit}`.trim(),
          },
        ]}
      />
    </Card>
  );
}

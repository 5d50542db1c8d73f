import { PUBLIC_DEMAND_STATUSES } from '@jiebang/contracts';
import { Card, Flex, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { QueryState } from '../../shared/QueryState';
import { DemandFiles } from '../files/DemandFiles';
import { QuestionsPanel, QuestionsTabLabel } from '../qa/QuestionsPanel';
import { BidsPanel } from './BidsPanel';
import { DemandActions } from './DemandActions';
import { DemandEngagements } from './DemandEngagements';
import { DemandHistory } from './DemandHistory';
import { DemandStatusTag } from './DemandStatusTag';
import { DemandSummary } from './DemandSummary';
import { AWARDED_STATUSES, BIDDING_STATUSES, type DemandFull, EDITABLE_STATUSES, useManagedDemand } from './queries';
import { ReturnReasons } from './ReturnReasons';

/** One need as its owner manages it: what it says, where it stands, its bids, award and engagements. */
export function DemandManagePage() {
  const { id = '' } = useParams<{ id: string }>();
  const demand = useManagedDemand(id);
  return <QueryState query={demand}>{(data) => <ManagedDemand demand={data} />}</QueryState>;
}

function ManagedDemand({ demand }: { demand: DemandFull }) {
  const { t } = useTranslation('enterprise');
  const { t: tFiles } = useTranslation('files');
  const [params, setParams] = useSearchParams();
  const tabs = [
    { key: 'overview', label: t('manage.tabs.overview'), children: <DemandSummary demand={demand} /> },
    {
      key: 'files',
      label: tFiles('need.title'),
      children: (
        <DemandFiles demandId={demand.id} editable={EDITABLE_STATUSES.includes(demand.status)} confidential bare />
      ),
    },
    ...(BIDDING_STATUSES.includes(demand.status)
      ? [{ key: 'bids', label: t('manage.tabs.bids'), children: <BidsPanel demand={demand} /> }]
      : []),
    ...(AWARDED_STATUSES.includes(demand.status)
      ? [
          {
            key: 'engagements',
            label: t('manage.tabs.engagements'),
            children: <DemandEngagements demandId={demand.id} />,
          },
        ]
      : []),
    ...(PUBLIC_DEMAND_STATUSES.some((status) => status === demand.status)
      ? [
          {
            key: 'qa',
            label: <QuestionsTabLabel demandId={demand.id} />,
            children: <QuestionsPanel demandId={demand.id} status={demand.status} />,
          },
        ]
      : []),
    { key: 'history', label: t('manage.tabs.history'), children: <DemandHistory demandId={demand.id} /> },
  ];
  const requested = params.get('tab');
  const active = tabs.some((tab) => tab.key === requested) ? requested! : 'overview';

  return (
    <Card>
      <Link to="/enterprise">{t('manage.back')}</Link>
      <Flex justify="space-between" align="flex-start" wrap gap={16} style={{ margin: '12px 0 16px' }}>
        <Space orientation="vertical" size={4}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {demand.title}
          </Typography.Title>
          <Space wrap>
            <DemandStatusTag status={demand.status} />
            {demand.code && <Typography.Text type="secondary">{demand.code}</Typography.Text>}
          </Space>
        </Space>
        <DemandActions demand={demand} />
      </Flex>
      {demand.status === 'returned' && <ReturnReasons demandId={demand.id} />}
      <Tabs activeKey={active} onChange={(key) => setParams({ tab: key }, { replace: true })} items={tabs} />
    </Card>
  );
}

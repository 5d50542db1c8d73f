import { PlusOutlined } from '@ant-design/icons';
import { DEMAND_STATUSES } from '@jiebang/contracts';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { AdaptiveTabs } from '../../shared/AdaptiveTabs';
import { bountyRange, formatDateTime } from '../../shared/format';
import { PagedTable } from '../../shared/PagedTable';
import { useVocabulary } from '../../shared/vocabulary';
import { DemandStatusTag } from './DemandStatusTag';
import {
  BIDDING_STATUSES,
  DEMAND_PAGE_SIZE,
  type DemandFull,
  type DemandStatus,
  useBidCounts,
  useDemandCounts,
  useManagedDemands,
} from './queries';

const ALL = 'all';
type Tab = DemandStatus | typeof ALL;
const TABS: readonly Tab[] = [ALL, ...DEMAND_STATUSES];

function isStatus(value: string | null): value is DemandStatus {
  return (DEMAND_STATUSES as readonly string[]).includes(value ?? '');
}

/** Bids lodged on each need of the page that is open to bids, in one request. */
function useBidCountOf(demands: readonly DemandFull[] | undefined) {
  const ids = (demands ?? []).filter((demand) => BIDDING_STATUSES.includes(demand.status)).map((demand) => demand.id);
  const counts = useBidCounts(ids);
  return (demand: DemandFull) => {
    if (!ids.includes(demand.id)) return '—';
    return counts.data?.find((count) => count.demandId === demand.id)?.bids ?? '…';
  };
}

/** How many needs each status tab holds, in one request. */
function useStatusCountOf() {
  const counts = useDemandCounts();
  return (status: Tab) =>
    status === ALL ? counts.data?.total : counts.data?.statuses.find((entry) => entry.status === status)?.count;
}

export function EnterpriseHome() {
  const { t } = useTranslation('enterprise');
  const { t: common } = useTranslation();
  const { label } = useVocabulary();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const countOf = useStatusCountOf();
  const demands = useManagedDemands(status, page);
  const bidsOf = useBidCountOf(demands.data?.items);

  const tabLabel = (key: Tab) => {
    const count = countOf(key);
    const name = key === ALL ? t('home.all') : label('demandStatus', key);
    return count === undefined ? name : `${name} (${count})`;
  };

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={16}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('home.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/enterprise/demands/new')}>
          {t('home.create')}
        </Button>
      </Flex>
      <AdaptiveTabs
        aria-label={t('home.filter')}
        activeKey={status ?? ALL}
        onChange={(key) => setParams(key === ALL ? {} : { status: key })}
        items={TABS.map((key) => ({ key, label: tabLabel(key) }))}
      />
      <PagedTable<DemandFull>
        query={demands}
        page={page}
        pageSize={DEMAND_PAGE_SIZE}
        onPage={(next) => setParams({ ...(status ? { status } : {}), page: String(next) })}
        empty={<EmptyList />}
        rowKey="id"
        aria-label={t('home.caption')}
        scroll={{ x: 900 }}
        onRow={(demand) => ({
          onClick: () => void navigate(`/enterprise/demands/${demand.id}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          {
            key: 'title',
            title: t('columns.title'),
            render: (_, demand) => (
              <>
                <Link to={`/enterprise/demands/${demand.id}`} onClick={(event) => event.stopPropagation()}>
                  {demand.title}
                </Link>
                {demand.code && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {demand.code}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            key: 'status',
            title: t('columns.status'),
            width: 110,
            render: (_, demand) => <DemandStatusTag status={demand.status} />,
          },
          {
            key: 'bounty',
            title: t('columns.bounty'),
            width: 150,
            render: (_, demand) => bountyRange(demand.bountyMin, demand.bountyMax, common('unit.wan')),
          },
          {
            key: 'deadline',
            title: t('columns.deadline'),
            width: 160,
            render: (_, demand) => formatDateTime(demand.bidDeadline),
          },
          {
            key: 'bids',
            title: t('columns.bids'),
            width: 90,
            align: 'right',
            render: (_, demand) => bidsOf(demand),
          },
          {
            key: 'updated',
            title: t('columns.updated'),
            width: 160,
            render: (_, demand) => formatDateTime(demand.updatedAt),
          },
        ]}
      />
    </Card>
  );
}

function EmptyList() {
  const { t } = useTranslation('enterprise');
  return (
    <Typography.Paragraph type="secondary" style={{ textAlign: 'center', padding: 32 }}>
      {t('home.empty')}
    </Typography.Paragraph>
  );
}

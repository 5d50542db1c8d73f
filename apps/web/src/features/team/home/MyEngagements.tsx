import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../../api/client';
import { type Schema } from '../../../api/types';
import { formatDate } from '../../../shared/format';
import { QueryState } from '../../../shared/QueryState';
import { EngagementStatusTag } from '../../engagements/EngagementStatusTag';
import { UnreadMessagesTag } from '../../engagements/UnreadMessagesTag';
import { teamKeys } from '../queries';
import { AdaptiveTable } from '../../../shared/AdaptiveTable';

type Engagement = Schema<'EngagementView'>;

const PAGE_SIZE = 20;
/** The projects my team won, with how many milestones the owner has accepted. */
export function MyEngagements() {
  const { t } = useTranslation('team');
  const [page, setPage] = useState(1);
  const engagements = useQuery({
    queryKey: [...teamKeys.engagements, page],
    queryFn: () => unwrap(api.GET('/api/v1/engagements', { params: { query: { page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <QueryState query={engagements}>
      {(data) => (
        <AdaptiveTable<Engagement>
          aria-label={t('home.tabs.engagements')}
          rowKey="id"
          dataSource={data.items}
          loading={engagements.isFetching && engagements.isPlaceholderData}
          locale={{ emptyText: t('engagements.empty') }}
          scroll={{ x: 900 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data.total,
            showSizeChanger: false,
            hideOnSinglePage: true,
            onChange: setPage,
          }}
          columns={[
            {
              key: 'demand',
              title: t('engagements.demand'),
              render: (_, engagement) => (
                <>
                  <Link to={`/engagements/${engagement.id}`}>{engagement.demandTitle ?? t('bids.untitled')}</Link>
                  <UnreadMessagesTag count={engagement.unreadMessages} />
                </>
              ),
            },
            {
              key: 'status',
              title: t('engagements.statusColumn'),
              width: 150,
              render: (_, engagement) => <EngagementStatus engagement={engagement} />,
            },
            {
              key: 'progress',
              title: t('engagements.progressColumn'),
              width: 220,
              render: (_, engagement) => <MilestoneProgress engagement={engagement} />,
            },
            {
              key: 'next',
              title: t('engagements.nextColumn'),
              render: (_, engagement) => {
                const next = engagement.milestones.find((milestone) => milestone.status !== 'accepted');
                return next ? t('engagements.next', { title: next.title, date: formatDate(next.dueDate) }) : '—';
              },
            },
            {
              key: 'actions',
              title: t('bids.actions'),
              width: 100,
              render: (_, engagement) => <Link to={`/engagements/${engagement.id}`}>{t('engagements.open')}</Link>,
            },
          ]}
        />
      )}
    </QueryState>
  );
}

function EngagementStatus({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation('team');
  const overdue = engagement.milestones.filter((milestone) => milestone.overdue).length;
  return (
    <Space size={4} wrap>
      <EngagementStatusTag status={engagement.status} />
      {overdue > 0 && <Tag color="error">{t('engagements.overdue', { count: overdue })}</Tag>}
    </Space>
  );
}

function MilestoneProgress({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation('team');
  const total = engagement.milestones.length;
  const accepted = engagement.milestones.filter((milestone) => milestone.status === 'accepted').length;
  return (
    <div>
      <Progress
        percent={total ? Math.round((accepted / total) * 100) : 0}
        showInfo={false}
        size="small"
        aria-label={t('engagements.progressLabel', { accepted, total })}
      />
      <Typography.Text type="secondary">{t('engagements.progress', { accepted, total })}</Typography.Text>
    </div>
  );
}

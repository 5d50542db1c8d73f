import { Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type Schema } from '../../../api/types';
import { formatDate } from '../../../shared/format';
import { PagedTable } from '../../../shared/PagedTable';
import { EngagementStatusTag } from '../../engagements/EngagementStatusTag';
import { UnreadMessagesTag } from '../../engagements/UnreadMessagesTag';
import { useMyEngagements } from '../queries';

type Engagement = Schema<'EngagementView'>;

const PAGE_SIZE = 20;
/** The projects my team won, with how many milestones the owner has accepted. */
export function MyEngagements() {
  const { t } = useTranslation('team');
  const [page, setPage] = useState(1);
  const engagements = useMyEngagements(page, PAGE_SIZE);
  return (
    <PagedTable<Engagement>
      query={engagements}
      page={page}
      pageSize={PAGE_SIZE}
      onPage={setPage}
      pagination={{ hideOnSinglePage: true }}
      aria-label={t('home.tabs.engagements')}
      rowKey="id"
      locale={{ emptyText: t('engagements.empty') }}
      scroll={{ x: 900 }}
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

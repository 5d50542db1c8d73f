import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Schema } from '../../api/types';
import { AdaptiveTable } from '../../shared/AdaptiveTable';
import { Deadline } from '../../shared/Deadline';
import { formatDate } from '../../shared/format';
import { QueryState } from '../../shared/QueryState';
import { useReviewAssignments } from '../enterprise/queries';
import { StatusTag } from '../hall/StatusTag';

type Assignment = Schema<'ReviewAssignmentView'>;

/** 评审任务: the needs I was invited to review, newest invitation first, with how far I have come. */
export function ReviewsPage() {
  const { t } = useTranslation('enterprise');
  const assignments = useReviewAssignments();
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
        {t('reviews.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('reviews.help')}</Typography.Paragraph>
      <QueryState
        query={assignments}
        isEmpty={(items) => items.length === 0}
        empty={<Empty description={t('reviews.none')} />}
      >
        {(items) => (
          <AdaptiveTable<Assignment>
            aria-label={t('reviews.title')}
            rowKey="demandId"
            pagination={false}
            dataSource={items}
            columns={[
              {
                title: t('reviews.columns.need'),
                key: 'need',
                render: (_, item) => <Link to={`/reviews/${item.demandId}`}>{item.title}</Link>,
              },
              {
                title: t('reviews.columns.status'),
                key: 'status',
                width: 110,
                render: (_, item) => <StatusTag status={item.status} />,
              },
              {
                title: t('reviews.columns.deadline'),
                key: 'deadline',
                width: 170,
                render: (_, item) => <Deadline at={item.bidDeadline} status={item.status} />,
              },
              {
                title: t('reviews.columns.progress'),
                key: 'progress',
                width: 120,
                render: (_, item) => t('reviews.progress', { scored: item.scoredBids, lodged: item.lodgedBids }),
              },
              {
                title: t('reviews.columns.invited'),
                dataIndex: 'assignedAt',
                width: 120,
                render: formatDate,
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}

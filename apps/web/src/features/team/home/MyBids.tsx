import { Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type Schema } from '../../../api/types';
import { formatDate } from '../../../shared/format';
import { PagedTable } from '../../../shared/PagedTable';
import { useVocabulary } from '../../../shared/vocabulary';
import { BidStatusTag } from '../bids/BidStatusTag';
import { type BidStatus, useMyBids } from '../queries';

type Bid = Schema<'BidView'>;

const PAGE_SIZE = 20;

/** My team's bids: status, when submitted, and why a losing one lost. */
export function MyBids() {
  const { t } = useTranslation('team');
  const { label, options } = useVocabulary();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<BidStatus | undefined>();
  const bids = useMyBids(page, PAGE_SIZE, status);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Select<BidStatus>
        aria-label={t('bids.filter')}
        placeholder={t('bids.filter')}
        allowClear
        style={{ width: 200 }}
        value={status}
        options={options('bidStatus')}
        onChange={(value) => {
          setStatus(value);
          setPage(1);
        }}
      />
      <PagedTable<Bid>
        query={bids}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        aria-label={t('home.tabs.bids')}
        rowKey="id"
        locale={{ emptyText: t('bids.empty') }}
        scroll={{ x: 900 }}
        columns={[
          {
            key: 'demand',
            title: t('bids.demand'),
            render: (_, bid) => <Link to={`/demands/${bid.demandId}`}>{bid.demandTitle ?? t('bids.untitled')}</Link>,
          },
          {
            key: 'status',
            title: t('bids.status'),
            width: 110,
            render: (_, bid) => <BidStatusTag bid={bid} />,
          },
          {
            key: 'submittedAt',
            title: t('bids.submittedAt'),
            width: 120,
            render: (_, bid) => formatDate(bid.submittedAt),
          },
          {
            key: 'budget',
            title: t('bids.budget'),
            width: 120,
            render: (_, bid) => t('bids.budgetValue', { budget: bid.budget.toLocaleString('zh-CN') }),
          },
          {
            key: 'feedback',
            title: t('bids.feedback'),
            render: (_, bid) =>
              bid.feedback ? (
                <Typography.Paragraph style={{ margin: 0 }}>
                  <Typography.Text strong>{label('feedbackCategory', bid.feedback.category)}</Typography.Text>
                  {bid.feedback.text && `：${bid.feedback.text}`}
                </Typography.Paragraph>
              ) : (
                '—'
              ),
          },
          {
            key: 'actions',
            title: t('bids.actions'),
            width: 120,
            render: (_, bid) =>
              bid.status === 'draft' ? (
                <Link to={`/team/bids/${bid.id}/edit`}>{t('bids.continue')}</Link>
              ) : (
                <Link to={`/bids/${bid.id}`}>{t('bids.view')}</Link>
              ),
          },
        ]}
      />
    </Space>
  );
}

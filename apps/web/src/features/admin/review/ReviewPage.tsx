import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bountyRange, formatDateTime } from '../../../shared/format';
import { PagedTable } from '../../../shared/PagedTable';
import { useProblemText } from '../../../shared/problems';
import { useVocabulary } from '../../../shared/vocabulary';
import { adminKeys, approveDemand, type DemandFull, REVIEW_PAGE_SIZE, useReviewQueue } from '../queries';
import { DemandDetail } from './DemandDetail';
import { ReturnModal } from './ReturnModal';

/** 审核队列: submitted needs, approved or returned with reasons. */
export function ReviewPage() {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const { label } = useVocabulary();
  const { message, modal } = App.useApp();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [returning, setReturning] = useState<DemandFull | null>(null);

  const queue = useReviewQueue(page);

  const refresh = () => {
    // The last need of a later page leaves it empty: step back a page.
    if (page > 1 && queue.data?.items.length === 1) setPage(page - 1);
    void queryClient.invalidateQueries({ queryKey: adminKeys.review });
    void queryClient.invalidateQueries({ queryKey: adminKeys.approved });
  };

  const approve = useMutation({
    mutationFn: (demand: DemandFull) => approveDemand(demand.id),
    onSuccess: (approved) => {
      void message.success(t('review.approved', { title: approved.title, code: approved.code ?? '—' }));
      refresh();
    },
    onError: (error) => void message.error(problemText(error)),
  });

  const confirmApprove = (demand: DemandFull) => {
    void modal.confirm({
      title: t('review.approveConfirm.title', { title: demand.title }),
      content: t('review.approveConfirm.content'),
      okText: t('review.approve'),
      okButtonProps: { autoInsertSpace: false },
      cancelText: common('action.cancel'),
      // Returning the promise keeps the dialog open, its button spinning, until the server answers.
      onOk: () => approve.mutateAsync(demand).catch(() => undefined),
    });
  };

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('review.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('review.intro')}</Typography.Paragraph>
      <PagedTable<DemandFull>
        query={queue}
        page={page}
        pageSize={REVIEW_PAGE_SIZE}
        onPage={setPage}
        empty={<Empty description={t('review.empty')} />}
        pagination={{ showTotal: (total) => t('review.count', { count: total }) }}
        rowKey="id"
        aria-label={t('review.caption')}
        scroll={{ x: 1200 }}
        expandable={{
          columnTitle: t('review.columns.detail'),
          columnWidth: 88,
          expandedRowRender: (demand) => <DemandDetail demand={demand} />,
        }}
        columns={[
          { key: 'title', dataIndex: 'title', title: t('review.columns.title'), width: 320 },
          { key: 'owner', title: t('review.columns.owner'), render: (_, demand) => demand.owner.name ?? '—' },
          {
            key: 'industry',
            title: t('review.columns.industry'),
            render: (_, demand) => label('industry', demand.industry),
          },
          {
            key: 'district',
            title: t('review.columns.district'),
            render: (_, demand) => label('district', demand.district),
          },
          {
            key: 'bounty',
            title: t('review.columns.bounty'),
            render: (_, demand) => bountyRange(demand.bountyMin, demand.bountyMax, common('unit.wan')),
          },
          {
            key: 'submittedAt',
            title: t('review.columns.submittedAt'),
            render: (_, demand) => formatDateTime(demand.submittedAt),
          },
          {
            key: 'actions',
            title: t('review.columns.actions'),
            fixed: 'right',
            width: 200,
            render: (_, demand) => (
              <Space>
                <Button
                  type="primary"
                  autoInsertSpace={false}
                  aria-label={t('review.approveLabel', { title: demand.title })}
                  loading={approve.isPending && approve.variables.id === demand.id}
                  onClick={() => confirmApprove(demand)}
                >
                  {t('review.approve')}
                </Button>
                <Button
                  autoInsertSpace={false}
                  aria-label={t('review.returnLabel', { title: demand.title })}
                  onClick={() => setReturning(demand)}
                >
                  {t('review.return')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {returning && (
        <ReturnModal
          demand={returning}
          onClose={() => setReturning(null)}
          onReturned={() => {
            setReturning(null);
            refresh();
          }}
        />
      )}
    </Card>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../shared/format';
import { PagedTable } from '../../../shared/PagedTable';
import { adminKeys, type Batch, BATCH_PAGE_SIZE, useBatchPage } from '../queries';
import { BatchDrawer } from './BatchDrawer';
import { BatchStatusTag } from './BatchStatusTag';
import { CreateBatchModal } from './CreateBatchModal';

/** 批次管理: batches (榜单) with their release events; drafts are built up and published here. */
export function BatchesPage() {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const batches = useBatchPage(page);

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={16}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('batches.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('batches.create')}
        </Button>
      </Flex>
      <Typography.Paragraph style={{ marginTop: 8 }}>{t('batches.intro')}</Typography.Paragraph>
      <PagedTable<Batch>
        query={batches}
        page={page}
        pageSize={BATCH_PAGE_SIZE}
        onPage={setPage}
        empty={<Empty description={t('batches.empty')} />}
        rowKey="id"
        aria-label={t('batches.caption')}
        scroll={{ x: 1100 }}
        columns={[
          { key: 'title', dataIndex: 'title', title: t('batches.columns.title'), width: 300 },
          {
            key: 'releaseDate',
            title: t('batches.columns.releaseDate'),
            width: 120,
            render: (_, batch) => formatDate(batch.releaseDate),
          },
          { key: 'venue', dataIndex: 'venue', title: t('batches.columns.venue') },
          {
            key: 'deadline',
            title: t('batches.columns.deadline'),
            width: 170,
            render: (_, batch) => formatDateTime(batch.defaultBidDeadline),
          },
          {
            key: 'status',
            title: t('batches.columns.status'),
            width: 100,
            render: (_, batch) => <BatchStatusTag status={batch.status} />,
          },
          {
            key: 'demandCount',
            dataIndex: 'demandCount',
            title: t('batches.columns.demandCount'),
            width: 90,
            align: 'right',
          },
          {
            key: 'actions',
            title: t('batches.columns.actions'),
            width: 90,
            render: (_, batch) => (
              <Button
                size="small"
                autoInsertSpace={false}
                aria-label={t('batches.manageLabel', { title: batch.title })}
                onClick={() => setOpenId(batch.id)}
              >
                {t('batches.manage')}
              </Button>
            ),
          },
        ]}
      />
      {creating && (
        <CreateBatchModal
          onClose={() => setCreating(false)}
          onCreated={(batch) => {
            setCreating(false);
            setPage(1);
            void queryClient.invalidateQueries({ queryKey: adminKeys.batches });
            setOpenId(batch.id);
          }}
        />
      )}
      {openId && <BatchDrawer batchId={openId} onClose={() => setOpenId(null)} />}
    </Card>
  );
}

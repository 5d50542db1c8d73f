import { useQueryClient } from '@tanstack/react-query';
import { Card, Descriptions, Drawer, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Deadline } from '../../../shared/Deadline';
import { ExportButtons } from '../../../shared/ExportButtons';
import { formatDate, formatDateTime } from '../../../shared/format';
import { QueryState } from '../../../shared/QueryState';
import { adminKeys, useBatch } from '../queries';
import { AddDemands } from './AddDemands';
import { BatchMembers } from './BatchMembers';
import { BatchStatusTag } from './BatchStatusTag';
import { PublishBatch } from './PublishBatch';

interface BatchDrawerProps {
  batchId: string;
  onClose: () => void;
}

/** One batch: its needs, adding and removing them while it is a draft, publishing it, and its export. */
export function BatchDrawer({ batchId, onClose }: BatchDrawerProps) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const batch = useBatch(batchId);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: adminKeys.batches });
    void queryClient.invalidateQueries({ queryKey: adminKeys.approved });
  };

  return (
    <Drawer
      open
      size="large"
      onClose={onClose}
      title={batch.data ? t('batches.detail.title', { title: batch.data.title }) : t('batches.manage')}
    >
      <QueryState query={batch}>
        {(data) => {
          const draft = data.status === 'draft';
          return (
            <Space orientation="vertical" size="large" style={{ width: '100%' }}>
              <Descriptions bordered size="small" column={1} title={t('batches.detail.info')}>
                <Descriptions.Item label={t('batches.columns.status')}>
                  <BatchStatusTag status={data.status} />
                </Descriptions.Item>
                <Descriptions.Item label={t('batches.columns.releaseDate')}>
                  {formatDate(data.releaseDate)}
                </Descriptions.Item>
                <Descriptions.Item label={t('batches.columns.venue')}>{data.venue}</Descriptions.Item>
                <Descriptions.Item label={t('batches.columns.deadline')}>
                  <Deadline at={data.defaultBidDeadline} />
                </Descriptions.Item>
                {data.publishedAt && (
                  <Descriptions.Item label={t('batches.columns.publishedAt')}>
                    {formatDateTime(data.publishedAt)}
                  </Descriptions.Item>
                )}
              </Descriptions>

              <PublishBatch batchId={data.id} title={data.title} count={data.demands.length} draft={draft} />
              <Flex gap={12} wrap align="center">
                <Typography.Text>{t('batches.detail.exportLabel')}</Typography.Text>
                <ExportButtons path={`/api/v1/batches/${data.id}/export`} name={data.title} />
              </Flex>

              {draft ? (
                <Card size="small" title={t('batches.detail.add')}>
                  <AddDemands batchId={data.id} onAdded={refresh} />
                </Card>
              ) : (
                <Typography.Text>{t('batches.detail.readonly')}</Typography.Text>
              )}

              <BatchMembers batchId={data.id} members={data.demands} draft={draft} onChanged={refresh} />
            </Space>
          );
        }}
      </QueryState>
    </Drawer>
  );
}

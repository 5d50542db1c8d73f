import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, List, Pagination, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { formatDateTime } from '../../shared/format';
import { QueryState } from '../../shared/QueryState';
import { useNotificationText } from './notificationText';

const PAGE_SIZE = 20;

export function NotificationsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const inbox = useQuery({
    queryKey: ['notifications', page],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { page, pageSize: PAGE_SIZE } } })),
  });
  const textOf = useNotificationText();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const read = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const readAll = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onSuccess: refresh,
  });

  return (
    <Card
      title={<h1 style={{ fontSize: 20, margin: 0 }}>{t('notifications.title')}</h1>}
      extra={
        <>
          <Link to="/notifications/preferences" style={{ marginRight: 16 }}>
            {t('alerts.preferences')}
          </Link>
          <Button onClick={() => readAll.mutate()} loading={readAll.isPending}>
            {t('action.markAllRead')}
          </Button>
        </>
      }
    >
      <QueryState query={inbox} isEmpty={(data) => data.items.length === 0} empty={t('notifications.empty')}>
        {(data) => (
          <>
            <List
              dataSource={data.items}
              renderItem={(item) => {
                const { title, body } = textOf(item);
                return (
                  <List.Item
                    actions={
                      item.readAt
                        ? []
                        : [
                            <Button key="read" size="small" type="link" onClick={() => read.mutate(item.id)}>
                              {t('action.confirm')}
                            </Button>,
                          ]
                    }
                  >
                    <List.Item.Meta
                      title={
                        <Badge dot={!item.readAt} offset={[6, 0]}>
                          {item.link ? (
                            <Link to={item.link} onClick={() => !item.readAt && read.mutate(item.id)}>
                              {title}
                            </Link>
                          ) : (
                            title
                          )}
                        </Badge>
                      }
                      description={
                        <>
                          <Typography.Text>{body}</Typography.Text>
                          <br />
                          <Typography.Text type="secondary">{formatDateTime(item.createdAt)}</Typography.Text>
                        </>
                      }
                    />
                  </List.Item>
                );
              }}
            />
            <Pagination
              style={{ marginTop: 16, textAlign: 'right' }}
              current={page}
              pageSize={PAGE_SIZE}
              total={data.total}
              onChange={setPage}
              showSizeChanger={false}
            />
          </>
        )}
      </QueryState>
    </Card>
  );
}

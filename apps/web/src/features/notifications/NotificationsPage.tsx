import { Badge, Button, Card, List, Pagination, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../shared/format';
import { QueryState } from '../../shared/QueryState';
import { useNotificationText } from './notificationText';
import { useMarkAllRead, useMarkRead, useNotifications } from './queries';

const PAGE_SIZE = 20;

export function NotificationsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const inbox = useNotifications(page, PAGE_SIZE);
  const textOf = useNotificationText();
  const read = useMarkRead();
  const readAll = useMarkAllRead();

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

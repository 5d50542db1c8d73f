import { MessageOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Divider, Flex, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/types';
import { QueryState } from '../../shared/QueryState';
import { MessageItem } from './MessageItem';
import { engagementKeys, fetchEarlierMessages, mergeMessages, type Thread, useThread } from './queries';
import { ThreadComposer } from './ThreadComposer';
import { useAnnouncement } from './useAnnouncement';
import { useMarkReadWhenSeen } from './useMarkReadWhenSeen';

type Engagement = Schema<'EngagementView'>;

/** The engagement's conversation (项目沟通) between the need's owner, the winning team, their advisors and the office. */
export function ThreadPanel({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation('thread');
  const thread = useThread(engagement.id);
  return (
    <section aria-labelledby="thread-title" style={{ marginTop: 24 }}>
      <Flex align="center" gap={8} wrap>
        <Typography.Title id="thread-title" level={2} style={{ fontSize: 18, margin: 0 }}>
          <MessageOutlined /> {t('title')}
        </Typography.Title>
        {thread.data && thread.data.unread > 0 && (
          <Tag color="red">{t('unreadHeading', { count: thread.data.unread })}</Tag>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('intro')}
      </Typography.Paragraph>
      <QueryState query={thread}>{(data) => <ThreadBody engagement={engagement} thread={data} />}</QueryState>
    </section>
  );
}

function ThreadBody({ engagement, thread }: { engagement: Engagement; thread: Thread }) {
  const { t } = useTranslation('thread');
  const queryClient = useQueryClient();
  // Where the unread messages began when the page opened: the divider stays put while reading.
  const [firstUnread] = useState(
    () => thread.items.find((message) => message.seq > thread.readUpTo && !message.mine)?.seq ?? null,
  );
  const announcement = useAnnouncement(thread.items);
  const list = useRef<HTMLOListElement>(null);
  const end = useMarkReadWhenSeen(engagement.id, thread);

  // Follow the conversation: keep the newest message in view when it arrives.
  const lastSeq = thread.items.at(-1)?.seq;
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [lastSeq]);

  const earlier = useMutation({
    mutationFn: () => fetchEarlierMessages(engagement.id, thread.items[0].seq),
    onSuccess: (page) =>
      queryClient.setQueryData<Thread>(engagementKeys.thread(engagement.id), (old) =>
        old ? { ...old, items: mergeMessages(page.items, old.items), hasEarlier: page.hasMore } : old,
      ),
  });

  return (
    <>
      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
      {thread.hasEarlier && (
        <Button type="link" loading={earlier.isPending} onClick={() => earlier.mutate()}>
          {t('earlier')}
        </Button>
      )}
      {thread.items.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('empty')}</Typography.Paragraph>
      ) : (
        <ol
          ref={list}
          aria-label={t('listLabel')}
          // Scrollable, so reachable by keyboard.
          tabIndex={0}
          style={{ listStyle: 'none', margin: 0, padding: '0 4px', maxHeight: 480, overflowY: 'auto' }}
        >
          {thread.items.map((message) => (
            <li key={message.id}>
              {message.seq === firstUnread && (
                <Divider plain style={{ margin: '8px 0' }}>
                  <Typography.Text type="danger">{t('newDivider')}</Typography.Text>
                </Divider>
              )}
              <MessageItem engagementId={engagement.id} message={message} />
            </li>
          ))}
          <li ref={end} aria-hidden style={{ height: 1 }} />
        </ol>
      )}
      {thread.writable ? (
        <ThreadComposer engagementId={engagement.id} />
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 16 }}
          title={t(engagement.status === 'cancelled' ? 'readOnly.cancelled' : 'readOnly.completed')}
        />
      )}
    </>
  );
}

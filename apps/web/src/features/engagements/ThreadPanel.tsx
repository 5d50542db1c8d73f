import { MessageOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Divider, Flex, Form, Input, Space, Tag, theme, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { Schema } from '../../api/types';
import { formatDateTime } from '../../shared/format';
import { useFormFailure, useProblemText } from '../../shared/problems';
import { QueryState } from '../../shared/QueryState';
import { submitOnCtrlEnter } from '../../shared/submitOnCtrlEnter';
import { formatSize, MAX_FILE_BYTES, openFile } from '../files/files';
import { PendingFilesPicker, usePendingFiles } from '../files/PendingFiles';
import { ProblemForm } from '../../shared/ProblemForm';

type Engagement = Schema<'EngagementView'>;
type Message = Schema<'MessageView'>;
type MessageFile = Schema<'MatchingAttachmentView'>;

/** What the panel holds: the messages loaded so far, oldest first, and the caller's read state. */
interface Thread {
  items: Message[];
  hasEarlier: boolean;
  lastSeq: number;
  readUpTo: number;
  unread: number;
  writable: boolean;
}

const threadKey = (id: string) => ['engagement', id, 'thread'] as const;
const PAGE = 50;
const POLL_MS = 15_000;
const MESSAGE_MAX = 4000;
const EXCERPT = 60;
/** Each poll reads the last few messages again: their authors may still be attaching files to them. */
const REREAD = 3;

/** Both lists merged by place, without duplicates. */
function merge(older: Message[], newer: Message[]): Message[] {
  const bySeq = new Map([...older, ...newer].map((message) => [message.seq, message]));
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The thread: first its latest messages, then — on every poll, focus or post — only those after
 * the last one held, so a long conversation is never fetched twice.
 */
function useThread(engagementId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: threadKey(engagementId),
    queryFn: async (): Promise<Thread> => {
      const known = queryClient.getQueryData<Thread>(threadKey(engagementId));
      const path = { id: engagementId };
      if (!known) {
        const page = await unwrap(
          api.GET('/api/v1/engagements/{id}/messages', { params: { path, query: { limit: PAGE } } }),
        );
        return { ...page, hasEarlier: page.hasMore };
      }
      let items = known.items;
      let after = Math.max(0, (items.at(-1)?.seq ?? 0) - REREAD);
      for (;;) {
        const page = await unwrap(
          api.GET('/api/v1/engagements/{id}/messages', { params: { path, query: { after, limit: 100 } } }),
        );
        items = merge(items, page.items);
        if (!page.hasMore) return { ...page, items, hasEarlier: known.hasEarlier };
        after = items.at(-1)!.seq;
      }
    },
    refetchInterval: POLL_MS,
  });
}

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
  const key = threadKey(engagement.id);
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
    mutationFn: () =>
      unwrap(
        api.GET('/api/v1/engagements/{id}/messages', {
          params: { path: { id: engagement.id }, query: { before: thread.items[0].seq, limit: PAGE } },
        }),
      ),
    onSuccess: (page) =>
      queryClient.setQueryData<Thread>(key, (old) =>
        old ? { ...old, items: merge(page.items, old.items), hasEarlier: page.hasMore } : old,
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
        <Composer engagementId={engagement.id} />
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

const messageFiles = (engagementId: string, messageId: string) =>
  `/api/v1/engagements/${engagementId}/messages/${messageId}/attachments`;

function MessageItem({ engagementId, message }: { engagementId: string; message: Message }) {
  const { t } = useTranslation('thread');
  const { token } = theme.useToken();
  const { message: toast } = App.useApp();
  const problemText = useProblemText();
  const name = message.mine
    ? t('you')
    : [message.authorName, message.authorOrganisationName].filter(Boolean).join(' · ') ||
      t(`side.${message.authorRole}`);
  return (
    <article
      style={{
        margin: '8px 0',
        marginInlineStart: message.mine ? 48 : 0,
        marginInlineEnd: message.mine ? 0 : 48,
        padding: '8px 12px',
        borderRadius: token.borderRadiusLG,
        background: message.mine ? token.colorPrimaryBg : token.colorFillQuaternary,
      }}
    >
      <Flex gap={8} wrap justify="space-between">
        <Typography.Text strong>{t('author', { name, side: t(`side.${message.authorRole}`) })}</Typography.Text>
        <Typography.Text type="secondary">
          <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
        </Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {message.body}
      </Typography.Paragraph>
      {message.files.length > 0 && (
        <ul aria-label={t('files')} style={{ listStyle: 'none', margin: '4px 0 0', padding: 0 }}>
          {message.files.map((file) => (
            <li key={file.id}>
              <Space size="small" wrap>
                <PaperClipOutlined aria-hidden />
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() =>
                    void openFile(messageFiles(engagementId, message.id), file.id).catch(
                      (error: unknown) => void toast.error(problemText(error)),
                    )
                  }
                >
                  {file.filename}
                </Button>
                <Typography.Text type="secondary">{formatSize(file.size)}</Typography.Text>
              </Space>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** A sentence for screen readers when messages by others arrive after the thread was opened. */
function useAnnouncement(items: Message[]): string {
  const { t } = useTranslation('thread');
  const seen = useRef(items.at(-1)?.seq ?? 0);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    const arrived = items.filter((message) => message.seq > seen.current && !message.mine);
    seen.current = Math.max(seen.current, items.at(-1)?.seq ?? 0);
    const latest = arrived.at(-1);
    if (!latest) return;
    const name = latest.authorName ?? latest.authorOrganisationName ?? t(`side.${latest.authorRole}`);
    const text = latest.body.length > EXCERPT ? `${latest.body.slice(0, EXCERPT)}…` : latest.body;
    setAnnouncement(t('announce', { name, text }));
  }, [items, t]);
  return announcement;
}

/**
 * Marks the thread read up to its last message once the end of the list is on screen in a visible
 * tab; the unread badges of the engagement lists follow.
 */
function useMarkReadWhenSeen(engagementId: string, thread: Thread) {
  const queryClient = useQueryClient();
  const [end, setEnd] = useState<HTMLLIElement | null>(null);
  const [seen, setSeen] = useState(false);
  const last = thread.items.at(-1);
  const markRead = useMutation({
    mutationFn: (messageId: string) =>
      unwrap(
        api.POST('/api/v1/engagements/{id}/messages/read', {
          params: { path: { id: engagementId } },
          body: { messageId },
        }),
      ),
    onSuccess: (state) => {
      queryClient.setQueryData<Thread>(threadKey(engagementId), (old) => (old ? { ...old, ...state } : old));
      void queryClient.invalidateQueries({ queryKey: ['engagement', engagementId], exact: true });
      void queryClient.invalidateQueries({ queryKey: ['team', 'engagements'] });
      void queryClient.invalidateQueries({ queryKey: ['enterprise'] });
    },
  });

  useEffect(() => {
    if (!end) return;
    const observer = new IntersectionObserver(([entry]) => setSeen(entry.isIntersecting));
    observer.observe(end);
    return () => observer.disconnect();
  }, [end]);

  const { mutate, isPending } = markRead;
  useEffect(() => {
    if (seen && last && thread.unread > 0 && !isPending && document.visibilityState === 'visible') mutate(last.id);
  }, [seen, last, thread.unread, isPending, mutate]);

  return setEnd;
}

function Composer({ engagementId }: { engagementId: string }) {
  const { t } = useTranslation('thread');
  const { t: tFiles } = useTranslation('files');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ body: string }>();
  const showFailure = useFormFailure();
  const problemText = useProblemText();
  const attachments = usePendingFiles();

  const post = useMutation({
    mutationFn: async (body: string) => {
      const posted = await unwrap(
        api.POST('/api/v1/engagements/{id}/messages', { params: { path: { id: engagementId } }, body: { body } }),
      );
      // A failed file is reported; the message stays.
      const files = await attachments.uploadTo(messageFiles(engagementId, posted.id), (file, error) => {
        void message.warning(t('composer.uploadFailed', { name: file.name, reason: problemText(error) }));
      });
      return { ...posted, files: files as MessageFile[] };
    },
    onSuccess: (posted) => {
      form.resetFields();
      attachments.setPicked(() => []);
      void message.success(t('composer.sent'));
      queryClient.setQueryData<Thread>(threadKey(engagementId), (old) =>
        old ? { ...old, items: merge(old.items, [posted]) } : old,
      );
      void queryClient.invalidateQueries({ queryKey: threadKey(engagementId) });
    },
    onError: (error) => {
      showFailure(form, error);
      // The work may have ended meanwhile: show the engagement and its thread as they are now.
      if (error instanceof ApiError && error.code === 'THREAD_READ_ONLY') {
        void queryClient.invalidateQueries({ queryKey: ['engagement', engagementId] });
      }
    },
  });
  return (
    <ProblemForm
      name="threadComposer"
      form={form}
      layout="vertical"
      style={{ marginTop: 16 }}
      onFinish={(values) => post.mutate(values.body.trim())}
    >
      <Form.Item
        name="body"
        label={t('composer.label')}
        extra={t('composer.help', { max: MESSAGE_MAX })}
        rules={[
          { required: true, whitespace: true, message: t('composer.required') },
          { max: MESSAGE_MAX, message: t('composer.max', { max: MESSAGE_MAX }) },
        ]}
      >
        <Input.TextArea
          rows={3}
          showCount
          maxLength={MESSAGE_MAX}
          placeholder={t('composer.placeholder')}
          onKeyDown={submitOnCtrlEnter(form)}
        />
      </Form.Item>
      <Form.Item extra={tFiles('hint', { max: formatSize(MAX_FILE_BYTES) })}>
        <PendingFilesPicker pending={attachments} label={t('composer.attach')} disabled={post.isPending} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={post.isPending}>
        {t('composer.send')}
      </Button>
    </ProblemForm>
  );
}

import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Flex, Space, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/types';
import { formatDateTime } from '../../shared/format';
import { useProblemText } from '../../shared/problems';
import { formatSize, openFile } from '../files/files';
import { messageFiles } from './queries';

type Message = Schema<'MessageView'>;

/** One message of the thread: its author, time, text and files. */
export function MessageItem({ engagementId, message }: { engagementId: string; message: Message }) {
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

import { MessageOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** How many messages in an engagement's thread the signed-in user has not read; nothing when none. */
export function UnreadMessagesTag({ count }: { count: number }) {
  const { t } = useTranslation('thread');
  if (count === 0) return null;
  return (
    <Tag color="red" icon={<MessageOutlined />} style={{ marginInlineStart: 8 }}>
      {t('badge', { count })}
    </Tag>
  );
}

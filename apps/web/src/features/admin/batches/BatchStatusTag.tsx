import { CheckCircleOutlined, EditOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Batch } from '../queries';

/** Draft or published, in words with an icon; neutral colours keep the text legible. */
export function BatchStatusTag({ status }: { status: Batch['status'] }) {
  const { t } = useTranslation('admin');
  return (
    <Tag icon={status === 'published' ? <CheckCircleOutlined /> : <EditOutlined />}>
      {t(`batches.status.${status}`)}
    </Tag>
  );
}

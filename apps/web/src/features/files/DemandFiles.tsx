import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FilePanel } from './FilePanel';

/**
 * A need's files: the public part, and the confidential part for those who may read it (the
 * server lists only what the caller may read; `confidential` only decides whether to show the heading).
 */
export function DemandFiles({
  demandId,
  editable = false,
  confidential = false,
  bare = false,
}: {
  demandId: string;
  editable?: boolean;
  confidential?: boolean;
  /** Without its own heading (inside a titled section). */
  bare?: boolean;
}) {
  const { t } = useTranslation('files');
  const base = `/api/v1/demands/${demandId}/attachments`;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {!bare && (
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('need.title')}
        </Typography.Title>
      )}
      <div>
        <FilePanel
          base={base}
          title={t('need.public')}
          editable={editable}
          fields={{ part: 'public' }}
          filter={(file) => file.part === 'public'}
        />
        {editable && <Typography.Text type="secondary">{t('need.publicHint')}</Typography.Text>}
      </div>
      {confidential && (
        <div>
          <FilePanel
            base={base}
            title={t('need.confidential')}
            editable={editable}
            fields={{ part: 'confidential' }}
            filter={(file) => file.part === 'confidential'}
          />
          {editable && <Typography.Text type="secondary">{t('need.confidentialHint')}</Typography.Text>}
        </div>
      )}
    </Space>
  );
}

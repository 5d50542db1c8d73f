import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Collapse, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/problem';
import { useProblemText } from '../../../shared/problems';
import { adminKeys } from '../queries';
import { ColumnGuide } from './ColumnGuide';
import { templateCsv } from './columns';
import { ImportErrors } from './ImportErrors';
import { uploadSheet } from './uploadSheet';
import { ButtonLink } from '../../../shared/ButtonLink';

/** The server reports at most this many problems of one sheet. */
const MAX_REPORTED = 200;

function downloadTemplate(name: string) {
  const url = URL.createObjectURL(templateCsv());
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 需求导入: a district's spreadsheet of needs, all rows or none, into the review queue. */
export function ImportPage() {
  const { t } = useTranslation('admin');
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => {
      setProgress({ name: file.name, fraction: 0 });
      return uploadSheet(file, (fraction) => setProgress({ name: file.name, fraction }));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminKeys.review }),
    onSettled: () => setProgress(null),
  });
  const problems = upload.error instanceof ApiError ? upload.error.fieldErrors : [];

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('import.title')}
      </Typography.Title>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('import.intro')}</Typography.Paragraph>
        <div>
          <Button icon={<DownloadOutlined />} onClick={() => downloadTemplate(`${t('import.title')}模板.csv`)}>
            {t('import.template')}
          </Button>
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
            {t('import.templateNote')}
          </Typography.Paragraph>
        </div>
        <Collapse items={[{ key: 'guide', label: t('import.columnsGuide'), children: <ColumnGuide /> }]} />

        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={upload.isPending}
          aria-label={t('import.upload.label')}
          customRequest={({ file }) => upload.mutate(file as File)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.upload.hint')}</p>
          <p className="ant-upload-hint">{t('import.upload.sub')}</p>
        </Upload.Dragger>

        {progress && (
          <div role="status" aria-live="polite">
            <Typography.Text>
              {progress.fraction < 1 ? t('import.uploading', { name: progress.name }) : t('import.processing')}
            </Typography.Text>
            <Progress
              aria-label={t('import.uploading', { name: progress.name })}
              percent={Math.round(progress.fraction * 100)}
              status="active"
            />
          </div>
        )}

        {upload.isSuccess && (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('import.success', { count: upload.data.imported })}
            action={
              <ButtonLink to="/admin/review" size="small" type="primary">
                {t('import.toReview')}
              </ButtonLink>
            }
          />
        )}

        {upload.isError && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert
              type="error"
              showIcon
              title={t('import.failed')}
              description={
                problems.length > 0
                  ? `${t('import.failedDetail', { count: problems.length })}${
                      problems.length >= MAX_REPORTED ? t('import.truncated', { count: MAX_REPORTED }) : ''
                    }`
                  : problemText(upload.error)
              }
            />
            {problems.length > 0 && <ImportErrors problems={problems} />}
          </Space>
        )}
      </Space>
    </Card>
  );
}

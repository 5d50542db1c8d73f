import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from './download';
import { useProblemText } from './problems';

interface ExportButtonsProps {
  /** The export URL without `format`; `format=csv|xlsx` is appended. */
  path: string;
  /** File name if the server gives none, without extension. */
  name: string;
  /** The formats the report comes in. */
  formats?: ReadonlyArray<'csv' | 'xlsx'>;
}

const LABELS = { csv: 'action.exportCsv', xlsx: 'action.exportXlsx' } as const;

/** CSV and/or XLSX export of one report, with progress while the file downloads. */
export function ExportButtons({ path, name, formats = ['csv', 'xlsx'] }: ExportButtonsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const [progress, setProgress] = useState<{ format: string; fraction: number | null } | null>(null);

  const run = async (format: 'csv' | 'xlsx') => {
    setProgress({ format, fraction: null });
    try {
      const separator = path.includes('?') ? '&' : '?';
      const saved = await downloadFile(`${path}${separator}format=${format}`, `${name}.${format}`, (fraction) =>
        setProgress({ format, fraction }),
      );
      void message.success(t('download.done', { name: saved }));
    } catch (error) {
      void message.error(problemText(error));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Space>
      {formats.map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          loading={progress?.format === format}
          onClick={() => void run(format)}
        >
          {t(LABELS[format])}
        </Button>
      ))}
      {progress && (
        <Progress
          aria-label={t('download.preparing')}
          size="small"
          style={{ width: 120 }}
          percent={progress.fraction === null ? 99 : Math.round(progress.fraction * 100)}
          status="active"
          showInfo={progress.fraction !== null}
        />
      )}
    </Space>
  );
}

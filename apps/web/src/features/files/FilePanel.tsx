import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Popconfirm, Space, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../../shared/problems';
import {
  ACCEPTED_FILES,
  deleteFile,
  fileKeys,
  type FileView,
  formatSize,
  listFiles,
  MAX_FILE_BYTES,
  openFile,
  uploadFile,
} from './files';

export interface FilePanelProps {
  /** The parent's `…/attachments` route. */
  base: string;
  title?: string;
  /** Shows the uploader and delete buttons (the server decides anyway). */
  editable?: boolean;
  /** Form fields sent with each upload, e.g. `{ part: 'public' }` or `{ kind: 'cv' }`. */
  fields?: Record<string, string>;
  /** Which of the parent's files this panel shows. */
  filter?: (file: FileView) => boolean;
  uploadLabel?: string;
}

/** A parent's files with download links, and (when editable) an uploader with progress. */
export function FilePanel({ base, title, editable = false, fields = {}, filter, uploadLabel }: FilePanelProps) {
  const { t } = useTranslation('files');
  const { message } = App.useApp();
  const problemText = useProblemText();
  const queryClient = useQueryClient();
  const files = useQuery({ queryKey: fileKeys.list(base), queryFn: () => listFiles(base) });
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const remove = useMutation({
    mutationFn: (id: string) => deleteFile(base, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fileKeys.list(base) }),
    onError: (error) => void message.error(problemText(error)),
  });
  const download = (file: FileView) => openFile(base, file.id).catch((error) => void message.error(problemText(error)));
  const shown = (files.data ?? []).filter((file) => !filter || filter(file));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="small">
      {title && <Typography.Text strong>{title}</Typography.Text>}
      {files.isError ? (
        <Typography.Text type="danger">{problemText(files.error)}</Typography.Text>
      ) : (
        <List
          size="small"
          loading={files.isPending}
          locale={{ emptyText: t('empty') }}
          dataSource={shown}
          renderItem={(file) => (
            <List.Item
              actions={
                editable
                  ? [
                      <Popconfirm
                        key="delete"
                        title={t('confirmDelete', { name: file.filename })}
                        okText={t('delete')}
                        cancelText={t('cancel')}
                        onConfirm={() => remove.mutate(file.id)}
                      >
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('deleteNamed', { name: file.filename })}
                        />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <Space wrap size="small">
                <PaperClipOutlined aria-hidden />
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => void download(file)}>
                  {file.filename}
                </Button>
                <Typography.Text type="secondary">{formatSize(file.size)}</Typography.Text>
                {file.kind && <Tag>{t(`kind.${file.kind}`)}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {editable && (
        <Upload
          accept={ACCEPTED_FILES}
          multiple
          fileList={uploading}
          onChange={({ fileList }) => setUploading(fileList.filter((file) => file.status !== 'done'))}
          beforeUpload={(file) => {
            if (file.size <= MAX_FILE_BYTES) return true;
            void message.error(t('tooLarge', { name: file.name, max: formatSize(MAX_FILE_BYTES) }));
            return Upload.LIST_IGNORE;
          }}
          customRequest={({ file, onProgress, onSuccess, onError }) => {
            uploadFile(base, file as File, fields, (percent) => onProgress?.({ percent }))
              .then((saved) => {
                onSuccess?.(saved);
                void message.success(t('uploaded', { name: saved.filename }));
                return queryClient.invalidateQueries({ queryKey: fileKeys.list(base) });
              })
              .catch((error: Error) => {
                void message.error(problemText(error));
                onError?.(error);
              });
          }}
        >
          <Button icon={<UploadOutlined />}>{uploadLabel ?? t('upload')}</Button>
        </Upload>
      )}
      {editable && <Typography.Text type="secondary">{t('hint', { max: formatSize(MAX_FILE_BYTES) })}</Typography.Text>}
    </Space>
  );
}

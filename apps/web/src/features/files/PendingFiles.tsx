import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCEPTED_FILES, type FileView, formatSize, MAX_FILE_BYTES, uploadFile } from './files';

export interface PendingFiles {
  picked: UploadFile[];
  setPicked: (update: (list: UploadFile[]) => UploadFile[]) => void;
  /**
   * Uploads every picked file to `base` (a parent's `…/attachments` route), one after another with
   * progress; a failed file is marked and passed to `onFailure`, the others still go.
   */
  uploadTo: (base: string, onFailure: (file: UploadFile, error: unknown) => void) => Promise<FileView[]>;
}

/** Files picked before their parent exists (a conversion, a message), uploaded once it is saved. */
export function usePendingFiles(): PendingFiles {
  const [picked, setPicked] = useState<UploadFile[]>([]);
  const patch = (uid: string, change: Partial<UploadFile>) =>
    setPicked((list) => list.map((file) => (file.uid === uid ? { ...file, ...change } : file)));
  const uploadTo: PendingFiles['uploadTo'] = async (base, onFailure) => {
    const stored: FileView[] = [];
    for (const file of picked) {
      patch(file.uid, { status: 'uploading', percent: 0 });
      try {
        stored.push(await uploadFile(base, file.originFileObj as File, {}, (percent) => patch(file.uid, { percent })));
        patch(file.uid, { status: 'done', percent: 100 });
      } catch (error) {
        patch(file.uid, { status: 'error' });
        onFailure(file, error);
      }
    }
    return stored;
  };
  return { picked, setPicked, uploadTo };
}

/** The picker of pending files: refuses a file over the size limit before a byte is sent. */
export function PendingFilesPicker({
  pending,
  label,
  disabled,
}: {
  pending: PendingFiles;
  label: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation('files');
  const { message } = App.useApp();
  return (
    <Upload
      accept={ACCEPTED_FILES}
      multiple
      fileList={pending.picked}
      beforeUpload={(file) => {
        if (file.size > MAX_FILE_BYTES) {
          void message.error(t('tooLarge', { name: file.name, max: formatSize(MAX_FILE_BYTES) }));
          return Upload.LIST_IGNORE;
        }
        pending.setPicked((list) => [...list, { uid: file.uid, name: file.name, originFileObj: file }]);
        return false;
      }}
      onRemove={(file) => pending.setPicked((list) => list.filter((chosen) => chosen.uid !== file.uid))}
    >
      <Button icon={<UploadOutlined />} disabled={disabled}>
        {label}
      </Button>
    </Upload>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import type { Schema } from '../../api/types';
import { ProblemForm } from '../../shared/ProblemForm';
import { useFormFailure, useProblemText } from '../../shared/problems';
import { submitOnCtrlEnter } from '../../shared/submitOnCtrlEnter';
import { formatSize, MAX_FILE_BYTES } from '../files/files';
import { PendingFilesPicker, usePendingFiles } from '../files/PendingFiles';
import { engagementKeys, mergeMessages, messageFiles, postThreadMessage, type Thread } from './queries';

type MessageFile = Schema<'MatchingAttachmentView'>;

const MESSAGE_MAX = 4000;

/** Writes a message to the thread, with files attached once it is posted. */
export function ThreadComposer({ engagementId }: { engagementId: string }) {
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
      const posted = await postThreadMessage(engagementId, body);
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
      queryClient.setQueryData<Thread>(engagementKeys.thread(engagementId), (old) =>
        old ? { ...old, items: mergeMessages(old.items, [posted]) } : old,
      );
      void queryClient.invalidateQueries({ queryKey: engagementKeys.thread(engagementId) });
    },
    onError: (error) => {
      showFailure(form, error);
      // The work may have ended meanwhile: show the engagement and its thread as they are now.
      if (error instanceof ApiError && error.code === 'THREAD_READ_ONLY') {
        void queryClient.invalidateQueries({ queryKey: engagementKeys.detail(engagementId) });
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

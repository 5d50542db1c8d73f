import { useMutation } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/problem';
import { translateKey } from '../../../i18n';
import { useFormFailure } from '../../../shared/problems';
import { type Batch, createBatch } from '../queries';
import { ProblemForm } from '../../../shared/ProblemForm';

interface BatchValues {
  title: string;
  releaseDate: Dayjs;
  venue: string;
  defaultBidDeadline: Dayjs;
}

interface CreateBatchModalProps {
  onClose: () => void;
  onCreated: (batch: Batch) => void;
}

/** A new draft batch (榜单) for a release event (发布会). */
export function CreateBatchModal({ onClose, onCreated }: CreateBatchModalProps) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BatchValues>();
  const showFailure = useFormFailure();
  const create = useMutation({
    mutationFn: (values: BatchValues) =>
      createBatch({
        title: values.title.trim(),
        releaseDate: values.releaseDate.format('YYYY-MM-DD'),
        venue: values.venue.trim(),
        defaultBidDeadline: values.defaultBidDeadline.toISOString(),
      }),
    onSuccess: (batch) => {
      void message.success(t('batches.created', { title: batch.title }));
      onCreated(batch);
    },
    onError: (error) => {
      // A taken title is a problem of the title field, though the server reports it for the whole request.
      if (error instanceof ApiError && error.code === 'BATCH_TITLE_TAKEN') {
        form.setFields([{ name: 'title', errors: [translateKey('problems:BATCH_TITLE_TAKEN')] }]);
        return;
      }
      showFailure(form, error);
    },
  });

  return (
    <Modal
      open
      title={t('batches.create')}
      okText={t('batches.form.submit')}
      okButtonProps={{ loading: create.isPending }}
      cancelText={common('action.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemForm form={form} layout="vertical" onFinish={(values) => create.mutate(values)}>
        <Form.Item
          name="title"
          label={t('batches.form.title')}
          rules={[
            { required: true, whitespace: true, message: t('batches.form.required') },
            { min: 4, max: 100, message: t('batches.form.titleLength') },
          ]}
        >
          <Input placeholder={t('batches.form.titlePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="releaseDate"
          label={t('batches.form.releaseDate')}
          rules={[{ required: true, message: t('batches.form.required') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="venue"
          label={t('batches.form.venue')}
          rules={[
            { required: true, whitespace: true, message: t('batches.form.required') },
            { min: 2, max: 100, message: t('batches.form.venueLength') },
          ]}
        >
          <Input placeholder={t('batches.form.venuePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="defaultBidDeadline"
          label={t('batches.form.deadline')}
          extra={t('batches.form.deadlineHelp')}
          rules={[
            { required: true, message: t('batches.form.required') },
            {
              validator: (_, value?: Dayjs) =>
                !value || value.isAfter(dayjs())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('batches.form.deadlinePast'))),
            },
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(day) => day.isBefore(dayjs(), 'day')}
          />
        </Form.Item>
      </ProblemForm>
    </Modal>
  );
}

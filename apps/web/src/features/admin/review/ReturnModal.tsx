import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormFailure } from '../../../shared/problems';
import { type DemandFull, returnDemand } from '../queries';
import { ProblemForm } from '../../../shared/ProblemForm';

const MAX_REASONS = 10;

interface ReturnModalProps {
  demand: DemandFull;
  onClose: () => void;
  onReturned: () => void;
}

/** 退回: the owner gets the reasons, one per field, and may resubmit after changing the need. */
export function ReturnModal({ demand, onClose, onReturned }: ReturnModalProps) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reasons: string[] }>();
  const showFailure = useFormFailure();
  const submit = useMutation({
    mutationFn: (reasons: string[]) => returnDemand(demand.id, reasons),
    onSuccess: () => {
      void message.success(t('review.returned', { title: demand.title }));
      onReturned();
    },
    onError: (error) => {
      showFailure(form, error);
    },
  });

  return (
    <Modal
      open
      title={t('review.returnModal.title', { title: demand.title })}
      okText={t('review.returnModal.submit')}
      okButtonProps={{ loading: submit.isPending }}
      cancelText={common('action.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph>{t('review.returnModal.hint')}</Typography.Paragraph>
      <ProblemForm
        form={form}
        layout="vertical"
        initialValues={{ reasons: [''] }}
        onFinish={(values) => submit.mutate(values.reasons.map((reason) => reason.trim()))}
      >
        <Form.List name="reasons">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item
                    name={field.name}
                    label={t('review.returnModal.reason', { index: index + 1 })}
                    style={{ flex: 1 }}
                    rules={[
                      { required: true, whitespace: true, message: t('review.returnModal.required') },
                      { min: 2, max: 300, message: t('review.returnModal.length') },
                    ]}
                  >
                    <Input.TextArea autoSize={{ minRows: 2 }} placeholder={t('review.returnModal.placeholder')} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('review.returnModal.remove', { index: index + 1 })}
                      style={{ marginTop: 30 }}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </Flex>
              ))}
              {fields.length < MAX_REASONS && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                  {t('review.returnModal.add')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </ProblemForm>
    </Modal>
  );
}

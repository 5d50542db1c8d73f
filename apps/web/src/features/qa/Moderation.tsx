import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormFailure, useProblemText } from '../../shared/problems';
import { type Question, useHide, useUnhide } from './queries';

const REASON_MAX = 300;

/** The office hides an improper question (with a reason) or shows it again. */
export function Moderation({ demandId, question }: { demandId: string; question: Question }) {
  const { t } = useTranslation('qa');
  const { t: common } = useTranslation();
  const { message } = App.useApp();
  const problemText = useProblemText();
  const showFailure = useFormFailure();
  const [form] = Form.useForm<{ reason: string }>();
  const [hiding, setHiding] = useState(false);
  const hide = useHide(demandId);
  const unhide = useUnhide(demandId);
  if (question.hidden) {
    return (
      <Button
        size="small"
        style={{ marginTop: 8 }}
        loading={unhide.isPending}
        onClick={() =>
          unhide.mutate(question.id, {
            onSuccess: () => void message.success(t('unhidden')),
            onError: (error) => void message.error(problemText(error)),
          })
        }
      >
        {t('unhide')}
      </Button>
    );
  }
  return (
    <>
      <Button size="small" danger style={{ marginTop: 8 }} onClick={() => setHiding(true)}>
        {t('hide')}
      </Button>
      <Modal
        open={hiding}
        title={t('hideTitle')}
        okText={t('hide')}
        okButtonProps={{ danger: true, loading: hide.isPending }}
        cancelText={common('action.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setHiding(false)}
        destroyOnHidden
      >
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{question.question}</Typography.Paragraph>
        <Form
          form={form}
          name={`hide-${question.id}`}
          layout="vertical"
          onFinish={(values) =>
            hide.mutate(
              { questionId: question.id, reason: values.reason.trim() },
              {
                onSuccess: () => {
                  setHiding(false);
                  void message.success(t('hiddenDone'));
                },
                onError: (error) => showFailure(form, error),
              },
            )
          }
        >
          <Form.Item
            name="reason"
            label={t('reasonLabel')}
            rules={[
              { required: true, whitespace: true, message: t('required') },
              { min: 2, max: REASON_MAX, message: t('reasonLength', { min: 2, max: REASON_MAX }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} showCount maxLength={REASON_MAX} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormFailure } from '../../shared/problems';
import { type Question, useAnswer } from './queries';

const ANSWER_MAX = 2000;

/** The owner's answer to an open question; it is published with the question. */
export function AnswerForm({ demandId, question }: { demandId: string; question: Question }) {
  const { t } = useTranslation('qa');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answer: string }>();
  const showFailure = useFormFailure();
  const answer = useAnswer(demandId);
  return (
    <Form
      form={form}
      // Each question's form names its fields apart: one page holds many answer forms.
      name={`answer-${question.id}`}
      layout="vertical"
      style={{ marginTop: 8 }}
      onFinish={(values) =>
        answer.mutate(
          { questionId: question.id, answer: values.answer.trim() },
          {
            onSuccess: () => void message.success(t('answered')),
            onError: (error) => showFailure(form, error),
          },
        )
      }
    >
      <Form.Item
        name="answer"
        label={t('answerLabel')}
        extra={t('answerHint')}
        rules={[
          { required: true, whitespace: true, message: t('required') },
          { min: 2, max: ANSWER_MAX, message: t('answerLength', { min: 2, max: ANSWER_MAX }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2 }} showCount maxLength={ANSWER_MAX} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={answer.isPending}>
        {t('answer')}
      </Button>
    </Form>
  );
}

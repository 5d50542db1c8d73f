import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../api/session';
import { useFormFailure } from '../../shared/problems';
import { LINK } from '../hall/tone';
import { useAsk } from './queries';

const QUESTION_MAX = 1000;

/** The ask form for a team while bidding is open; otherwise why one cannot ask. */
export function AskArea({ demandId, status, mayAsk }: { demandId: string; status: string; mayAsk: boolean }) {
  const { t } = useTranslation('qa');
  const session = useSession();
  const open = status === 'published';
  if (mayAsk) return <AskForm demandId={demandId} />;
  if (!open) return <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('closed')} />;
  if (!session) {
    return (
      <Typography.Paragraph>
        <Link to="/login" style={{ color: LINK }}>
          {t('signInToAsk')}
        </Link>
      </Typography.Paragraph>
    );
  }
  return null;
}

function AskForm({ demandId }: { demandId: string }) {
  const { t } = useTranslation('qa');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ question: string }>();
  const showFailure = useFormFailure();
  const ask = useAsk(demandId);
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ marginBottom: 24 }}
      onFinish={(values) =>
        ask.mutate(values.question.trim(), {
          onSuccess: () => {
            form.resetFields();
            void message.success(t('asked'));
          },
          onError: (error) => showFailure(form, error),
        })
      }
    >
      <Form.Item
        name="question"
        label={t('askLabel')}
        extra={t('askHint')}
        rules={[
          { required: true, whitespace: true, message: t('required') },
          { min: 5, max: QUESTION_MAX, message: t('questionLength', { min: 5, max: QUESTION_MAX }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3 }} showCount maxLength={QUESTION_MAX} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={ask.isPending}>
        {t('ask')}
      </Button>
    </Form>
  );
}

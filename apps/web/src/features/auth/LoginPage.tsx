import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Schema } from '../../api/types';
import { useFormFailure } from '../../shared/problems';
import { authenticate } from './queries';
import { useSignIn } from './useSignIn';

export function LoginPage() {
  const { t } = useTranslation('auth');
  const [form] = Form.useForm<Schema<'LoginDto'>>();
  const showFailure = useFormFailure();
  const signIn = useSignIn();
  const login = useMutation({
    mutationFn: authenticate,
    onSuccess: signIn,
    onError: (error) => {
      showFailure(form, error);
    },
  });

  return (
    <Card style={{ maxWidth: 420, margin: '48px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('login.title')}
      </Typography.Title>
      <Form form={form} layout="vertical" onFinish={(values) => login.mutate(values)} requiredMark={false}>
        <Form.Item name="email" label={t('login.email')} rules={[{ required: true, type: 'email' }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        {t('login.noAccount')}{' '}
        <Link className="inline-link" to="/register">
          {t('login.register')}
        </Link>
      </Typography.Paragraph>
      <Alert type="info" showIcon title={t('login.demo')} />
    </Card>
  );
}

import { ORGANISATION_KINDS_BY_ROLE, SELF_REGISTERED_ROLES, type SelfRegisteredRole } from '@jiebang/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Schema } from '../../api/types';
import { useFormFailure } from '../../shared/problems';
import { useVocabulary } from '../../shared/vocabulary';
import { authenticate, registerAccount } from './queries';
import { useSignIn } from './useSignIn';
import { ProblemForm } from '../../shared/ProblemForm';

interface RegisterForm {
  email: string;
  password: string;
  displayName: string;
  role: SelfRegisteredRole;
  mode: 'create' | 'join';
  organisation?: Schema<'NewOrganisationDto'>;
  joinCode?: string;
}

export function RegisterPage() {
  const { t } = useTranslation('auth');
  const { options } = useVocabulary();
  const [form] = Form.useForm<RegisterForm>();
  const role = Form.useWatch('role', form) ?? 'enterprise';
  const mode = Form.useWatch('mode', form) ?? 'create';
  const showFailure = useFormFailure();
  const signIn = useSignIn();
  const register = useMutation({
    mutationFn: async ({ mode: chosen, organisation, joinCode, ...account }: RegisterForm) => {
      const body: Schema<'RegisterDto'> =
        chosen === 'create' ? { ...account, organisation } : { ...account, joinCode: joinCode ?? '' };
      await registerAccount(body);
      return authenticate({ email: account.email, password: account.password });
    },
    onSuccess: signIn,
    onError: (error) => {
      showFailure(form, error);
    },
  });

  return (
    <Card style={{ maxWidth: 520, margin: '32px auto' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('register.title')}
      </Typography.Title>
      <ProblemForm
        form={form}
        layout="vertical"
        initialValues={{ role: 'enterprise', mode: 'create', organisation: { kind: 'enterprise' } }}
        onFinish={(values) => register.mutate(values)}
      >
        <Form.Item name="role" label={t('register.role')}>
          <Radio.Group
            options={options('role', SELF_REGISTERED_ROLES)}
            onChange={(event) =>
              form.setFieldValue(
                ['organisation', 'kind'],
                ORGANISATION_KINDS_BY_ROLE[event.target.value as SelfRegisteredRole][0],
              )
            }
          />
        </Form.Item>
        <Form.Item name="displayName" label={t('register.displayName')} rules={[{ required: true, max: 50 }]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="email" label={t('login.email')} rules={[{ required: true, type: 'email' }]}>
          <Input autoComplete="email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          extra={t('register.passwordHint')}
          rules={[{ required: true, min: 10, max: 128 }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="mode" label={t('register.organisationMode')}>
          <Radio.Group
            options={[
              { value: 'create', label: t('register.createOrganisation') },
              { value: 'join', label: t('register.joinOrganisation') },
            ]}
          />
        </Form.Item>
        {mode === 'create' ? (
          <>
            <Form.Item
              name={['organisation', 'name']}
              label={t('register.organisationName')}
              rules={[{ required: true, min: 2, max: 100 }]}
            >
              <Input autoComplete="organization" />
            </Form.Item>
            <Form.Item name={['organisation', 'kind']} label={t('register.organisationKind')}>
              <Select options={options('organisationKind', ORGANISATION_KINDS_BY_ROLE[role])} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="joinCode" label={t('register.joinCode')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={register.isPending}>
          {t('register.submit')}
        </Button>
      </ProblemForm>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        {t('register.haveAccount')}{' '}
        <Link className="inline-link" to="/login">
          {t('login.submit')}
        </Link>
      </Typography.Paragraph>
    </Card>
  );
}

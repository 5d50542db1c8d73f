import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Schema } from '../../../api/types';
import { formatDateTime } from '../../../shared/format';
import { useVocabulary } from '../../../shared/vocabulary';
import { useTeamProblems } from '../problems';
import { saveProfile, teamKeys } from '../queries';
import { ProblemForm } from '../../../shared/ProblemForm';

type Profile = Schema<'TeamProfileView'>;
type ProfileValues = Schema<'TeamProfileDto'>;

const EMPTY: ProfileValues = { summary: '', researchFields: [], keywords: [], members: [], visible: true };

export function ProfileForm({ profile }: { profile: Profile | null }) {
  const { t } = useTranslation('team');
  const { message } = App.useApp();
  const { options } = useVocabulary();
  const queryClient = useQueryClient();
  const problems = useTeamProblems();
  const [form] = Form.useForm<ProfileValues>();
  const [problem, setProblem] = useState<string | null>(null);
  // Research fields are free text; the industries only suggest common ones.
  const fieldSuggestions = options('industry').map((option) => ({ value: option.label, label: option.label }));
  /** Tags of 1–max characters each, at most `count` of them. */
  const tagRules = (count: number, max: number) => [
    { required: true, type: 'array' as const, min: 1, message: t('profile.required') },
    { type: 'array' as const, max: count, message: t('profile.tagsCount', { count }) },
    {
      validator: (_: unknown, tags?: string[]) =>
        tags?.some((tag) => tag.trim().length === 0 || tag.length > max)
          ? Promise.reject(new Error(t('profile.tagLength', { max })))
          : Promise.resolve(),
    },
  ];

  const save = useMutation({
    mutationFn: saveProfile,
    onSuccess: (saved) => {
      setProblem(null);
      queryClient.setQueryData(teamKeys.profile, saved);
      void queryClient.invalidateQueries({ queryKey: teamKeys.allSuggestions });
      void message.success(t('profile.saved'));
    },
    onError: (error) => {
      const text = problems.formText(form, error);
      setProblem(text);
      void message.error(text);
    },
  });

  const initialValues: ProfileValues = profile
    ? {
        summary: profile.summary,
        researchFields: profile.researchFields,
        keywords: profile.keywords,
        members: profile.members,
        visible: profile.visible,
      }
    : EMPTY;

  return (
    <Card
      title={t('profile.basics')}
      extra={
        profile && (
          <Typography.Text type="secondary">
            {t('profile.updatedAt', { at: formatDateTime(profile.updatedAt) })}
          </Typography.Text>
        )
      }
    >
      {!profile && <Alert type="info" showIcon title={t('profile.createHint')} style={{ marginBottom: 16 }} />}
      <ProblemForm
        form={form}
        layout="vertical"
        initialValues={initialValues}
        disabled={save.isPending}
        scrollToFirstError
        onFinish={(values) => save.mutate(values)}
      >
        {profile?.name && (
          <Form.Item label={t('profile.name')}>
            <Typography.Text strong>{profile.name}</Typography.Text>
          </Form.Item>
        )}
        <Form.Item
          label={t('profile.summary')}
          name="summary"
          rules={[
            { required: true, whitespace: true, message: t('profile.required') },
            { min: 10, max: 1000, message: t('profile.length', { min: 10, max: 1000 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item
          label={t('profile.researchFields')}
          name="researchFields"
          extra={t('profile.researchFieldsHint')}
          rules={tagRules(10, 30)}
        >
          <Select mode="tags" options={fieldSuggestions} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Form.Item
          label={t('profile.keywords')}
          name="keywords"
          extra={t('profile.keywordsHint')}
          rules={tagRules(20, 20)}
        >
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、', ' ']} />
        </Form.Item>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('profile.members')}
        </Typography.Title>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row key={field.key} gutter={12} align="bottom">
                  <Col xs={24} md={6}>
                    <Form.Item
                      label={t('profile.memberName', { index: index + 1 })}
                      name={[field.name, 'name']}
                      rules={[
                        { required: true, whitespace: true, max: 30, message: t('profile.lengthMax', { max: 30 }) },
                      ]}
                    >
                      <Input maxLength={30} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item
                      label={t('profile.memberTitle')}
                      name={[field.name, 'title']}
                      rules={[
                        { required: true, whitespace: true, max: 30, message: t('profile.lengthMax', { max: 30 }) },
                      ]}
                    >
                      <Input maxLength={30} />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={10}>
                    <Form.Item
                      label={t('profile.memberExpertise')}
                      name={[field.name, 'expertise']}
                      rules={[
                        { required: true, whitespace: true, max: 60, message: t('profile.lengthMax', { max: 60 }) },
                      ]}
                    >
                      <Input maxLength={60} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2}>
                    <Form.Item>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('profile.removeMember', { index: index + 1 })}
                        onClick={() => remove(field.name)}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              {fields.length < 30 && (
                <Form.Item>
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ name: '', title: '', expertise: '' })}
                  >
                    {t('profile.addMember')}
                  </Button>
                </Form.Item>
              )}
            </>
          )}
        </Form.List>
        <Form.Item label={t('profile.visible')} name="visible" valuePropName="checked" extra={t('profile.visibleHint')}>
          <Switch />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {profile ? t('profile.save') : t('profile.create')}
        </Button>
      </ProblemForm>
    </Card>
  );
}

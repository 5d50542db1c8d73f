import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Schema } from '../../../api/types';
import { useVocabulary } from '../../../shared/vocabulary';
import { useTeamProblems } from '../problems';
import { addAchievement, teamKeys } from '../queries';
import { ProblemForm } from '../../../shared/ProblemForm';

type AchievementValues = Schema<'AchievementDto'>;

const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Adds one achievement; a refused one keeps its typed values for correction. */
export function AchievementModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('team');
  const { t: common } = useTranslation();
  const { message } = App.useApp();
  const { options } = useVocabulary();
  const queryClient = useQueryClient();
  const problems = useTeamProblems();
  const [form] = Form.useForm<AchievementValues>();
  const [problem, setProblem] = useState<string | null>(null);

  const add = useMutation({
    mutationFn: addAchievement,
    onSuccess: (saved) => {
      queryClient.setQueryData(teamKeys.profile, saved);
      void message.success(t('achievements.added'));
      setProblem(null);
      form.resetFields();
      onClose();
    },
    onError: (error) => setProblem(problems.formText(form, error)),
  });

  return (
    <Modal
      open={open}
      title={t('achievements.add')}
      okText={common('action.save')}
      cancelText={common('action.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
      forceRender
    >
      <ProblemForm
        form={form}
        layout="vertical"
        initialValues={{ year: new Date().getFullYear(), patents: [] }}
        onFinish={(values) => add.mutate({ ...values, patents: values.patents ?? [] })}
      >
        <Form.Item
          label={t('achievements.fields.title')}
          name="title"
          rules={[
            { required: true, whitespace: true, message: t('profile.required') },
            { min: 4, max: 100, message: t('profile.length', { min: 4, max: 100 }) },
          ]}
        >
          <Input maxLength={100} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('achievements.fields.year')}
              name="year"
              rules={[{ required: true, message: t('profile.required') }]}
            >
              <InputNumber min={1950} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('achievements.fields.trl')}
              name="trl"
              rules={[{ required: true, message: t('profile.required') }]}
              extra={t('achievements.trlHint')}
            >
              <Select options={TRL_LEVELS.map((level) => ({ value: level, label: `TRL ${level}` }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('achievements.fields.industry')} name="industry">
              <Select allowClear options={options('industry')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label={t('achievements.fields.patents')}
          name="patents"
          extra={t('achievements.patentsHint')}
          rules={[
            {
              validator: (_, patents?: string[]) =>
                patents?.some((patent) => patent.length > 40)
                  ? Promise.reject(new Error(t('profile.tagLength', { max: 40 })))
                  : Promise.resolve(),
            },
          ]}
        >
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ', '、']} />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} role="alert" />}
      </ProblemForm>
    </Modal>
  );
}

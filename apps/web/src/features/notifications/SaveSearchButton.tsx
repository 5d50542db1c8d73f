import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { useFormFailure } from '../../shared/problems';
import type { HallFilters } from '../hall/searchParams';
import { useSubscribe } from './queries';
import { ProblemForm } from '../../shared/ProblemForm';

/** What a saved search keeps of the hall's filters: the words and the facets. */
export type SavableSearch = Pick<HallFilters, 'q' | 'industry' | 'district' | 'cooperationMode'>;

/** 保存搜索: the hall's current words and facets become an alert. Signed-in users only. */
export function SaveSearchButton({ filters }: { filters: SavableSearch }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formFailure = useFormFailure();
  const session = useSession();
  const subscribe = useSubscribe();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  if (!session) return null;

  const save = async ({ name }: { name: string }) => {
    try {
      await subscribe.mutateAsync({
        kind: 'search',
        name,
        query: filters.q,
        industries: filters.industry,
        districts: filters.district,
        cooperationModes: filters.cooperationMode,
      });
      setOpen(false);
      void message.success(t('alerts.saveSearchDone'));
    } catch (error) {
      formFailure(form, error);
    }
  };

  return (
    <>
      <Button
        icon={<SaveOutlined />}
        onClick={() => {
          form.setFieldsValue({ name: filters.q.slice(0, 40) });
          setOpen(true);
        }}
      >
        {t('alerts.saveSearch')}
      </Button>
      <Modal
        title={t('alerts.saveSearchTitle')}
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={subscribe.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('alerts.saveSearchHint')}</Typography.Paragraph>
        <ProblemForm form={form} layout="vertical" onFinish={(values) => void save(values)}>
          <Form.Item name="name" label={t('alerts.saveSearchName')} rules={[{ required: true, max: 40 }]}>
            <Input maxLength={40} />
          </Form.Item>
        </ProblemForm>
      </Modal>
    </>
  );
}

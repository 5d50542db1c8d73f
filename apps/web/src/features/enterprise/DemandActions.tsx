import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useFormFailure, useProblemText } from '../../shared/problems';
import {
  BIDDING_STATUSES,
  type DemandFull,
  demandKeys,
  EDITABLE_STATUSES,
  submitDemand,
  WITHDRAWABLE_STATUSES,
  withdrawDemand,
} from './queries';
import { ProblemForm } from '../../shared/ProblemForm';

const REASON = { min: 2, max: 300 };

function useRefreshDemand() {
  const queryClient = useQueryClient();
  return (demand: DemandFull) => {
    queryClient.setQueryData(demandKeys.detail(demand.id), demand);
    void queryClient.invalidateQueries({ queryKey: demandKeys.history(demand.id) });
    void queryClient.invalidateQueries({ queryKey: demandKeys.all });
  };
}

/** Edit, submit and withdraw, each offered only in the statuses the lifecycle allows. */
export function DemandActions({ demand }: { demand: DemandFull }) {
  const { t } = useTranslation('enterprise');
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const problemText = useProblemText();
  const refresh = useRefreshDemand();
  const [withdrawing, setWithdrawing] = useState(false);
  const editable = EDITABLE_STATUSES.includes(demand.status);

  const submit = useMutation({
    mutationFn: () => submitDemand(demand.id),
    onSuccess: (result) => {
      refresh(result);
      void message.success(t('editor.submitted'));
    },
    onError: (error) => void message.error(problemText(error)),
  });

  return (
    <Space wrap>
      {editable && (
        <Button onClick={() => void navigate(`/enterprise/demands/${demand.id}/edit`)}>{t('actions.edit')}</Button>
      )}
      {editable && (
        <Button
          type="primary"
          loading={submit.isPending}
          onClick={() =>
            void modal.confirm({
              title: t('actions.submitConfirm'),
              content: t('actions.submitHint'),
              okText: t('editor.submit'),
              onOk: () => submit.mutateAsync().catch(() => undefined),
            })
          }
        >
          {t('editor.submit')}
        </Button>
      )}
      {BIDDING_STATUSES.includes(demand.status) && <Link to={`/demands/${demand.id}`}>{t('actions.public')}</Link>}
      {WITHDRAWABLE_STATUSES.includes(demand.status) && (
        <Button danger onClick={() => setWithdrawing(true)}>
          {t('actions.withdraw')}
        </Button>
      )}
      <WithdrawModal demand={demand} open={withdrawing} onClose={() => setWithdrawing(false)} />
    </Space>
  );
}

function WithdrawModal({ demand, open, onClose }: { demand: DemandFull; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('enterprise');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const showFailure = useFormFailure();
  const refresh = useRefreshDemand();
  const withdraw = useMutation({
    mutationFn: (reason: string) => withdrawDemand(demand.id, reason),
    onSuccess: (result) => {
      refresh(result);
      void message.success(t('actions.withdrawn'));
      form.resetFields();
      onClose();
    },
    onError: (error) => {
      showFailure(form, error);
    },
  });

  return (
    <Modal
      open={open}
      title={t('actions.withdrawTitle')}
      okText={t('actions.withdraw')}
      okButtonProps={{ danger: true, loading: withdraw.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ProblemForm
        name="withdraw"
        form={form}
        layout="vertical"
        onFinish={(values) => withdraw.mutate(values.reason.trim())}
      >
        <Form.Item
          name="reason"
          label={t('actions.withdrawReason')}
          extra={t('actions.withdrawHint')}
          rules={[
            { required: true, whitespace: true, message: t('rules.required') },
            { min: REASON.min, max: REASON.max, message: t('rules.length', REASON) },
          ]}
        >
          <Input.TextArea rows={3} showCount maxLength={REASON.max} />
        </Form.Item>
      </ProblemForm>
    </Modal>
  );
}

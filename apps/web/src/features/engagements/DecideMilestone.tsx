import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/types';
import { useFormFailure, useProblemText } from '../../shared/problems';
import { acceptMilestone, engagementKeys, rejectMilestone, useUpdateEngagement } from './queries';

type Milestone = Schema<'MilestoneView'>;

const REASON = { min: 5, max: 1000 };

/** The need's owner accepts a submitted milestone or rejects it with a reason. */
export function DecideMilestone({ engagementId, milestone }: { engagementId: string; milestone: Milestone }) {
  const { t } = useTranslation('engagement');
  const { message, modal } = App.useApp();
  const problemText = useProblemText();
  const showFailure = useFormFailure();
  const queryClient = useQueryClient();
  const update = useUpdateEngagement(engagementId);
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<Schema<'RejectMilestoneDto'>>();
  const path = { id: engagementId, milestoneId: milestone.id };

  const accept = useMutation({
    mutationFn: () => acceptMilestone(path),
    onSuccess: (engagement) => {
      update(engagement);
      void message.success(t('decide.accepted'));
    },
    onError: (error) => {
      void message.error(problemText(error));
      // The milestone may have moved on meanwhile: show where it stands now.
      void queryClient.invalidateQueries({ queryKey: engagementKeys.detail(engagementId) });
    },
  });
  const reject = useMutation({
    mutationFn: (body: Schema<'RejectMilestoneDto'>) => rejectMilestone(path, body),
    onSuccess: (engagement) => {
      update(engagement);
      void message.success(t('decide.rejected'));
      setRejecting(false);
    },
    onError: (error) => {
      showFailure(form, error);
    },
  });

  return (
    <Flex gap={8} wrap>
      <Button
        type="primary"
        loading={accept.isPending}
        onClick={() =>
          void modal.confirm({
            title: t('decide.acceptConfirm', { seq: milestone.seq, title: milestone.title }),
            content: t('decide.acceptHint', { share: milestone.paymentShare }),
            okText: t('decide.accept'),
            onOk: () => accept.mutateAsync().catch(() => undefined),
          })
        }
      >
        {t('decide.accept')}
      </Button>
      <Button autoInsertSpace={false} danger onClick={() => setRejecting(true)}>
        {t('decide.reject')}
      </Button>
      <Modal
        open={rejecting}
        title={t('decide.rejectTitle', { seq: milestone.seq, title: milestone.title })}
        okText={t('decide.reject')}
        okButtonProps={{ danger: true, loading: reject.isPending, autoInsertSpace: false }}
        onOk={() => form.submit()}
        onCancel={() => setRejecting(false)}
      >
        <Form
          name="rejectMilestone"
          form={form}
          layout="vertical"
          onFinish={(values) => reject.mutate({ reason: values.reason.trim() })}
        >
          <Form.Item
            name="reason"
            label={t('decide.reason')}
            extra={t('decide.reasonHelp')}
            rules={[
              { required: true, whitespace: true, message: t('rules.required') },
              { min: REASON.min, max: REASON.max, message: t('rules.length', REASON) },
            ]}
          >
            <Input.TextArea rows={4} showCount maxLength={REASON.max} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}

import { EVALUATION_CRITERIA } from '@jiebang/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/types';
import { useFormFailure } from '../../shared/problems';
import { useVocabulary } from '../../shared/vocabulary';
import { demandKeys, reviewKeys, scoreBid } from './queries';
import { ProblemForm } from '../../shared/ProblemForm';

type Score = Schema<'ScoreDto'>;
const COMMENT_MAX = 1000;

interface ScoreBidModalProps {
  demandId: string;
  bid: Schema<'BidView'> | null;
  onClose: () => void;
}

/** The owner's own score of one bid, 0–100 per criterion; scoring again replaces it. */
export function ScoreBidModal({ demandId, bid, onClose }: ScoreBidModalProps) {
  const { t } = useTranslation('enterprise');
  const { label } = useVocabulary();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showFailure = useFormFailure();
  const [form] = Form.useForm<Score>();
  const score = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Score }) => scoreBid(id, body),
    onSuccess: (shortlist) => {
      queryClient.setQueryData(demandKeys.shortlist(demandId), shortlist);
      // A reviewer's progress (their list, the owner's reviewer card) counts this score.
      void queryClient.invalidateQueries({ queryKey: reviewKeys.assigned });
      void queryClient.invalidateQueries({ queryKey: demandKeys.reviewers(demandId) });
      void message.success(t('evaluation.scored'));
      form.resetFields();
      onClose();
    },
    onError: (error) => {
      showFailure(form, error);
    },
  });

  return (
    <Modal
      open={bid !== null}
      title={t('evaluation.scoreTitle', { team: bid?.teamName ?? '' })}
      okText={t('evaluation.saveScore')}
      okButtonProps={{ loading: score.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemForm<Score>
        name="score"
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) =>
          bid && score.mutate({ id: bid.id, body: { ...values, comment: values.comment?.trim() || undefined } })
        }
      >
        {EVALUATION_CRITERIA.map((criterion) => (
          <Form.Item
            key={criterion}
            name={criterion}
            label={t('evaluation.scoreLabel', { criterion: label('criterion', criterion) })}
            rules={[{ required: true, type: 'integer', min: 0, max: 100, message: t('rules.score') }]}
          >
            <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
          </Form.Item>
        ))}
        <Form.Item
          name="comment"
          label={t('evaluation.comment')}
          rules={[{ max: COMMENT_MAX, message: t('rules.max', { max: COMMENT_MAX }) }]}
        >
          <Input.TextArea rows={3} showCount maxLength={COMMENT_MAX} />
        </Form.Item>
      </ProblemForm>
    </Modal>
  );
}

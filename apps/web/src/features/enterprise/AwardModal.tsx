import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Checkbox, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import type { Schema } from '../../api/types';
import { useFormProblems, useProblemText } from '../../shared/problems';
import { useVocabulary } from '../../shared/vocabulary';
import { verdict } from './demandForm';
import { awardDemand, type DemandFull, demandKeys } from './queries';
import { ProblemForm } from '../../shared/ProblemForm';

type Bid = Schema<'BidView'>;
type Category = Schema<'LosingBidFeedbackDto'>['category'];

interface AwardValues {
  winners: string[];
  feedback: Record<string, { category: Category; text: string }>;
}

const FEEDBACK = { min: 5, max: 1000 };

interface AwardModalProps {
  demand: DemandFull;
  /** The submitted bids, the only ones that can win or need feedback. */
  bids: Bid[];
  shortlist: Schema<'ShortlistView'> | undefined;
  onClose: () => void;
  onAwarded: () => void;
}

/**
 * The award (挂帅): one winner, or N for 赛马, and feedback every losing team will read. The
 * server refuses a decision that leaves any submitted bid without feedback.
 */
export function AwardModal({ demand, bids, shortlist, onClose, onAwarded }: AwardModalProps) {
  const { t } = useTranslation('enterprise');
  const { t: common } = useTranslation();
  const { options } = useVocabulary();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showProblem = useFormProblems();
  const problemText = useProblemText();
  const [form] = Form.useForm<AwardValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const winners = Form.useWatch('winners', form) ?? [];
  const expected = Math.min(demand.awardLeads, bids.length);
  const ranks = new Map(shortlist?.entries.map((entry) => [entry.bidId, entry]));
  // Best ranked first, so the likely winners are at the top.
  const ordered = [...bids].sort((a, b) => (ranks.get(a.id)?.rank ?? Infinity) - (ranks.get(b.id)?.rank ?? Infinity));
  // Feedback is asked of the teams that lost, so only once the winners are picked.
  const picked = winners.length === expected;
  const losers = picked ? ordered.filter((bid) => !winners.includes(bid.id)) : [];

  const award = useMutation({
    mutationFn: (body: Schema<'AwardDto'>) => awardDemand(demand.id, body),
    onSuccess: (result) => {
      for (const key of [demandKeys.detail(demand.id), demandKeys.all])
        void queryClient.invalidateQueries({ queryKey: key });
      void message.success(t('award.done', { count: result.engagementIds.length }));
      onAwarded();
    },
    onError: (error, body) => {
      // Feedback errors index the array sent (losers only): point them at that team's fields instead.
      const mapped =
        error instanceof ApiError
          ? new ApiError(
              error.status,
              error.code,
              error.message,
              error.fieldErrors.map((field) => ({
                ...field,
                field: field.field
                  .replace(
                    /^feedback(?:\[(\d+)\]|\.(\d+))/,
                    (_, bracket?: string, dot?: string) => `feedback.${body.feedback[Number(bracket ?? dot)]?.bidId}`,
                  )
                  .replace(/^winnerBidIds.*/, 'winners'),
              })),
            )
          : error;
      showProblem(form, mapped);
      setProblem(problemText(error));
      // A bid lodged or withdrawn meanwhile changes who needs feedback.
      void queryClient.invalidateQueries({ queryKey: demandKeys.bids(demand.id) });
    },
  });

  const submit = (values: AwardValues) => {
    setProblem(null);
    award.mutate({
      winnerBidIds: values.winners,
      feedback: losers.map((bid) => ({
        bidId: bid.id,
        category: values.feedback[bid.id].category,
        text: values.feedback[bid.id].text.trim(),
      })),
    });
  };

  const describe = (bid: Bid) => {
    const entry = ranks.get(bid.id);
    const score =
      entry?.weightedTotal == null ? t('bids.unscored') : t('award.score', { score: entry.weightedTotal.toFixed(1) });
    return `${bid.teamName ?? '—'} · ${bid.budget.toLocaleString('zh-CN')} ${common('unit.wan')} · ${bid.durationMonths} ${common('unit.months')} · ${score}`;
  };

  return (
    <Modal
      open
      width={820}
      title={t('award.open')}
      okText={t('award.confirm')}
      okButtonProps={{ loading: award.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={demand.awardMode === 'parallel' ? t('award.ruleParallel', { count: expected }) : t('award.ruleSingle')}
        description={t('award.irreversible')}
      />
      {problem && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={problem} />}
      <ProblemForm<AwardValues> name="award" form={form} layout="vertical" onFinish={submit} scrollToFirstError>
        <Form.Item
          name="winners"
          label={t('award.winners', { count: expected })}
          rules={[
            {
              validator: (_, value: string[] | undefined) =>
                verdict((value?.length ?? 0) !== expected && t('award.pickExactly', { count: expected })),
            },
          ]}
          {...(expected === 1
            ? {
                getValueProps: (value: string[] | undefined) => ({ value: value?.[0] }),
                normalize: (value: string) => [value],
              }
            : {})}
        >
          {expected === 1 ? (
            <Radio.Group
              vertical
              aria-label={t('award.winners', { count: expected })}
              options={ordered.map((bid) => ({ value: bid.id, label: describe(bid) }))}
            />
          ) : (
            <Checkbox.Group
              aria-label={t('award.winners', { count: expected })}
              style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
              options={ordered.map((bid) => ({
                value: bid.id,
                label: describe(bid),
                disabled: winners.length >= expected && !winners.includes(bid.id),
              }))}
            />
          )}
        </Form.Item>
        {!picked && ordered.length > expected && (
          <Typography.Paragraph type="secondary">{t('award.pickFirst')}</Typography.Paragraph>
        )}
        {losers.length > 0 && (
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('award.feedbackTitle', { count: losers.length })}
          </Typography.Title>
        )}
        <Space orientation="vertical" style={{ width: '100%' }}>
          {losers.map((bid) => {
            const team = bid.teamName ?? '—';
            return (
              <Card key={bid.id} size="small" title={team}>
                <Form.Item
                  name={['feedback', bid.id, 'category']}
                  label={t('award.category')}
                  rules={[{ required: true, message: t('rules.required') }]}
                >
                  <Select options={options('feedbackCategory')} aria-label={t('award.categoryOf', { team })} />
                </Form.Item>
                <Form.Item
                  name={['feedback', bid.id, 'text']}
                  label={t('award.text')}
                  rules={[
                    { required: true, whitespace: true, message: t('rules.required') },
                    { min: FEEDBACK.min, max: FEEDBACK.max, message: t('rules.length', FEEDBACK) },
                  ]}
                >
                  <Input.TextArea
                    rows={2}
                    showCount
                    maxLength={FEEDBACK.max}
                    aria-label={t('award.textOf', { team })}
                    placeholder={t('award.textPlaceholder')}
                  />
                </Form.Item>
              </Card>
            );
          })}
        </Space>
      </ProblemForm>
    </Modal>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../../api/client';
import { ApiError } from '../../../api/problem';
import { type Schema } from '../../../api/types';
import { bountyRange } from '../../../shared/format';
import { useTeamProblems } from '../problems';
import { teamKeys } from '../queries';
import { BidFiles } from '../../files/BidFiles';
import { BidStatusTag } from './BidStatusTag';
import {
  type BidFormValues,
  emptyValues,
  isOpenForBids,
  toProposal,
  unsavedCopy,
  unsavedKey,
  valuesOfBid,
} from './bidValues';
import { IndicatorResponseFields } from './IndicatorResponseFields';
import { MemberFields } from './MemberFields';
import { MilestonePlanFields } from './MilestonePlanFields';
import { ProblemForm } from '../../../shared/ProblemForm';

type Bid = Schema<'BidView'>;
type Demand = Schema<'DemandPublicView'>;
type Proposal = Omit<Schema<'CreateBidDto'>, 'submit'>;

interface Save {
  proposal: Proposal;
  submit: boolean;
  /** The version the edit is based on; the one last read unless the user chose to overwrite. */
  version?: number;
}

interface BidEditorProps {
  demand: Demand;
  bid?: Bid;
  keyMembers: Schema<'KeyMemberDto'>[];
}

/** The bid form: a draft is saved whole, edited with If-Match, submitted or withdrawn; typed text is never lost. */
export function BidEditor({ demand, bid, keyMembers }: BidEditorProps) {
  const { t } = useTranslation('team');
  const { t: common } = useTranslation();
  const { t: files } = useTranslation('files');
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const problems = useTeamProblems();
  const [form] = Form.useForm<BidFormValues>();
  const indicators = demand.indicators;
  const storageKey = unsavedKey(bid?.id, demand.id);
  const [initial] = useState(() => {
    const stored = unsavedCopy.read(storageKey, indicators);
    return { values: stored ?? (bid ? valuesOfBid(bid, indicators) : emptyValues(indicators)), restored: !!stored };
  });
  const [restored, setRestored] = useState(initial.restored);
  const [version, setVersion] = useState(bid?.version);
  const [problem, setProblem] = useState<string | null>(null);
  const open = isOpenForBids(demand);
  const submitted = bid?.status === 'submitted';

  const settle = (saved: Bid) => {
    unsavedCopy.clear(storageKey);
    setRestored(false);
    setVersion(saved.version);
    queryClient.setQueryData(teamKeys.bid(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: teamKeys.bids });
  };

  const save = useMutation({
    mutationFn: async ({ proposal, submit, version: base }: Save): Promise<Bid> => {
      if (!bid) {
        return unwrap(
          api.POST('/api/v1/demands/{id}/bids', { params: { path: { id: demand.id } }, body: { ...proposal, submit } }),
        );
      }
      const saved = await unwrap(
        api.PATCH('/api/v1/bids/{id}', {
          params: { path: { id: bid.id }, header: { 'If-Match': `"${base ?? version}"` } },
          body: proposal,
        }),
      );
      settle(saved);
      if (!submit || saved.status !== 'draft') return saved;
      return unwrap(api.POST('/api/v1/bids/{id}/submit', { params: { path: { id: bid.id } } }));
    },
    onSuccess: (saved, { submit }) => {
      settle(saved);
      if (submit) {
        void message.success(t('bidForm.submitted'));
        void navigate(`/bids/${saved.id}`);
      } else if (!bid) {
        void message.success(t('bidForm.draftSaved'));
        void navigate(`/team/bids/${saved.id}/edit`, { replace: true });
      } else {
        void message.success(submitted ? t('bidForm.changesSaved') : t('bidForm.draftSaved'));
      }
    },
    onError: (error, variables) => {
      if (bid && error instanceof ApiError && error.code === 'BID_VERSION_MISMATCH') {
        offerOverwrite(bid.id, variables);
        return;
      }
      const text = problems.formText(form, error);
      setProblem(text);
      void message.error(text);
    },
  });

  const withdraw = useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/bids/{id}/withdraw', { params: { path: { id } } })),
    onSuccess: (saved) => {
      settle(saved);
      void message.success(t('bidForm.withdrawn'));
      void navigate(`/bids/${saved.id}`);
    },
    onError: (error) => {
      const text = problems.text(error);
      setProblem(text);
      void message.error(text);
    },
  });

  // Someone else saved this bid meanwhile: keep the form, and let the user decide whether theirs wins.
  const offerOverwrite = (id: string, variables: Save) => {
    const text = t('problems.BID_VERSION_MISMATCH');
    setProblem(text);
    modal.confirm({
      title: text,
      content: t('bidForm.overwrite.content'),
      okText: t('bidForm.overwrite.ok'),
      cancelText: t('bidForm.overwrite.keep'),
      onOk: async () => {
        try {
          const latest = await unwrap(api.GET('/api/v1/bids/{id}', { params: { path: { id } } }));
          save.mutate({ ...variables, version: latest.version });
        } catch (error) {
          void message.error(problems.text(error));
        }
      },
    });
  };

  const validated = async (): Promise<Proposal | null> => {
    setProblem(null);
    try {
      await form.validateFields();
    } catch (error) {
      const first = (error as { errorFields?: Array<{ name: (string | number)[] }> }).errorFields?.[0];
      if (first) form.scrollToField(first.name);
      void message.warning(common('error.fields'));
      return null;
    }
    return toProposal(form.getFieldsValue(true) as BidFormValues, indicators);
  };

  const saveDraft = async () => {
    const proposal = await validated();
    if (proposal) save.mutate({ proposal, submit: false });
  };

  const submit = async () => {
    const proposal = await validated();
    if (!proposal) return;
    if (submitted) {
      save.mutate({ proposal, submit: false });
      return;
    }
    modal.confirm({
      title: t('bidForm.confirmSubmit.title'),
      content: t('bidForm.confirmSubmit.content'),
      okText: t('bidForm.submit'),
      cancelText: common('action.cancel'),
      onOk: () => save.mutate({ proposal, submit: true }),
    });
  };

  const confirmWithdraw = (id: string) => {
    modal.confirm({
      title: t('bidForm.confirmWithdraw.title'),
      content: t('bidForm.confirmWithdraw.content'),
      okText: t('bidForm.withdraw'),
      okButtonProps: { danger: true },
      cancelText: common('action.cancel'),
      onOk: () => withdraw.mutate(id),
    });
  };

  const discardUnsaved = () => {
    unsavedCopy.clear(storageKey);
    form.setFieldsValue(bid ? valuesOfBid(bid, indicators) : emptyValues(indicators));
    setRestored(false);
  };

  const onValuesChange = (changed: Partial<BidFormValues>) => {
    unsavedCopy.write(storageKey, form.getFieldsValue(true) as BidFormValues);
    // The plan's total is a rule of the whole list: re-check it once it has been shown wrong.
    if (changed.milestones && form.getFieldError(['milestones']).length > 0) {
      void form.validateFields([['milestones']]).catch(() => undefined);
    }
  };

  const busy = save.isPending || withdraw.isPending;

  return (
    <ProblemForm
      form={form}
      layout="vertical"
      initialValues={initial.values}
      onValuesChange={onValuesChange}
      disabled={busy}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {bid && (
          <div>
            {t('bidForm.currentStatus')} <BidStatusTag bid={bid} />
          </div>
        )}
        {!open && <Alert type="error" showIcon title={t('bidForm.closed')} />}
        {restored && (
          <Alert
            type="info"
            showIcon
            title={t('bidForm.restored')}
            action={
              <Button size="small" onClick={discardUnsaved}>
                {t('bidForm.discardUnsaved')}
              </Button>
            }
          />
        )}
        <Card title={t('bidForm.sections.approach')}>
          <Form.Item
            label={t('bidForm.approach')}
            name="approach"
            extra={t('bidForm.approachHint')}
            rules={[
              { required: true, whitespace: true, message: t('bidForm.required') },
              { min: 20, max: 5000, message: t('bidForm.length', { min: 20, max: 5000 }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} maxLength={5000} showCount />
          </Form.Item>
        </Card>
        <Card title={t('bidForm.sections.indicators')}>
          <IndicatorResponseFields indicators={indicators} />
        </Card>
        <Card title={t('bidForm.sections.milestones')}>
          <MilestonePlanFields />
        </Card>
        <Card title={t('bidForm.sections.budget')}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('bidForm.budget')}
                name="budget"
                extra={t('bidForm.budgetHint', {
                  bounty: bountyRange(demand.bountyMin, demand.bountyMax, common('unit.wan')),
                })}
                rules={[
                  { required: true, message: t('bidForm.required') },
                  {
                    // Allowed, but the owner's ceiling is the first thing an evaluator compares.
                    warningOnly: true,
                    validator: (_, budget: number | null) =>
                      budget !== null && budget > demand.bountyMax
                        ? Promise.reject(new Error(t('bidForm.budgetAboveBounty', { max: demand.bountyMax })))
                        : Promise.resolve(),
                  },
                ]}
              >
                <InputNumber
                  min={0.01}
                  max={100_000}
                  precision={2}
                  suffix={common('unit.wan')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label={t('bidForm.duration')}
                name="durationMonths"
                rules={[{ required: true, message: t('bidForm.required') }]}
              >
                <InputNumber min={1} max={120} precision={0} suffix={common('unit.months')} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title={t('bidForm.sections.members')}>
          <MemberFields keyMembers={keyMembers} />
        </Card>
        <Card title={files('bid.title')}>
          {bid ? (
            <BidFiles bidId={bid.id} editable={open} />
          ) : (
            <Alert type="info" showIcon title={files('bid.afterSave')} />
          )}
        </Card>
        {problem && <Alert type="error" showIcon title={problem} role="alert" />}
        <Space wrap>
          {!submitted && (
            <Button onClick={() => void saveDraft()} loading={save.isPending} disabled={!open}>
              {common('action.saveDraft')}
            </Button>
          )}
          <Button type="primary" onClick={() => void submit()} loading={save.isPending} disabled={!open}>
            {submitted ? t('bidForm.saveChanges') : t('bidForm.submit')}
          </Button>
          {bid && (
            <Button danger onClick={() => confirmWithdraw(bid.id)} loading={withdraw.isPending}>
              {t('bidForm.withdraw')}
            </Button>
          )}
          {bid && (
            <Button type="link" onClick={() => void navigate(`/bids/${bid.id}`)}>
              {t('bidForm.viewBid')}
            </Button>
          )}
        </Space>
      </Space>
    </ProblemForm>
  );
}

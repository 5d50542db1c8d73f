import { Alert, App, Button, Card, Form, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type Schema } from '../../../api/types';
import { ProblemForm } from '../../../shared/ProblemForm';
import { BidFiles } from '../../files/BidFiles';
import { ApproachField } from './ApproachField';
import { BidStatusTag } from './BidStatusTag';
import {
  type BidFormValues,
  emptyValues,
  isOpenForBids,
  type Proposal,
  toProposal,
  unsavedCopy,
  unsavedKey,
  valuesOfBid,
} from './bidValues';
import { BudgetFields } from './BudgetFields';
import { IndicatorResponseFields } from './IndicatorResponseFields';
import { MemberFields } from './MemberFields';
import { MilestonePlanFields } from './MilestonePlanFields';
import { useBidSubmission } from './useBidSubmission';

type Bid = Schema<'BidView'>;

interface BidEditorProps {
  demand: Schema<'DemandPublicView'>;
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
  const [form] = Form.useForm<BidFormValues>();
  const indicators = demand.indicators;
  const storageKey = unsavedKey(bid?.id, demand.id);
  const [initial] = useState(() => {
    const stored = unsavedCopy.read(storageKey, indicators);
    return { values: stored ?? (bid ? valuesOfBid(bid, indicators) : emptyValues(indicators)), restored: !!stored };
  });
  const [restored, setRestored] = useState(initial.restored);
  const { save, withdraw, problem, setProblem } = useBidSubmission({
    demand,
    bid,
    form,
    onSaved: () => {
      unsavedCopy.clear(storageKey);
      setRestored(false);
    },
  });
  const open = isOpenForBids(demand);
  const submitted = bid?.status === 'submitted';

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
          <ApproachField />
        </Card>
        <Card title={t('bidForm.sections.indicators')}>
          <IndicatorResponseFields indicators={indicators} />
        </Card>
        <Card title={t('bidForm.sections.milestones')}>
          <MilestonePlanFields />
        </Card>
        <Card title={t('bidForm.sections.budget')}>
          <BudgetFields demand={demand} />
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

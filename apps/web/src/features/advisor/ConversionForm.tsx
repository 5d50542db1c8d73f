import { useMutation } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useEffectEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { Schema } from '../../api/types';
import { useFormFailure, useProblemText } from '../../shared/problems';
import { useVocabulary } from '../../shared/vocabulary';
import { AWARDED_STATUSES } from '../enterprise/queries';
import { PendingFilesPicker, usePendingFiles } from '../files/PendingFiles';
import { NeedFields } from './NeedFields';
import {
  type Demand,
  useAdvisorDemands,
  useEngagements,
  useNeedBids,
  useServedOrganisations,
  useTeams,
} from './queries';
import { DAY, engagementOfBid, type NeedValues, suggest, syncNeed, useNeedOwner } from './recordForm';
import { ProblemForm } from '../../shared/ProblemForm';

type ConversionDto = Schema<'ConversionDto'>;
type Conversion = Schema<'ConversionView'>;
type ConversionKind = ConversionDto['kind'];
type Bid = Schema<'BidView'>;

interface ConversionValues extends NeedValues {
  bidId?: string;
  engagementId?: string;
  /** Only picks the achievements and names the parties; the bid or achievement carries the team. */
  teamOrganisationId?: string;
  achievementId?: string;
  kind: ConversionKind;
  title: string;
  contractValue: number;
  signedOn: Dayjs;
  parties: string;
  evidenceRef: string;
}

/** The conversion a need's cooperation mode usually ends in. */
const KIND_OF_MODE: Record<Demand['cooperationMode'], ConversionKind> = {
  transfer: 'transfer',
  licence: 'licence',
  development: 'joint_development',
  joint_rd: 'joint_development',
  consulting: 'joint_development',
};

const TITLE_MAX = 100;

interface ConversionFormProps {
  organisationId?: string;
  /** The advisor's record to correct; a new one when absent. */
  record?: Conversion;
  onDone: () => void;
  onCancel: () => void;
}

function initialValues(organisationId: string | undefined, record: Conversion | undefined): Partial<ConversionValues> {
  if (!record) return { organisationId, kind: 'joint_development', signedOn: dayjs() };
  return {
    demandId: record.demandId ?? undefined,
    bidId: record.bidId ?? undefined,
    engagementId: record.engagementId ?? undefined,
    achievementId: record.achievementId ?? undefined,
    kind: record.kind,
    title: record.title,
    contractValue: record.contractValue,
    signedOn: dayjs(record.signedOn),
    parties: record.parties,
    evidenceRef: record.evidenceRef,
  };
}

/**
 * 记录成果转化: the contract, what it converts (a need's winning bid and engagement, or an
 * achievement) and its proof. Choosing the need suggests the rest; typed values are never overwritten.
 */
export function ConversionForm({ organisationId, record, onDone, onCancel }: ConversionFormProps) {
  const { t } = useTranslation('advisor');
  const { t: common } = useTranslation();
  const { message } = App.useApp();
  const { label, options } = useVocabulary();
  const showFailure = useFormFailure();
  const problemText = useProblemText();
  const { t: files } = useTranslation('files');
  const [form] = Form.useForm<ConversionValues>();
  // Evidence picked before the record exists; uploaded to it, with progress, once it is saved.
  const evidence = usePendingFiles();
  const demands = useAdvisorDemands();
  const organisations = useServedOrganisations();
  const teams = useTeams();
  const engagements = useEngagements();
  const demandId = Form.useWatch('demandId', form);
  const teamOrganisationId = Form.useWatch('teamOrganisationId', form);
  const bids = useNeedBids(demandId);
  useNeedOwner(form, record?.demandId, demands.data);
  // A corrected record's achievement shows under its team, which the record itself does not name.
  useEffect(() => {
    const owner = teams.data?.find((team) => team.achievements.some((item) => item.id === record?.achievementId));
    if (owner && !form.getFieldValue('teamOrganisationId'))
      form.setFieldsValue({ teamOrganisationId: owner.organisationId });
  }, [form, record, teams.data]);

  const need = (id = form.getFieldValue('demandId') as string | undefined) =>
    demands.data?.find((candidate) => candidate.id === id);

  const suggestTitle = () => {
    const current = need();
    if (!current) return;
    const kind = label('conversionKind', form.getFieldValue('kind') as ConversionKind);
    suggest(form, 'title', t('conversion.defaultTitle', { need: current.title, kind }).slice(0, TITLE_MAX));
  };

  const suggestParties = () => {
    const enterprise = organisations.data?.find((candidate) => candidate.id === form.getFieldValue('organisationId'));
    const team = teams.data?.find((candidate) => candidate.organisationId === form.getFieldValue('teamOrganisationId'));
    const names = [enterprise?.name, team?.name].filter(Boolean);
    if (names.length > 0) suggest(form, 'parties', names.join('；'));
  };

  const chooseTeam = (teamId: string | undefined) => {
    if (teamId === form.getFieldValue('teamOrganisationId')) return;
    form.setFieldsValue({ teamOrganisationId: teamId, achievementId: undefined });
    suggestParties();
  };

  const chooseBid = (bid: Bid | undefined) => {
    form.setFieldsValue({ bidId: bid?.id, engagementId: engagementOfBid(engagements.data ?? [], bid?.id)?.id });
    if (!bid) return;
    chooseTeam(bid.teamOrganisationId);
    suggest(form, 'contractValue', bid.budget);
  };

  // A need with exactly one winning bid: that bid (and its engagement) is what was converted.
  // Not for the need of a record being corrected: its bid is what the advisor recorded.
  const pickedFor = useRef<string | undefined>(record?.demandId ?? undefined);
  const pickWinner = useEffectEvent((id: string, lodged: readonly Bid[]) => {
    if (pickedFor.current === id) return;
    pickedFor.current = id;
    const winners = lodged.filter((bid) => bid.status === 'awarded');
    if (winners.length === 1 && !form.getFieldValue('bidId')) chooseBid(winners[0]);
  });
  useEffect(() => {
    if (demandId && bids.data) pickWinner(demandId, bids.data);
  }, [demandId, bids.data]);

  const onValuesChange = (changed: Partial<ConversionValues>) => {
    syncNeed(form, changed, demands.data ?? []);
    if ('demandId' in changed) {
      form.setFieldsValue({ bidId: undefined, engagementId: undefined });
      const current = need(changed.demandId);
      if (current) suggest(form, 'kind', KIND_OF_MODE[current.cooperationMode]);
      suggestTitle();
      suggestParties();
    }
    if ('organisationId' in changed) {
      if (!form.getFieldValue('demandId')) form.setFieldsValue({ bidId: undefined, engagementId: undefined });
      suggestParties();
    }
    if ('bidId' in changed) chooseBid(bids.data?.find((bid) => bid.id === changed.bidId));
    if ('engagementId' in changed) {
      const engagement = engagements.data?.find((candidate) => candidate.id === changed.engagementId);
      if (engagement) chooseBid(bids.data?.find((bid) => bid.id === engagement.bidId));
    }
    if ('teamOrganisationId' in changed) {
      form.setFieldsValue({ achievementId: undefined });
      suggestParties();
    }
    if ('kind' in changed) suggestTitle();
  };

  const save = useMutation({
    mutationFn: async (values: ConversionValues) => {
      const body: ConversionDto = {
        title: values.title,
        kind: values.kind,
        contractValue: values.contractValue,
        signedOn: values.signedOn.format(DAY),
        demandId: values.demandId,
        bidId: values.bidId,
        engagementId: values.engagementId,
        achievementId: values.achievementId,
        parties: values.parties,
        evidenceRef: values.evidenceRef,
      };
      const conversion = await (record
        ? unwrap(
            api.PUT('/api/v1/conversions/{id}', {
              params: { path: { id: record.id }, header: { 'If-Match': `"${record.version}"` } },
              body,
            }),
          )
        : unwrap(api.POST('/api/v1/conversions', { body })));
      // A failed file is reported; the record stays.
      await evidence.uploadTo(`/api/v1/conversions/${conversion.id}/attachments`, (file, error) => {
        void message.warning(files('conversion.uploadFailed', { name: file.name, reason: problemText(error) }));
      });
      return conversion;
    },
  });

  const submit = (values: ConversionValues) =>
    save.mutate(values, {
      onSuccess: () => {
        void message.success(t(record ? 'conversion.updated' : 'conversion.saved'));
        onDone();
      },
      onError: (error) => {
        showFailure(form, error);
      },
    });

  const byWinnersFirst = (a: Bid, b: Bid) => Number(b.status === 'awarded') - Number(a.status === 'awarded');
  const needEngagements = (engagements.data ?? []).filter((engagement) => engagement.demandId === demandId);
  const achievements = teams.data?.find((team) => team.organisationId === teamOrganisationId)?.achievements ?? [];
  const required = (message: string) => [{ required: true, whitespace: true, message }];

  return (
    <ProblemForm<ConversionValues>
      form={form}
      name="conversion"
      layout="vertical"
      initialValues={initialValues(organisationId, record)}
      onValuesChange={onValuesChange}
      onFinish={submit}
    >
      <NeedFields prefer={AWARDED_STATUSES} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="bidId" label={t('conversion.bid')}>
            <Select
              allowClear
              loading={bids.isFetching}
              notFoundContent={t(demandId ? 'conversion.noBids' : 'conversion.chooseNeedFirst')}
              options={[...(bids.data ?? [])].sort(byWinnersFirst).map((bid) => ({
                value: bid.id,
                label: t('conversion.bidOption', {
                  team: bid.teamName ?? '—',
                  status: label('bidStatus', bid.status),
                  budget: bid.budget.toLocaleString('zh-CN'),
                }),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="engagementId" label={t('conversion.engagement')}>
            <Select
              allowClear
              loading={engagements.isPending}
              notFoundContent={t(demandId ? 'conversion.noEngagements' : 'conversion.chooseNeedFirst')}
              options={needEngagements.map((engagement) => ({
                value: engagement.id,
                label: t('conversion.engagementOption', {
                  team: engagement.teamName ?? '—',
                  status: label('engagementStatus', engagement.status),
                }),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="teamOrganisationId" label={t('form.team')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={teams.isPending}
              options={teams.data?.map((team) => ({ value: team.organisationId, label: team.name ?? '—' }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="achievementId" label={t('form.achievement')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              notFoundContent={t(teamOrganisationId ? 'form.noAchievements' : 'form.achievementNeedsTeam')}
              options={achievements.map((achievement) => ({
                value: achievement.id,
                label: t('form.achievementOption', { title: achievement.title, year: achievement.year }),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name="kind" label={t('conversion.kind')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={options('conversionKind')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="signedOn" label={t('conversion.signedOn')} rules={[{ required: true }]}>
            <DatePicker
              allowClear={false}
              style={{ width: '100%' }}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="title"
        label={t('conversion.contractTitle')}
        rules={[
          ...required(t('conversion.titleRequired')),
          { min: 4, max: TITLE_MAX, message: t('form.length', { min: 4, max: TITLE_MAX }) },
        ]}
      >
        <Input maxLength={TITLE_MAX} placeholder={t('conversion.titlePlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item
            name="contractValue"
            label={t('conversion.contractValue')}
            rules={[{ required: true, message: t('conversion.contractValueRequired') }]}
          >
            <InputNumber min={0} max={10_000_000} precision={2} style={{ width: '100%' }} suffix={common('unit.wan')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item
            name="evidenceRef"
            label={t('conversion.evidenceRef')}
            rules={[
              ...required(t('conversion.evidenceRequired')),
              { min: 2, max: 300, message: t('form.length', { min: 2, max: 300 }) },
            ]}
          >
            <Input maxLength={300} placeholder={t('conversion.evidencePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="parties"
        label={t('conversion.parties')}
        rules={[
          ...required(t('conversion.partiesRequired')),
          { min: 2, max: 300, message: t('form.length', { min: 2, max: 300 }) },
        ]}
      >
        <Input maxLength={300} placeholder={t('conversion.partiesPlaceholder')} />
      </Form.Item>
      <Form.Item label={files('conversion.title')} extra={files('conversion.pickHint')}>
        <PendingFilesPicker pending={evidence} label={files('conversion.pick')} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t(record ? 'conversion.update' : 'conversion.submit')}
        </Button>
        <Button onClick={onCancel}>{common('action.cancel')}</Button>
      </Space>
    </ProblemForm>
  );
}

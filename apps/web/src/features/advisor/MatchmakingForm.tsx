import { useMutation } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Form, Input, Radio, Row, Select, type SelectProps, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AchievementField } from './AchievementField';
import type { Schema } from '../../api/types';
import { useFormFailure } from '../../shared/problems';
import { useVocabulary } from '../../shared/vocabulary';
import { AWARDABLE_STATUSES } from '../enterprise/queries';
import { NeedFields } from './NeedFields';
import { type Matchmaking, saveMatchmaking, type Team, useAdvisorDemands, useNeedBids, useTeams } from './queries';
import { DAY, type NeedValues, syncNeed, useNeedOwner } from './recordForm';
import { submitOnCtrlEnter } from '../../shared/submitOnCtrlEnter';
import { ProblemForm } from '../../shared/ProblemForm';

type MatchmakingDto = Schema<'MatchmakingDto'>;

interface MatchmakingValues extends NeedValues {
  teamOrganisationId?: string;
  achievementId?: string;
  kind: MatchmakingDto['kind'];
  occurredOn: Dayjs;
  outcome: MatchmakingDto['outcome'];
  notes: string;
}

interface MatchmakingFormProps {
  organisationId?: string;
  /** The advisor's record to correct; a new one when absent. */
  record?: Matchmaking;
  onDone: () => void;
  onCancel: () => void;
}

function initialValues(
  organisationId: string | undefined,
  record: Matchmaking | undefined,
): Partial<MatchmakingValues> {
  if (!record) return { organisationId, kind: 'visit', outcome: 'follow_up', occurredOn: dayjs() };
  return {
    demandId: record.demandId ?? undefined,
    teamOrganisationId: record.teamOrganisationId ?? undefined,
    achievementId: record.achievementId ?? undefined,
    kind: record.kind,
    occurredOn: dayjs(record.occurredOn),
    outcome: record.outcome,
    notes: record.notes,
  };
}

/** 记录对接: who met whom about which need (or achievement), how, when and with what outcome. */
export function MatchmakingForm({ organisationId, record, onDone, onCancel }: MatchmakingFormProps) {
  const { t } = useTranslation('advisor');
  const { t: common } = useTranslation();
  const { message } = App.useApp();
  const { options } = useVocabulary();
  const showFailure = useFormFailure();
  const [form] = Form.useForm<MatchmakingValues>();
  const demands = useAdvisorDemands();
  useNeedOwner(form, record?.demandId, demands.data);
  const save = useMutation({
    mutationFn: (values: MatchmakingValues) => {
      const body: MatchmakingDto = {
        demandId: values.demandId,
        teamOrganisationId: values.teamOrganisationId,
        achievementId: values.achievementId,
        kind: values.kind,
        occurredOn: values.occurredOn.format(DAY),
        outcome: values.outcome,
        notes: values.notes,
      };
      return saveMatchmaking(body, record);
    },
  });

  const submit = (values: MatchmakingValues) =>
    save.mutate(values, {
      onSuccess: () => {
        void message.success(t(record ? 'matchmaking.updated' : 'matchmaking.saved'));
        onDone();
      },
      onError: (error) => {
        showFailure(form, error);
      },
    });

  // A matchmaking names a need or an achievement (and a team, which the achievement implies).
  const needOrAchievement = {
    validator: (_: unknown, value?: string) =>
      value || form.getFieldValue('achievementId')
        ? Promise.resolve()
        : Promise.reject(new Error(t('matchmaking.needOrAchievement'))),
  };

  return (
    <ProblemForm<MatchmakingValues>
      form={form}
      name="matchmaking"
      layout="vertical"
      initialValues={initialValues(organisationId, record)}
      onValuesChange={(changed: Partial<MatchmakingValues>) => {
        syncNeed(form, changed, demands.data ?? []);
        if ('teamOrganisationId' in changed) form.setFieldsValue({ achievementId: undefined });
        if ('achievementId' in changed) void form.validateFields(['demandId']).catch(() => undefined);
      }}
      onFinish={submit}
    >
      <NeedFields prefer={AWARDABLE_STATUSES} needRules={[needOrAchievement]} />
      <TeamFields />
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item name="kind" label={t('matchmaking.kind')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={options('matchmakingKind')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="occurredOn" label={t('matchmaking.occurredOn')} rules={[{ required: true }]}>
            <DatePicker
              allowClear={false}
              style={{ width: '100%' }}
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="outcome" label={t('matchmaking.outcome')} rules={[{ required: true }]}>
        <Radio.Group optionType="button" options={options('matchmakingOutcome')} />
      </Form.Item>
      <Form.Item
        name="notes"
        label={t('matchmaking.notes')}
        extra={t('form.ctrlEnter')}
        rules={[
          { required: true, whitespace: true, message: t('matchmaking.notesRequired') },
          { min: 2, max: 2000, message: t('form.length', { min: 2, max: 2000 }) },
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={2000}
          placeholder={t('matchmaking.notesPlaceholder')}
          onKeyDown={submitOnCtrlEnter(form)}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t(record ? 'matchmaking.update' : 'matchmaking.submit')}
        </Button>
        <Button onClick={onCancel}>{common('action.cancel')}</Button>
      </Space>
    </ProblemForm>
  );
}

/** The team met, the bidders on the need first; and optionally one of its achievements. */
function TeamFields() {
  const { t } = useTranslation('advisor');
  const teams = useTeams();
  const demandId = Form.useWatch<string | undefined>('demandId');
  const teamOrganisationId = Form.useWatch<string | undefined>('teamOrganisationId');
  const bids = useNeedBids(demandId);
  const bidders = new Set(bids.data?.map((bid) => bid.teamOrganisationId));
  const option = (team: Team) => ({ value: team.organisationId, label: team.name ?? team.organisationId });
  const all = teams.data ?? [];
  const teamOptions: SelectProps['options'] =
    bidders.size > 0
      ? [
          {
            label: t('matchmaking.bidders'),
            title: t('matchmaking.bidders'),
            options: all.filter((team) => bidders.has(team.organisationId)).map(option),
          },
          {
            label: t('matchmaking.otherTeams'),
            title: t('matchmaking.otherTeams'),
            options: all.filter((team) => !bidders.has(team.organisationId)).map(option),
          },
        ]
      : all.map(option);
  const achievements = all.find((team) => team.organisationId === teamOrganisationId)?.achievements ?? [];
  return (
    <Row gutter={16}>
      <Col xs={24} md={10}>
        <Form.Item
          name="teamOrganisationId"
          label={t('form.team')}
          rules={[{ required: true, message: t('form.teamRequired') }]}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={teams.isPending}
            options={teamOptions}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={14}>
        <AchievementField teamOrganisationId={teamOrganisationId} achievements={achievements} />
      </Col>
    </Row>
  );
}

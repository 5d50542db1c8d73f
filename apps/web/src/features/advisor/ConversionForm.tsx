import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormFailure, useProblemText } from '../../shared/problems';
import { ProblemForm } from '../../shared/ProblemForm';
import { AWARDED_STATUSES } from '../enterprise/queries';
import { PendingFilesPicker, usePendingFiles } from '../files/PendingFiles';
import { ConversionContractFields } from './ConversionContractFields';
import { type ConversionValues, initialValues, toConversionDto } from './conversionForm';
import { ConversionSourceFields } from './ConversionSourceFields';
import { NeedFields } from './NeedFields';
import {
  type Conversion,
  saveConversion,
  useAdvisorDemands,
  useEngagements,
  useNeedBids,
  useServedOrganisations,
  useTeams,
} from './queries';
import { useNeedOwner } from './recordForm';
import { useConversionSuggestions } from './useConversionSuggestions';

interface ConversionFormProps {
  organisationId?: string;
  /** The advisor's record to correct; a new one when absent. */
  record?: Conversion;
  onDone: () => void;
  onCancel: () => void;
}

/**
 * 记录成果转化: the contract, what it converts (a need's winning bid and engagement, or an
 * achievement) and its proof. Choosing the need suggests the rest; typed values are never overwritten.
 */
export function ConversionForm({ organisationId, record, onDone, onCancel }: ConversionFormProps) {
  const { t } = useTranslation('advisor');
  const { t: common } = useTranslation();
  const { message } = App.useApp();
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
  const onValuesChange = useConversionSuggestions(form, record, demandId, {
    demands: demands.data,
    organisations: organisations.data,
    teams: teams.data,
    engagements: engagements.data,
    bids: bids.data,
  });

  const save = useMutation({
    mutationFn: async (values: ConversionValues) => {
      const conversion = await saveConversion(toConversionDto(values), record);
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
      <ConversionSourceFields
        demandId={demandId}
        teamOrganisationId={teamOrganisationId}
        bids={bids}
        engagements={engagements}
        teams={teams}
      />
      <ConversionContractFields />
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

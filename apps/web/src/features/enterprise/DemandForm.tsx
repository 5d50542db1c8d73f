import {
  Col,
  DatePicker,
  Divider,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { useVocabulary } from '../../shared/vocabulary';
import { type DemandFormValues, LIMITS, PHONE, verdict } from './demandForm';
import { IndicatorList } from './IndicatorList';
import { ProblemForm } from '../../shared/ProblemForm';

interface DemandFormProps {
  initialValues: Partial<DemandFormValues>;
  /** The enterprise an existing need belongs to, shown read-only. */
  owner: string | null;
  /** An advisor drafting a new need picks which served enterprise it is for. */
  chooseOrganisation: boolean;
  onSave: (form: FormInstance<DemandFormValues>, values: DemandFormValues, submit: boolean) => void;
  /** The buttons; `submitWith(true)` validates and saves then submits for review. */
  actions: (submitWith: (submit: boolean) => void) => ReactNode;
}

function Section({ children }: { children: ReactNode }) {
  return (
    <Divider titlePlacement="start">
      <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
        {children}
      </Typography.Title>
    </Divider>
  );
}

export function DemandForm({ initialValues, owner, chooseOrganisation, onSave, actions }: DemandFormProps) {
  const { t } = useTranslation('enterprise');
  const { options } = useVocabulary();
  const served = useSession()?.user.servedOrganisations ?? [];
  const [form] = Form.useForm<DemandFormValues>();
  const awardMode = Form.useWatch('awardMode', form);

  const submitWith = (submit: boolean) => {
    form.validateFields().then(
      (values) => onSave(form, values, submit),
      (invalid: { errorFields: { name: (string | number)[] }[] }) => {
        const first = invalid.errorFields[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
      },
    );
  };

  // The server trims before it counts, so the lower bound is checked on the trimmed text.
  const length = ([min, max]: readonly [number, number]) => [
    { required: true, whitespace: true, message: t('rules.required') },
    { max, message: t('rules.length', { min, max }) },
    {
      validator: (_: unknown, value: string | undefined) => {
        const size = value?.trim().length ?? 0;
        return verdict(size > 0 && size < min && t('rules.length', { min, max }));
      },
    },
  ];
  const required = [{ required: true, message: t('rules.required') }];
  const [bountyLow, bountyHigh] = LIMITS.bounty;

  return (
    <ProblemForm<DemandFormValues>
      name="demand"
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={(changed: Partial<DemandFormValues>) => {
        if (changed.awardMode === 'single') form.setFieldValue('awardLeads', 1);
        if (changed.awardMode === 'parallel' && (form.getFieldValue('awardLeads') as number) < 2)
          form.setFieldValue('awardLeads', 2);
      }}
    >
      <Section>{t('editor.sections.basic')}</Section>
      {chooseOrganisation && (
        <Form.Item name="organisationId" label={t('fields.organisation')} rules={required}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={served.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
            notFoundContent={t('editor.noServed')}
          />
        </Form.Item>
      )}
      {owner && (
        <Form.Item label={t('fields.organisation')}>
          <Typography.Text>{owner}</Typography.Text>
        </Form.Item>
      )}
      <Form.Item name="title" label={t('fields.title')} rules={length(LIMITS.title)}>
        <Input showCount maxLength={LIMITS.title[1]} placeholder={t('editor.placeholders.title')} />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('fields.summary')}
        rules={length(LIMITS.summary)}
        extra={t('editor.help.public')}
      >
        <Input.TextArea rows={3} showCount maxLength={LIMITS.summary[1]} />
      </Form.Item>
      <Form.Item
        name="background"
        label={t('fields.background')}
        rules={length(LIMITS.background)}
        extra={t('editor.help.public')}
      >
        <Input.TextArea rows={5} showCount maxLength={LIMITS.background[1]} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="industry" label={t('fields.industry')} rules={required}>
            <Select options={options('industry')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="district" label={t('fields.district')} rules={required}>
            <Select options={options('district')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="outcomeForm" label={t('fields.outcomeForm')} rules={required}>
            <Select options={options('outcomeForm')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="keywords"
        label={t('fields.keywords')}
        required
        extra={t('editor.help.keywords', { max: LIMITS.keywords, length: LIMITS.keyword })}
        rules={[
          {
            validator: (_, keywords: string[] = []) =>
              verdict(
                (keywords.length === 0 && t('rules.keywordsMin')) ||
                  (keywords.length > LIMITS.keywords && t('rules.keywordsMax', { max: LIMITS.keywords })) ||
                  (keywords.some((keyword) => keyword.trim().length > LIMITS.keyword) &&
                    t('rules.keywordLength', { max: LIMITS.keyword })),
              ),
          },
        ]}
      >
        <Select mode="tags" tokenSeparators={[',', '，', '、', ';', '；']} open={false} suffixIcon={null} />
      </Form.Item>

      <Section>{t('editor.sections.indicators')}</Section>
      <Typography.Paragraph type="secondary">{t('editor.help.indicators')}</Typography.Paragraph>
      <IndicatorList />

      <Section>{t('editor.sections.terms')}</Section>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="bountyMin"
            label={t('fields.bountyMin')}
            rules={[
              ...required,
              {
                type: 'number',
                min: bountyLow,
                max: bountyHigh,
                message: t('rules.bounty', { min: bountyLow, max: bountyHigh }),
              },
            ]}
          >
            <InputNumber min={bountyLow} max={bountyHigh} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="bountyMax"
            label={t('fields.bountyMax')}
            dependencies={['bountyMin']}
            rules={[
              ...required,
              {
                type: 'number',
                min: bountyLow,
                max: bountyHigh,
                message: t('rules.bounty', { min: bountyLow, max: bountyHigh }),
              },
              ({ getFieldValue }) => ({
                validator: (_, value: number | null) => {
                  const low = getFieldValue('bountyMin') as number | null;
                  return verdict(value != null && low != null && value < low && t('rules.bountyOrder'));
                },
              }),
            ]}
          >
            <InputNumber min={bountyLow} max={bountyHigh} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="cooperationMode" label={t('fields.cooperationMode')} rules={required}>
            <Select options={options('cooperationMode')} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="awardMode" label={t('fields.awardMode')} rules={required}>
            <Radio.Group
              aria-label={t('fields.awardMode')}
              options={[
                { value: 'single', label: t('editor.awardModes.single') },
                { value: 'parallel', label: t('editor.awardModes.parallel') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="awardLeads"
            label={t('fields.awardLeads')}
            dependencies={['awardMode']}
            extra={awardMode === 'parallel' ? t('editor.help.leadsParallel') : t('editor.help.leadsSingle')}
            rules={[
              ...required,
              ({ getFieldValue }) => ({
                validator: (_, value: number | null) => {
                  const [low, high] = LIMITS.leads;
                  if (getFieldValue('awardMode') !== 'parallel') return verdict(value !== 1 && t('rules.leadsSingle'));
                  return verdict(
                    (value == null || value < low || value > high) && t('rules.leadsParallel', { min: low, max: high }),
                  );
                },
              }),
            ]}
          >
            <InputNumber
              min={1}
              max={LIMITS.leads[1]}
              precision={0}
              disabled={awardMode !== 'parallel'}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="bidDeadline" label={t('fields.bidDeadline')} extra={t('editor.help.deadline')}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              disabledDate={(day) => day.isBefore(dayjs(), 'day')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
      </Row>

      <Section>{t('editor.sections.contact')}</Section>
      <Form.Item
        name="confidentialDetails"
        label={t('fields.confidentialDetails')}
        extra={t('editor.help.confidential')}
        rules={[{ max: LIMITS.confidential, message: t('rules.max', { max: LIMITS.confidential }) }]}
      >
        <Input.TextArea rows={3} showCount maxLength={LIMITS.confidential} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="contactName" label={t('fields.contactName')} rules={length(LIMITS.contactName)}>
            <Input maxLength={LIMITS.contactName[1]} autoComplete="name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="contactPhone"
            label={t('fields.contactPhone')}
            rules={[...required, { pattern: PHONE, message: t('rules.phone') }]}
          >
            <Input autoComplete="tel" placeholder="0816-2345678" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="contactEmail"
            label={t('fields.contactEmail')}
            rules={[{ type: 'email', message: t('rules.email') }]}
          >
            <Input autoComplete="email" />
          </Form.Item>
        </Col>
      </Row>
      {actions(submitWith)}
    </ProblemForm>
  );
}

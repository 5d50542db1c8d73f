import { Divider, Form, type FormInstance, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemForm } from '../../shared/ProblemForm';
import { DemandBasicFields } from './DemandBasicFields';
import { DemandContactFields } from './DemandContactFields';
import type { DemandFormValues } from './demandForm';
import { DemandTermsFields } from './DemandTermsFields';
import { IndicatorList } from './IndicatorList';

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
  const [form] = Form.useForm<DemandFormValues>();

  const submitWith = (submit: boolean) => {
    form.validateFields().then(
      (values) => onSave(form, values, submit),
      (invalid: { errorFields: { name: (string | number)[] }[] }) => {
        const first = invalid.errorFields[0];
        if (first) form.scrollToField(first.name, { block: 'center' });
      },
    );
  };

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
      <DemandBasicFields owner={owner} chooseOrganisation={chooseOrganisation} />

      <Section>{t('editor.sections.indicators')}</Section>
      <Typography.Paragraph type="secondary">{t('editor.help.indicators')}</Typography.Paragraph>
      <IndicatorList />

      <Section>{t('editor.sections.terms')}</Section>
      <DemandTermsFields />

      <Section>{t('editor.sections.contact')}</Section>
      <DemandContactFields />
      {actions(submitWith)}
    </ProblemForm>
  );
}

import { Col, Form, type FormRule, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../../shared/vocabulary';
import type { DemandStatus } from '../enterprise/queries';
import { type Demand, useAdvisorDemands, useServedOrganisations } from './queries';

interface NeedFieldsProps {
  /** Needs in these statuses are listed first: the ones this kind of record is usually about. */
  prefer: readonly DemandStatus[];
  needRules?: FormRule[];
}

/**
 * 服务企业 and 需求: the enterprise narrows the needs; picking a need straight away fills in its
 * enterprise (the parent form does that in onValuesChange).
 */
export function NeedFields({ prefer, needRules }: NeedFieldsProps) {
  const { t } = useTranslation('advisor');
  const { label } = useVocabulary();
  const organisations = useServedOrganisations();
  const demands = useAdvisorDemands();
  const form = Form.useFormInstance();
  const organisationId = Form.useWatch<string | undefined>('organisationId', form);
  // Keyboard users start typing at once: in the enterprise, or in the need when the enterprise is known.
  const [needFirst] = useState(() => Boolean(form.getFieldValue('organisationId')));
  const rank = (need: Demand) => (prefer.includes(need.status) ? 0 : 1);
  const needs = (demands.data ?? [])
    .filter((need) => !organisationId || need.owner.id === organisationId)
    .sort((a, b) => rank(a) - rank(b));
  return (
    <Row gutter={16}>
      <Col xs={24} md={10}>
        <Form.Item name="organisationId" label={t('form.organisation')}>
          <Select
            autoFocus={!needFirst}
            showSearch={{ optionFilterProp: 'label' }}
            loading={organisations.isPending}
            options={organisations.data?.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={14}>
        <Form.Item name="demandId" label={t('form.need')} rules={needRules}>
          <Select
            autoFocus={needFirst}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={demands.isPending}
            notFoundContent={t('form.noNeeds')}
            options={needs.map((need) => ({
              value: need.id,
              label: t('form.needOption', { title: need.title, status: label('demandStatus', need.status) }),
            }))}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

import { Col, DatePicker, Form, InputNumber, Radio, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../../shared/vocabulary';
import { type DemandFormValues, LIMITS, useFieldRules, verdict } from './demandForm';

/** The terms: the bounty, how the need is awarded (one winner or N in parallel) and the bid deadline. */
export function DemandTermsFields() {
  const { t } = useTranslation('enterprise');
  const { options } = useVocabulary();
  const { required } = useFieldRules();
  const awardMode = Form.useWatch('awardMode', Form.useFormInstance<DemandFormValues>());
  const [bountyLow, bountyHigh] = LIMITS.bounty;
  return (
    <>
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
    </>
  );
}

import { Col, DatePicker, Form, Input, InputNumber, Radio, Row } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../../shared/vocabulary';
import { TITLE_MAX } from './conversionForm';

/** The contract itself: its kind, date, title, value, proof and parties. */
export function ConversionContractFields() {
  const { t } = useTranslation('advisor');
  const { t: common } = useTranslation();
  const { options } = useVocabulary();
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <>
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
    </>
  );
}

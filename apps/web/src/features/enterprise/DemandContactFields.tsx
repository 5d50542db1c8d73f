import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS, PHONE, useFieldRules } from './demandForm';

/** The confidential details (for the owner, their advisor, the office and the winners) and the contact person. */
export function DemandContactFields() {
  const { t } = useTranslation('enterprise');
  const { length, required } = useFieldRules();
  return (
    <>
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
    </>
  );
}

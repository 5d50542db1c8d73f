import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

const APPROACH = { min: 20, max: 5000 };

/** The technical approach (技术路线): the bid's main text. */
export function ApproachField() {
  const { t } = useTranslation('team');
  return (
    <Form.Item
      label={t('bidForm.approach')}
      name="approach"
      extra={t('bidForm.approachHint')}
      rules={[
        { required: true, whitespace: true, message: t('bidForm.required') },
        { min: APPROACH.min, max: APPROACH.max, message: t('bidForm.length', APPROACH) },
      ]}
    >
      <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} maxLength={APPROACH.max} showCount />
    </Form.Item>
  );
}

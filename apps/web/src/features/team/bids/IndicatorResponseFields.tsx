import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Schema } from '../../../api/types';

/** One response row per indicator of the need, labelled with the indicator and its target. */
export function IndicatorResponseFields({ indicators }: { indicators: Schema<'IndicatorDto'>[] }) {
  const { t } = useTranslation('team');
  return (
    <>
      {indicators.map((indicator, index) => (
        <Form.Item
          key={indicator.name}
          label={t('bidForm.indicatorLabel', {
            name: indicator.name,
            target: `${indicator.target} ${indicator.unit}`.trim(),
          })}
          name={['indicatorResponses', index, 'response']}
          rules={[
            { required: true, whitespace: true, message: t('bidForm.required') },
            { min: 2, max: 500, message: t('bidForm.length', { min: 2, max: 500 }) },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={500}
            showCount
            placeholder={t('bidForm.indicatorPlaceholder')}
          />
        </Form.Item>
      ))}
    </>
  );
}

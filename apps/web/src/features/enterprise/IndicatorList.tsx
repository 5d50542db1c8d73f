import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFreshListErrors } from '../../shared/useFreshListErrors';
import { EMPTY_INDICATOR, LIMITS, verdict } from './demandForm';

const MAX_TEXT = LIMITS.indicatorText;

/** The need's technical indicators (技术指标), one row each: name, target value and unit. */
export function IndicatorList() {
  const { t } = useTranslation('enterprise');
  useFreshListErrors(Form.useFormInstance(), 'indicators');
  return (
    <Form.List
      name="indicators"
      rules={[
        {
          validator: (_, indicators: unknown[] = []) =>
            verdict(
              (indicators.length === 0 && t('rules.indicatorsMin')) ||
                (indicators.length > LIMITS.indicators && t('rules.indicatorsMax', { max: LIMITS.indicators })),
            ),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => {
            const row = index + 1;
            return (
              <Row key={field.key} gutter={12} align="top" role="group" aria-label={t('indicator.row', { index: row })}>
                <Col xs={24} md={9}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('indicator.name', { index: row })}
                    rules={[
                      { required: true, whitespace: true, message: t('rules.required') },
                      { max: MAX_TEXT, message: t('rules.max', { max: MAX_TEXT }) },
                    ]}
                  >
                    <Input placeholder={t('indicator.namePlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={7}>
                  <Form.Item
                    name={[field.name, 'target']}
                    label={t('indicator.target', { index: row })}
                    rules={[
                      { required: true, whitespace: true, message: t('rules.required') },
                      { max: MAX_TEXT, message: t('rules.max', { max: MAX_TEXT }) },
                    ]}
                  >
                    <Input placeholder={t('indicator.targetPlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={18} md={5}>
                  <Form.Item
                    name={[field.name, 'unit']}
                    label={t('indicator.unit', { index: row })}
                    rules={[{ max: LIMITS.indicatorUnit, message: t('rules.max', { max: LIMITS.indicatorUnit }) }]}
                  >
                    <Input placeholder={t('indicator.unitPlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={6} md={3}>
                  <Form.Item label={<span aria-hidden>&nbsp;</span>}>
                    <Button
                      autoInsertSpace={false}
                      icon={<DeleteOutlined />}
                      aria-label={t('indicator.remove', { index: row })}
                      disabled={fields.length <= 1}
                      onClick={() => remove(field.name)}
                    >
                      {t('indicator.removeShort')}
                    </Button>
                  </Form.Item>
                </Col>
              </Row>
            );
          })}
          <Form.Item>
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              disabled={fields.length >= LIMITS.indicators}
              onClick={() => add({ ...EMPTY_INDICATOR })}
            >
              {t('indicator.add')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        </>
      )}
    </Form.List>
  );
}

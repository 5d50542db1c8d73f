import { Col, Form, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Schema } from '../../../api/types';
import { bountyRange } from '../../../shared/format';

/** The budget asked (万元), compared with the need's bounty, and the duration in months. */
export function BudgetFields({ demand }: { demand: Schema<'DemandPublicView'> }) {
  const { t } = useTranslation('team');
  const { t: common } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          label={t('bidForm.budget')}
          name="budget"
          extra={t('bidForm.budgetHint', {
            bounty: bountyRange(demand.bountyMin, demand.bountyMax, common('unit.wan')),
          })}
          rules={[
            { required: true, message: t('bidForm.required') },
            {
              // Allowed, but the owner's ceiling is the first thing an evaluator compares.
              warningOnly: true,
              validator: (_, budget: number | null) =>
                budget !== null && budget > demand.bountyMax
                  ? Promise.reject(new Error(t('bidForm.budgetAboveBounty', { max: demand.bountyMax })))
                  : Promise.resolve(),
            },
          ]}
        >
          <InputNumber min={0.01} max={100_000} precision={2} suffix={common('unit.wan')} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label={t('bidForm.duration')}
          name="durationMonths"
          rules={[{ required: true, message: t('bidForm.required') }]}
        >
          <InputNumber min={1} max={120} precision={0} suffix={common('unit.months')} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

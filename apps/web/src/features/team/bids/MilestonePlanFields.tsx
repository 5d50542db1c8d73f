import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Typography } from 'antd';
import { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useFreshListErrors } from '../../../shared/useFreshListErrors';
import { type BidFormValues, type MilestoneValues } from './bidValues';

const MAX_MILESTONES = 12;

export function shareTotal(milestones: MilestoneValues[] | undefined): number {
  return Math.round((milestones ?? []).reduce((sum, milestone) => sum + (milestone?.paymentShare ?? 0), 0) * 100) / 100;
}

/** The milestone plan: dates strictly ascending, payment shares adding up to 100 %. */
export function MilestonePlanFields() {
  const { t } = useTranslation('team');
  const form = Form.useFormInstance<BidFormValues>();
  const milestones = Form.useWatch('milestones', form);
  const total = shareTotal(milestones);
  useFreshListErrors(form, 'milestones');

  return (
    <Form.List
      name="milestones"
      rules={[
        {
          validator: (_, items?: MilestoneValues[]) => {
            if (!items || items.length === 0) return Promise.reject(new Error(t('bidForm.milestones.atLeastOne')));
            const sum = shareTotal(items);
            return sum === 100
              ? Promise.resolve()
              : Promise.reject(new Error(t('bidForm.milestones.sharesSum', { sum })));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={t('bidForm.milestones.item', { index: index + 1 })}
              extra={
                fields.length > 1 && (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('bidForm.milestones.remove', { index: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                )
              }
            >
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    label={t('bidForm.milestones.title')}
                    name={[field.name, 'title']}
                    rules={[
                      { required: true, whitespace: true, message: t('bidForm.required') },
                      { min: 2, max: 60, message: t('bidForm.length', { min: 2, max: 60 }) },
                    ]}
                  >
                    <Input maxLength={60} placeholder={t('bidForm.milestones.titlePlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item
                    label={t('bidForm.milestones.dueDate')}
                    name={[field.name, 'dueDate']}
                    dependencies={index > 0 ? [['milestones', index - 1, 'dueDate']] : []}
                    rules={[
                      { required: true, message: t('bidForm.required') },
                      ({ getFieldValue }) => ({
                        validator: (_, value: Dayjs | null | undefined) => {
                          const previous =
                            index > 0 ? (getFieldValue(['milestones', index - 1, 'dueDate']) as Dayjs | null) : null;
                          return value && previous && !value.isAfter(previous, 'day')
                            ? Promise.reject(new Error(t('bidForm.milestones.dateOrder')))
                            : Promise.resolve();
                        },
                      }),
                    ]}
                  >
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item
                    label={t('bidForm.milestones.share')}
                    name={[field.name, 'paymentShare']}
                    rules={[{ required: true, message: t('bidForm.required') }]}
                  >
                    <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Typography.Paragraph type={total === 100 ? 'success' : 'warning'} aria-live="polite">
            {t('bidForm.milestones.total', { sum: total })}
          </Typography.Paragraph>
          <Form.ErrorList errors={errors} />
          {fields.length < MAX_MILESTONES && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
              {t('bidForm.milestones.add')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

import { EVALUATION_CRITERIA } from '@jiebang/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, InputNumber, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/types';
import { useFormFailure } from '../../shared/problems';
import { useVocabulary } from '../../shared/vocabulary';
import { verdict } from './demandForm';
import { demandKeys, saveWeights } from './queries';
import { ProblemForm } from '../../shared/ProblemForm';

type Weights = Schema<'WeightsDto'>;

const total = (weights: Partial<Weights> | undefined) =>
  EVALUATION_CRITERIA.reduce((sum, criterion) => sum + (weights?.[criterion] ?? 0), 0);

/** The live sum; an <output> so the form item's label names it. */
function WeightTotal({ id }: { id?: string }) {
  const { t } = useTranslation('enterprise');
  const weights = Form.useWatch([], Form.useFormInstance<Weights>());
  const sum = total(weights);
  return (
    <output id={id}>
      <Typography.Text strong type={sum === 100 ? 'success' : 'danger'}>
        {t('evaluation.total', { sum })}
      </Typography.Text>
    </output>
  );
}

/** The four criteria's weights (percent, adding up to 100) the shortlist ranks bids by. */
export function WeightsCard({
  demandId,
  weights,
  editable,
}: {
  demandId: string;
  weights: Weights;
  editable: boolean;
}) {
  const { t } = useTranslation('enterprise');
  const { label } = useVocabulary();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const showFailure = useFormFailure();
  const [form] = Form.useForm<Weights>();
  const save = useMutation({
    mutationFn: (body: Weights) => saveWeights(demandId, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: demandKeys.shortlist(demandId) });
      void message.success(t('evaluation.weightsSaved'));
    },
    onError: (error) => {
      showFailure(form, error);
    },
  });

  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 15 }}>{t('evaluation.weightsTitle')}</h3>}>
      <ProblemForm<Weights>
        name="weights"
        form={form}
        layout="vertical"
        initialValues={weights}
        disabled={!editable}
        onFinish={(values) =>
          save.mutate({
            feasibility: values.feasibility,
            capability: values.capability,
            cost: values.cost,
            timeline: values.timeline,
          })
        }
      >
        <Row gutter={16} align="bottom">
          {EVALUATION_CRITERIA.map((criterion) => (
            <Col key={criterion} xs={12} md={4}>
              <Form.Item
                name={criterion}
                label={t('evaluation.weightLabel', { criterion: label('criterion', criterion) })}
                rules={[{ required: true, type: 'integer', min: 0, max: 100, message: t('rules.percent') }]}
              >
                <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
          <Col xs={12} md={4}>
            <Form.Item
              name="weights"
              label={t('evaluation.totalLabel')}
              dependencies={[...EVALUATION_CRITERIA]}
              rules={[
                ({ getFieldsValue }) => ({
                  validator: () =>
                    verdict(
                      total(getFieldsValue([...EVALUATION_CRITERIA]) as Partial<Weights>) !== 100 &&
                        t('rules.weightsSum'),
                    ),
                }),
              ]}
            >
              <WeightTotal />
            </Form.Item>
          </Col>
          {editable && (
            <Col xs={24} md={4}>
              <Form.Item>
                <Button htmlType="submit" loading={save.isPending}>
                  {t('evaluation.saveWeights')}
                </Button>
              </Form.Item>
            </Col>
          )}
        </Row>
      </ProblemForm>
    </Card>
  );
}

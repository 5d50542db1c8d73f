import { Card, Col, Row, Statistic, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../../api/types';

type Funnel = Schema<'FunnelView'>;

/** The six headline figures of the programme. */
export function KpiCards({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const { token } = theme.useToken();
  const stage = (name: Funnel['stages'][number]['stage']) =>
    funnel.stages.find((candidate) => candidate.stage === name)?.count ?? 0;
  const items = t('dashboard.kpi.items');
  const figures = [
    { key: 'collected', value: funnel.collectedNeeds, suffix: items },
    { key: 'published', value: stage('published'), suffix: items },
    { key: 'awarded', value: stage('awarded'), suffix: items },
    { key: 'matchmakings', value: funnel.matchmakings, suffix: t('dashboard.kpi.times') },
    { key: 'conversions', value: funnel.conversions, suffix: items },
    { key: 'contractValue', value: funnel.contractValue, suffix: common('unit.wan') },
  ] as const;
  return (
    <section aria-label={t('dashboard.kpi.label')}>
      <Row gutter={[16, 16]}>
        {figures.map((figure) => (
          <Col key={figure.key} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic
                title={t(`dashboard.kpi.${figure.key}`)}
                value={figure.value}
                suffix={figure.suffix}
                groupSeparator=","
                // The default title colour is too faint for WCAG AA contrast.
                styles={{ title: { color: token.colorTextSecondary } }}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </section>
  );
}

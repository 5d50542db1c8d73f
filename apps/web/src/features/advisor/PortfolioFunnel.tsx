import { Card, Col, Row, Statistic, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../api/types';
import { Chart } from '../../shared/Chart';
import { QueryState } from '../../shared/QueryState';
import { type Period, useFunnel } from './queries';

type Funnel = Schema<'FunnelView'>;

/** My portfolio from collected needs to conversions, with the three figures an advisor is measured by. */
export function PortfolioFunnel({ period }: { period: Period }) {
  const { t } = useTranslation('advisor');
  const funnel = useFunnel(period);
  return (
    <section aria-label={t('funnel.section')}>
      <QueryState query={funnel}>
        {(data) => (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={8}>
              <KpiCards funnel={data} />
            </Col>
            <Col xs={24} xl={16}>
              <FunnelChart funnel={data} />
            </Col>
          </Row>
        )}
      </QueryState>
    </section>
  );
}

function KpiCards({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation('advisor');
  const { t: common } = useTranslation();
  const { token } = theme.useToken();
  const figures = [
    { key: 'matchmakings', value: funnel.matchmakings, suffix: t('kpi.times') },
    { key: 'conversions', value: funnel.conversions, suffix: common('unit.count') },
    { key: 'contractValue', value: funnel.contractValue, suffix: common('unit.wan') },
  ] as const;
  return (
    <Row gutter={[16, 16]}>
      {figures.map((figure) => (
        <Col key={figure.key} xs={24} sm={8} xl={24}>
          <Card size="small">
            <Statistic
              title={t(`kpi.${figure.key}`)}
              value={figure.value}
              precision={Number.isInteger(figure.value) ? 0 : 2}
              suffix={figure.suffix}
              groupSeparator=","
              // The default title colour is too faint for WCAG AA contrast.
              styles={{ title: { color: token.colorTextSecondary } }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function FunnelChart({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation('advisor');
  const title = t('funnel.title');
  const stages = funnel.stages.map((stage) => ({ name: t(`funnel.stages.${stage.stage}`), value: stage.count }));
  return (
    <Card title={title} size="small">
      <Chart
        label={t('funnel.aria', { figures: stages.map((stage) => `${stage.name} ${stage.value}`).join('，') })}
        height={300}
        option={{
          tooltip: { trigger: 'item', formatter: '{b}：{c}' },
          series: [
            {
              type: 'funnel',
              // Steps of one process: keep their order even where a later one is larger.
              sort: 'none',
              top: 12,
              bottom: 12,
              left: '8%',
              width: '84%',
              minSize: '24%',
              gap: 2,
              label: { show: true, position: 'inside', formatter: '{b}  {c}' },
              data: stages,
            },
          ],
        }}
      />
    </Card>
  );
}

import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../../api/types';
import { Chart } from '../../../shared/Chart';

type Funnel = Schema<'FunnelView'>;

/**
 * The programme's stages as what they are: counts of activity in the period, each of its own
 * things, not one cohort narrowing step by step. A need can be matched by an advisor without a
 * bid, and a conversion can come from an achievement rather than a need, so a later bar may be
 * longer than an earlier one. The collected needs are the KPI card's figure; achievements apart.
 */
export function FunnelCard({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation('admin');
  const count = (name: Funnel['stages'][number]['stage']) =>
    funnel.stages.find((stage) => stage.stage === name)?.count ?? 0;
  const stages = [
    { name: t('dashboard.stageBars.collectedNeeds'), value: funnel.collectedNeeds },
    { name: t('dashboard.stageBars.collectedAchievements'), value: count('collected') - funnel.collectedNeeds },
    ...(['published', 'bid_on', 'matched', 'awarded', 'converted'] as const).map((stage) => ({
      name: t(`dashboard.stages.${stage}`),
      value: count(stage),
    })),
  ];
  const title = t('dashboard.funnel');
  return (
    <Card title={title}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('dashboard.stagesNote')}
      </Typography.Paragraph>
      <Chart
        label={t('chart.aria', { title, figures: stages.map((stage) => `${stage.name} ${stage.value}`).join('，') })}
        height={Math.max(260, stages.length * 40)}
        option={{
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
          xAxis: { type: 'value', minInterval: 1 },
          // ECharts draws categories bottom-up: reversed, the programme's order reads top-down.
          yAxis: { type: 'category', inverse: true, data: stages.map((stage) => stage.name) },
          series: [
            {
              type: 'bar',
              data: stages.map((stage) => stage.value),
              label: { show: true, position: 'right' },
            },
          ],
        }}
      />
    </Card>
  );
}

import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../../api/types';
import { Chart } from '../../../shared/Chart';

type Funnel = Schema<'FunnelView'>;

/** Collected → published → bid on → matched → awarded → converted, in the programme's order. */
export function FunnelCard({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation('admin');
  const stages = funnel.stages.map((stage) => ({ name: t(`dashboard.stages.${stage.stage}`), value: stage.count }));
  const title = t('dashboard.funnel');
  return (
    <Card title={title}>
      <Chart
        label={t('chart.aria', { title, figures: stages.map((stage) => `${stage.name} ${stage.value}`).join('，') })}
        height={300}
        option={{
          tooltip: { trigger: 'item', formatter: '{b}：{c}' },
          series: [
            {
              type: 'funnel',
              // The stages are steps of one process: keep their order even where a later one is larger.
              sort: 'none',
              top: 16,
              bottom: 16,
              left: '10%',
              width: '80%',
              minSize: '20%',
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

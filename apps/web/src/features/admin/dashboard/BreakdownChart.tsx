import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../../api/types';
import { Chart } from '../../../shared/Chart';
import { useVocabulary } from '../../../shared/vocabulary';

type Row = Schema<'BreakdownRowView'>;

const FIELDS = ['collected', 'published', 'awarded'] as const;
const UNKNOWN = 'unknown';

interface BreakdownChartProps {
  by: 'industry' | 'district';
  rows: Row[];
}

/** Needs collected, published and awarded per industry or district, largest first. */
export function BreakdownChart({ by, rows }: BreakdownChartProps) {
  const { t } = useTranslation('admin');
  const { label } = useVocabulary();
  const title = t(by === 'industry' ? 'dashboard.byIndustry' : 'dashboard.byDistrict');
  // Records no industry or district fits (achievements' deals without a need) are not a district of
  // their own: a bar for them would set the scale and flatten every real one. They are named below.
  const unknown = rows.find((row) => row.key === UNKNOWN);
  // Horizontal bars read top-down, so the largest goes last in ECharts' bottom-up category axis.
  const sorted = rows.filter((row) => row.key !== UNKNOWN).sort((a, b) => a.collected - b.collected);
  const nameOf = (row: Row) => label(by, row.key);
  const names = sorted.map(nameOf);
  const series = FIELDS.map((field) => ({
    name: t(`dashboard.series.${field}`),
    type: 'bar',
    data: sorted.map((row) => row[field]),
  }));
  const figures = [...sorted]
    .reverse()
    .map((row) => `${nameOf(row)} ${FIELDS.map((field, i) => `${series[i]?.name} ${row[field]}`).join(' ')}`)
    .join('；');
  const unknownNote =
    unknown &&
    t('dashboard.unknownNote', {
      name: t(`dashboard.unknown.${by}`),
      figures: FIELDS.map((field, i) => `${series[i]?.name} ${unknown[field]}`).join('，'),
    });
  return (
    <Card title={title}>
      {sorted.length === 0 ? (
        <Empty description={t('chart.noData')} />
      ) : (
        <Chart
          label={t('chart.aria', { title, figures })}
          height={Math.max(320, sorted.length * 34)}
          option={{
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            legend: { top: 0 },
            grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', data: names },
            series,
          }}
        />
      )}
      {unknownNote && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {unknownNote}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

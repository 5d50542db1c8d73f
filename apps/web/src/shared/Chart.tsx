import { Skeleton } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense } from 'react';

// ECharts is a third of the bundle and only dashboards draw charts: the hall loads without it.
const ChartCanvas = lazy(() => import('./ChartCanvas'));

interface ChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (the canvas itself says nothing). */
  label: string;
  height?: number;
}

export function Chart({ option, label, height = 320 }: ChartProps) {
  return (
    <div role="img" aria-label={label} style={{ minHeight: height }}>
      <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
        <ChartCanvas option={option} height={height} />
      </Suspense>
    </div>
  );
}

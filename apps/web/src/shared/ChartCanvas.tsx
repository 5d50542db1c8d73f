import { BarChart, FunnelChart, LineChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';

// Only the charts we draw are bundled; this module is loaded on the first page with a chart.
echarts.use([
  BarChart,
  FunnelChart,
  LineChart,
  PieChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** The app's palette (its primary red first, then colours that read apart from it), not ECharts' own. */
echarts.registerTheme('jiebang', {
  color: ['#c0392b', '#0958d9', '#d48806', '#389e0d', '#722ed1', '#08979c', '#595959'],
});

export default function ChartCanvas({ option, height }: { option: EChartsCoreOption; height: number }) {
  return <ReactEChartsCore echarts={echarts} theme="jiebang" option={option} notMerge style={{ height }} />;
}

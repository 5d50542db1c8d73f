import { Card, Empty } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../../api/types';
import { Chart } from '../../../shared/Chart';

type Row = Schema<'BreakdownRowView'>;

/** A month the chart draws something for: an award, a conversion or a contract's value. */
const drawn = (row: Row) => row.awarded > 0 || row.conversions > 0 || row.contractValue > 0;

/**
 * Every month from the first to the last month with something drawn, quiet months between them as
 * zeros, so the axis keeps time's scale without empty years at either end (needs collected long
 * before their first award).
 */
function everyMonth(rows: Row[]): Row[] {
  const sorted = rows.filter(drawn).sort((a, b) => a.key.localeCompare(b.key));
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const months: Row[] = [];
  const end = dayjs(`${last.key}-01`);
  for (let month = dayjs(`${first.key}-01`); !month.isAfter(end); month = month.add(1, 'month')) {
    const key = month.format('YYYY-MM');
    months.push(
      byKey.get(key) ?? {
        key,
        label: key,
        collected: 0,
        published: 0,
        bids: 0,
        matchmakings: 0,
        awarded: 0,
        conversions: 0,
        contractValue: 0,
      },
    );
  }
  return months;
}

/** Awards and conversions per month (bars), with the contract value they brought (line, 万元). */
export function TrendChart({ rows: given }: { rows: Row[] }) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const rows = everyMonth(given);
  const title = t('dashboard.byMonth');
  const awarded = t('dashboard.series.awarded');
  const conversions = t('dashboard.series.conversions');
  const value = t('dashboard.series.contractValue');
  const figures = rows
    .filter(drawn)
    .map((row) => `${row.key} ${awarded}${row.awarded} ${conversions}${row.conversions} ${value}${row.contractValue}`)
    .join('；');
  return (
    <Card title={title}>
      {rows.length === 0 ? (
        <Empty description={t('chart.noData')} />
      ) : (
        <Chart
          label={t('chart.aria', { title, figures })}
          option={{
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
            xAxis: { type: 'category', data: rows.map((row) => row.key) },
            yAxis: [
              { type: 'value', minInterval: 1 },
              { type: 'value', name: common('unit.wan'), splitLine: { show: false } },
            ],
            series: [
              { name: awarded, type: 'bar', data: rows.map((row) => row.awarded) },
              { name: conversions, type: 'bar', data: rows.map((row) => row.conversions) },
              { name: value, type: 'line', yAxisIndex: 1, data: rows.map((row) => row.contractValue) },
            ],
          }}
        />
      )}
    </Card>
  );
}

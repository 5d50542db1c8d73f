import { Card, Col, Flex, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../../shared/ExportButtons';
import { QueryState } from '../../../shared/QueryState';
import { useStatsBreakdown, useStatsFunnel } from '../queries';
import { BreakdownChart } from './BreakdownChart';
import { FunnelCard } from './FunnelCard';
import { KpiCards } from './KpiCards';
import { StatsFilterBar } from './StatsFilterBar';
import { toQueryString, useStatsFilters } from './statsFilters';
import { TrendChart } from './TrendChart';

/** 数据看板: the programme's funnel and figures, filtered by period, industry, district and advisor. */
export function DashboardPage() {
  const { t } = useTranslation('admin');
  const [filters, setFilters] = useStatsFilters();
  const funnel = useStatsFunnel(filters);
  const byIndustry = useStatsBreakdown(filters, 'industry');
  const byDistrict = useStatsBreakdown(filters, 'district');
  const byMonth = useStatsBreakdown(filters, 'month');

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={16}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {t('dashboard.title')}
          </Typography.Title>
          <Flex align="center" gap={8} wrap>
            <Typography.Text>{t('dashboard.export')}</Typography.Text>
            <ExportButtons path={`/api/v1/stats/export${toQueryString(filters)}`} name="jiebang-stats" />
          </Flex>
        </Flex>
        <div style={{ marginTop: 16 }}>
          <StatsFilterBar filters={filters} onChange={setFilters} />
        </div>
      </Card>
      <QueryState query={funnel}>
        {(data) => (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <KpiCards funnel={data} />
            <FunnelCard funnel={data} />
          </Space>
        )}
      </QueryState>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <QueryState query={byIndustry}>{(rows) => <BreakdownChart by="industry" rows={rows} />}</QueryState>
        </Col>
        <Col xs={24} xl={12}>
          <QueryState query={byDistrict}>{(rows) => <BreakdownChart by="district" rows={rows} />}</QueryState>
        </Col>
      </Row>
      <QueryState query={byMonth}>{(rows) => <TrendChart rows={rows} />}</QueryState>
    </Space>
  );
}

import { FileAddOutlined, FileDoneOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../api/session';
import { PeriodFilter } from './PeriodFilter';
import { PortfolioFunnel } from './PortfolioFunnel';
import { useServedOrganisations } from './queries';
import { RecordDrawer, type RecordKind } from './RecordDrawer';
import { RecordTables } from './RecordTables';
import { ServedEnterprises } from './ServedEnterprises';
import { usePeriod } from './usePeriod';

interface OpenRecord {
  kind: RecordKind;
  organisationId?: string;
}

/** 顾问工作台: my enterprises, my portfolio's funnel and my records, with one click to log new work. */
export function AdvisorHome() {
  const { t } = useTranslation('advisor');
  const navigate = useNavigate();
  const user = useSession()?.user;
  const served = useServedOrganisations();
  const [period, setPeriod] = usePeriod();
  const [record, setRecord] = useState<OpenRecord | null>(null);
  // Serving a single enterprise, every record is about it.
  const only = served.data?.length === 1 ? served.data[0]?.id : undefined;
  const open = (kind: RecordKind, organisationId = only) => setRecord({ kind, organisationId });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={16}>
          <div>
            <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
              {t('home.title')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('home.greeting', { name: user?.displayName ?? '', count: served.data?.length ?? 0 })}
            </Typography.Text>
          </div>
          <Space wrap>
            <Button type="primary" icon={<TeamOutlined aria-hidden />} onClick={() => open('matchmaking')}>
              {t('actions.recordMatchmaking')}
            </Button>
            <Button type="primary" icon={<FileDoneOutlined aria-hidden />} onClick={() => open('conversion')}>
              {t('actions.recordConversion')}
            </Button>
            <Button icon={<FileAddOutlined aria-hidden />} onClick={() => void navigate('/advisor/demands/new')}>
              {t('actions.draftDemand')}
            </Button>
          </Space>
        </Flex>
        <div style={{ marginTop: 16 }}>
          <PeriodFilter period={period} onChange={setPeriod} />
        </div>
      </Card>
      <PortfolioFunnel period={period} />
      <ServedEnterprises onRecord={open} />
      <RecordTables period={period} />
      {record && <RecordDrawer {...record} onClose={() => setRecord(null)} />}
    </Space>
  );
}

import { Button, Card, Empty, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { QueryState } from '../../shared/QueryState';
import { bountyRange, formatDate } from '../../shared/format';
import { useVocabulary } from '../../shared/vocabulary';
import { DemandStatusTag } from '../enterprise/DemandStatusTag';
import { type DemandStatus, EDITABLE_STATUSES } from '../enterprise/queries';
import { type Demand, type Organisation, useAdvisorDemands, useServedOrganisations } from './queries';
import type { RecordKind } from './RecordDrawer';
import { AdaptiveTable } from '../../shared/AdaptiveTable';

interface EnterpriseRow extends Organisation {
  demands: Demand[];
}

interface ServedEnterprisesProps {
  onRecord: (kind: RecordKind, organisationId: string) => void;
}

/** 我服务的企业: each enterprise with its needs by status; a row opens to the needs themselves. */
export function ServedEnterprises({ onRecord }: ServedEnterprisesProps) {
  const { t } = useTranslation('advisor');
  const organisations = useServedOrganisations();
  const demands = useAdvisorDemands();
  const [search, setSearch] = useState('');
  const matches = (organisation: Organisation) => organisation.name.toLowerCase().includes(search.trim().toLowerCase());
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('enterprises.title')}</h2>}
      extra={
        <Input.Search
          allowClear
          aria-label={t('enterprises.search')}
          placeholder={t('enterprises.search')}
          onChange={(event) => setSearch(event.target.value)}
          style={{ maxWidth: 240 }}
        />
      }
    >
      <QueryState
        query={organisations}
        isEmpty={(list) => list.length === 0}
        empty={<Empty description={t('enterprises.empty')} />}
      >
        {(list) => (
          <QueryState query={demands}>
            {(needs) => (
              <EnterpriseTable
                rows={list.filter(matches).map((organisation) => ({
                  ...organisation,
                  demands: needs.filter((need) => need.owner.id === organisation.id),
                }))}
                onRecord={onRecord}
              />
            )}
          </QueryState>
        )}
      </QueryState>
    </Card>
  );
}

function EnterpriseTable({ rows, onRecord }: { rows: EnterpriseRow[]; onRecord: ServedEnterprisesProps['onRecord'] }) {
  const { t } = useTranslation('advisor');
  const { label } = useVocabulary();
  return (
    <AdaptiveTable<EnterpriseRow>
      aria-label={t('enterprises.caption')}
      rowKey="id"
      size="middle"
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      expandable={{
        expandedRowRender: (row) => <NeedTable organisation={row.name} demands={row.demands} />,
        rowExpandable: (row) => row.demands.length > 0,
      }}
      columns={[
        { title: t('enterprises.columns.name'), dataIndex: 'name' },
        {
          title: t('enterprises.columns.needs'),
          key: 'needs',
          align: 'right',
          width: 90,
          render: (_, row) => row.demands.length,
          sorter: (a, b) => a.demands.length - b.demands.length,
        },
        {
          title: t('enterprises.columns.statuses'),
          key: 'statuses',
          render: (_, row) => (
            <Space size={[4, 4]} wrap>
              {countByStatus(row.demands).map(([status, count]) => (
                <Tag key={status}>{t('enterprises.statusCount', { status: label('demandStatus', status), count })}</Tag>
              ))}
            </Space>
          ),
        },
        {
          title: t('enterprises.columns.actions'),
          key: 'actions',
          width: 220,
          render: (_, row) => (
            <Space size={0} wrap>
              <Button
                type="link"
                aria-label={t('enterprises.recordMatchmakingFor', { name: row.name })}
                onClick={() => onRecord('matchmaking', row.id)}
              >
                {t('actions.recordMatchmaking')}
              </Button>
              <Button
                type="link"
                aria-label={t('enterprises.recordConversionFor', { name: row.name })}
                onClick={() => onRecord('conversion', row.id)}
              >
                {t('actions.recordConversion')}
              </Button>
              <Link
                to={`/advisor/demands/new?organisation=${row.id}`}
                aria-label={t('enterprises.draftDemandFor', { name: row.name })}
                style={{ padding: '4px 15px' }}
              >
                {t('enterprises.draftDemand')}
              </Link>
            </Space>
          ),
        },
      ]}
    />
  );
}

function countByStatus(demands: Demand[]): [DemandStatus, number][] {
  const counts = new Map<DemandStatus, number>();
  for (const demand of demands) counts.set(demand.status, (counts.get(demand.status) ?? 0) + 1);
  return [...counts];
}

function NeedTable({ organisation, demands }: { organisation: string; demands: Demand[] }) {
  const { t } = useTranslation('advisor');
  const { t: common } = useTranslation();
  return (
    <AdaptiveTable<Demand>
      aria-label={t('enterprises.needsCaption', { name: organisation })}
      rowKey="id"
      size="small"
      dataSource={demands}
      pagination={demands.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      columns={[
        {
          title: t('needs.columns.title'),
          key: 'title',
          render: (_, need) => (
            <Space orientation="vertical" size={0}>
              <Link to={`/demands/${need.id}`}>{need.title}</Link>
              {need.code && <Typography.Text type="secondary">{need.code}</Typography.Text>}
            </Space>
          ),
        },
        {
          title: t('needs.columns.status'),
          dataIndex: 'status',
          width: 120,
          render: (status: DemandStatus) => <DemandStatusTag status={status} />,
        },
        {
          title: t('needs.columns.bounty'),
          key: 'bounty',
          width: 150,
          render: (_, need) => bountyRange(need.bountyMin, need.bountyMax, common('unit.wan')),
        },
        {
          title: t('needs.columns.deadline'),
          dataIndex: 'bidDeadline',
          width: 120,
          render: (deadline: string | null) => formatDate(deadline),
        },
        {
          title: t('needs.columns.actions'),
          key: 'actions',
          width: 90,
          render: (_, need) =>
            EDITABLE_STATUSES.includes(need.status) ? (
              <Link to={`/advisor/demands/${need.id}/edit`} aria-label={t('needs.editFor', { title: need.title })}>
                {common('action.edit')}
              </Link>
            ) : null,
        },
      ]}
    />
  );
}

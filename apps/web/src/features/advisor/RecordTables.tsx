import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Schema } from '../../api/types';
import { QueryState } from '../../shared/QueryState';
import { ExportButtons } from '../../shared/ExportButtons';
import { formatDate } from '../../shared/format';
import { useVocabulary } from '../../shared/vocabulary';
import { FilePanel } from '../files/FilePanel';
import { type Period, type RecordPage, useConversions, useMatchmakings } from './queries';
import { AdaptiveTable } from '../../shared/AdaptiveTable';
import { RecordDrawer, type RecordTarget } from './RecordDrawer';

type Matchmaking = Schema<'MatchmakingView'>;
type Conversion = Schema<'ConversionView'>;

const FIRST_PAGE: RecordPage = { page: 1, pageSize: 10 };

/** The workbook of the period's records (both kinds, every page). */
function exportPath(period: Period): string {
  const query = new URLSearchParams(Object.entries(period).filter((entry): entry is [string, string] => !!entry[1]));
  const search = query.toString();
  return `/api/v1/advisor-records/export${search ? `?${search}` : ''}`;
}

/** A record's need, by the title the server sent with it. */
function NeedLink({ id, title }: { id: string | null; title: string | null }) {
  const { t } = useTranslation('advisor');
  if (!id) return <>—</>;
  return <Link to={`/demands/${id}`}>{title ?? t('records.viewNeed')}</Link>;
}

/** 我的记录: my matchmakings and conversions in the chosen period, newest first. */
export function RecordTables({ period }: { period: Period }) {
  const { t } = useTranslation('advisor');
  const [editing, setEditing] = useState<RecordTarget | null>(null);
  // Another period starts again from the first page.
  const periodKey = `${period.from ?? ''}~${period.to ?? ''}`;
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('records.title')}</h2>}
      extra={<ExportButtons path={exportPath(period)} name={t('records.exportName')} formats={['xlsx']} />}
    >
      <Tabs
        items={[
          {
            key: 'matchmakings',
            label: t('records.matchmakings'),
            children: (
              <MatchmakingTable
                key={periodKey}
                period={period}
                onEdit={(record) => setEditing({ kind: 'matchmaking', record })}
              />
            ),
          },
          {
            key: 'conversions',
            label: t('records.conversions'),
            children: (
              <ConversionTable
                key={periodKey}
                period={period}
                onEdit={(record) => setEditing({ kind: 'conversion', record })}
              />
            ),
          },
        ]}
      />
      {editing && <RecordDrawer {...editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}

/** The row's edit button, named by the record for a screen reader. */
function EditButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation('advisor');
  return (
    <Button size="small" icon={<EditOutlined />} aria-label={label} onClick={onClick}>
      {t('records.edit')}
    </Button>
  );
}

function MatchmakingTable({ period, onEdit }: { period: Period; onEdit: (record: Matchmaking) => void }) {
  const { t } = useTranslation('advisor');
  const { label } = useVocabulary();
  const [paging, setPaging] = useState(FIRST_PAGE);
  const records = useMatchmakings(period, paging);
  return (
    <QueryState
      query={records}
      isEmpty={(data) => data.total === 0}
      empty={<Empty description={t('records.emptyMatchmakings')} />}
    >
      {(data) => (
        <AdaptiveTable<Matchmaking>
          aria-label={t('records.matchmakingsCaption')}
          rowKey="id"
          size="middle"
          loading={records.isFetching}
          dataSource={data.items}
          pagination={{
            current: data.page,
            pageSize: data.pageSize,
            total: data.total,
            showTotal: (total) => t('records.total', { count: total }),
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          columns={[
            { title: t('records.columns.date'), dataIndex: 'occurredOn', width: 110, render: formatDate },
            {
              title: t('records.columns.need'),
              key: 'need',
              render: (_, record) =>
                record.demandId ? (
                  <NeedLink id={record.demandId} title={record.demandTitle} />
                ) : (
                  (record.achievementTitle ?? '—')
                ),
            },
            {
              title: t('records.columns.team'),
              key: 'team',
              render: (_, record) => record.teamName ?? '—',
            },
            {
              title: t('records.columns.kind'),
              dataIndex: 'kind',
              width: 100,
              render: (kind: Matchmaking['kind']) => label('matchmakingKind', kind),
            },
            {
              title: t('records.columns.outcome'),
              dataIndex: 'outcome',
              width: 120,
              render: (outcome: Matchmaking['outcome']) => label('matchmakingOutcome', outcome),
            },
            {
              title: t('records.columns.notes'),
              dataIndex: 'notes',
              width: '30%',
              render: (notes: string) => (
                <Typography.Paragraph ellipsis={{ rows: 2, tooltip: notes }} style={{ margin: 0 }}>
                  {notes}
                </Typography.Paragraph>
              ),
            },
            {
              title: t('records.columns.actions'),
              key: 'actions',
              width: 90,
              render: (_, record) => (
                <EditButton
                  label={t('records.editMatchmaking', { date: formatDate(record.occurredOn) })}
                  onClick={() => onEdit(record)}
                />
              ),
            },
          ]}
        />
      )}
    </QueryState>
  );
}

function ConversionTable({ period, onEdit }: { period: Period; onEdit: (record: Conversion) => void }) {
  const { t } = useTranslation('advisor');
  const { t: files } = useTranslation('files');
  const { t: common } = useTranslation();
  const { label } = useVocabulary();
  const [paging, setPaging] = useState(FIRST_PAGE);
  const records = useConversions(period, paging);
  return (
    <QueryState
      query={records}
      isEmpty={(data) => data.total === 0}
      empty={<Empty description={t('records.emptyConversions')} />}
    >
      {(data) => (
        <AdaptiveTable<Conversion>
          aria-label={t('records.conversionsCaption')}
          rowKey="id"
          size="middle"
          loading={records.isFetching}
          dataSource={data.items}
          expandable={{
            // The advisor's own records: evidence can be added or removed later too.
            expandedRowRender: (record) => (
              <FilePanel
                base={`/api/v1/conversions/${record.id}/attachments`}
                title={files('conversion.title')}
                editable
              />
            ),
          }}
          pagination={{
            current: data.page,
            pageSize: data.pageSize,
            total: data.total,
            showTotal: (total) => t('records.total', { count: total }),
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          columns={[
            { title: t('records.columns.signedOn'), dataIndex: 'signedOn', width: 110, render: formatDate },
            { title: t('records.columns.title'), dataIndex: 'title' },
            {
              title: t('records.columns.conversionKind'),
              dataIndex: 'kind',
              width: 100,
              render: (kind: Conversion['kind']) => label('conversionKind', kind),
            },
            {
              title: t('records.columns.contractValue'),
              dataIndex: 'contractValue',
              align: 'right',
              width: 130,
              render: (value: number) => `${value.toLocaleString('zh-CN')} ${common('unit.wan')}`,
            },
            {
              title: t('records.columns.need'),
              key: 'need',
              render: (_, record) => <NeedLink id={record.demandId} title={record.demandTitle} />,
            },
            { title: t('records.columns.parties'), dataIndex: 'parties' },
            { title: t('records.columns.evidence'), dataIndex: 'evidenceRef', width: 180 },
            {
              title: t('records.columns.actions'),
              key: 'actions',
              width: 90,
              render: (_, record) => (
                <EditButton
                  label={t('records.editConversion', { title: record.title })}
                  onClick={() => onEdit(record)}
                />
              ),
            },
          ]}
        />
      )}
    </QueryState>
  );
}

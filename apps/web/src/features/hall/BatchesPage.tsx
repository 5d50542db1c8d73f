import { CalendarOutlined, DownloadOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Pagination, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Deadline } from '../../shared/Deadline';
import { bountyRange, formatDate } from '../../shared/format';
import { QueryState } from '../../shared/QueryState';
import { useVocabulary } from '../../shared/vocabulary';
import { type Batch, type Demand, useBatch, useBatches } from './queries';
import { StatusTag } from './StatusTag';
import { ACCENT, LINK, MUTED } from './tone';
import { AdaptiveTable } from '../../shared/AdaptiveTable';
import { ButtonLink } from '../../shared/ButtonLink';

const PAGE_SIZE = 10;

/** The needs of one batch, fetched when the visitor opens the list. */
function BatchDemands({ batch }: { batch: Batch }) {
  const { t } = useTranslation('hall');
  const { t: tc } = useTranslation();
  const { label } = useVocabulary();
  const detail = useBatch(batch.id);
  return (
    <QueryState query={detail} isEmpty={(data) => data.demands.length === 0}>
      {(data) => (
        <AdaptiveTable<Demand>
          size="small"
          rowKey="id"
          style={{ marginTop: 12 }}
          aria-label={t('batches.demandsOf', { title: batch.title })}
          dataSource={data.demands}
          pagination={{ pageSize: 10, size: 'small', showSizeChanger: false }}
          columns={[
            { key: 'code', title: t('batches.code'), dataIndex: 'code', width: 130 },
            {
              key: 'title',
              title: t('batches.demandTitle'),
              render: (_value, demand) => (
                <Link to={`/demands/${demand.id}`} style={{ color: LINK }}>
                  {demand.title}
                </Link>
              ),
            },
            {
              key: 'industry',
              title: t('demand.industry'),
              width: 120,
              render: (_value, demand) => label('industry', demand.industry),
            },
            {
              key: 'bounty',
              title: t('demand.bounty'),
              width: 150,
              render: (_value, demand) => bountyRange(demand.bountyMin, demand.bountyMax, tc('unit.wan')),
            },
            {
              key: 'status',
              title: t('batches.status'),
              width: 100,
              render: (_value, demand) => <StatusTag status={demand.status} />,
            },
          ]}
        />
      )}
    </QueryState>
  );
}

function BatchCard({ batch }: { batch: Batch }) {
  const { t } = useTranslation('hall');
  const [open, setOpen] = useState(false);
  const headingId = `batch-${batch.id}`;
  return (
    <Card size="small" style={{ borderLeft: `3px solid ${ACCENT}` }}>
      <article aria-labelledby={headingId}>
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={2} id={headingId} style={{ fontSize: 17, margin: 0 }}>
              {batch.title}
              {batch.status === 'draft' && <Tag style={{ marginLeft: 8 }}>{t('batches.draft')}</Tag>}
            </Typography.Title>
            <div style={{ marginTop: 6, color: MUTED, display: 'flex', flexWrap: 'wrap', columnGap: 24 }}>
              <span>
                <CalendarOutlined aria-hidden /> {t('batches.release', { date: formatDate(batch.releaseDate) })}
              </span>
              <span>
                <EnvironmentOutlined aria-hidden /> {t('batches.venue', { venue: batch.venue || '—' })}
              </span>
            </div>
            <div style={{ marginTop: 4, color: MUTED }}>
              {t('batches.deadline')}
              <Deadline at={batch.defaultBidDeadline} />
            </div>
          </div>
          <div style={{ textAlign: 'right' }}>
            <div style={{ fontSize: 12, color: MUTED }}>{t('batches.count')}</div>
            <div style={{ fontSize: 26, fontWeight: 600, color: ACCENT, lineHeight: 1.2 }}>
              {batch.demandCount}
              <span style={{ fontSize: 13, fontWeight: 400, marginLeft: 4 }}>{t('batches.unit')}</span>
            </div>
          </div>
        </div>
        <div style={{ display: 'flex', gap: 8, marginTop: 12, flexWrap: 'wrap' }}>
          <ButtonLink to={`/hall?scope=all&batchId=${batch.id}`} type="primary">
            {t('batches.search')}
          </ButtonLink>
          <Button aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('batches.hideList') : t('batches.showList')}
          </Button>
          {/* A public file: a plain link downloads it, the server names it after the batch. */}
          <Button
            icon={<DownloadOutlined aria-hidden />}
            href={`/api/v1/batches/${batch.id}/export?format=xlsx`}
            aria-label={t('batches.downloadFor', { title: batch.title })}
          >
            {t('batches.download')}
          </Button>
        </div>
        {open && <BatchDemands batch={batch} />}
      </article>
    </Card>
  );
}

/** The release batches, newest first: each a 发布会 where a set of needs went public together. */
export function BatchesPage() {
  const { t } = useTranslation('hall');
  const [page, setPage] = useState(1);
  const batches = useBatches(page, PAGE_SIZE);
  return (
    <>
      <header style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('batches.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: MUTED, margin: '4px 0 0' }}>{t('batches.intro')}</Typography.Paragraph>
      </header>
      <QueryState
        query={batches}
        isEmpty={(data) => data.items.length === 0}
        empty={<Empty description={<span style={{ color: MUTED }}>{t('batches.empty')}</span>} />}
      >
        {(data) => (
          <>
            <Timeline
              items={data.items.map((batch) => ({
                key: batch.id,
                color: batch.status === 'draft' ? 'gray' : 'red',
                content: <BatchCard batch={batch} />,
              }))}
            />
            <Pagination
              style={{ justifyContent: 'flex-end' }}
              current={page}
              pageSize={PAGE_SIZE}
              total={data.total}
              hideOnSinglePage
              onChange={(next) => {
                setPage(next);
                window.scrollTo({ top: 0 });
              }}
            />
          </>
        )}
      </QueryState>
    </>
  );
}

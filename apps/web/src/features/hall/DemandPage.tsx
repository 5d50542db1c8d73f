import { PUBLIC_DEMAND_STATUSES } from '@jiebang/contracts';
import { Breadcrumb, Card, Descriptions, Result, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import type { Schema } from '../../api/types';
import { Deadline } from '../../shared/Deadline';
import { bountyRange, formatDate } from '../../shared/format';
import { QueryState } from '../../shared/QueryState';
import { useVocabulary } from '../../shared/vocabulary';
import { DemandFiles } from '../files/DemandFiles';
import { FollowButton } from '../notifications/FollowButton';
import { QuestionsPanel, QuestionsTabLabel } from '../qa/QuestionsPanel';
import { DemandActions } from './DemandActions';
import { type Demand, useBidCount, useDemand } from './queries';
import { StatusTag } from './StatusTag';
import { SuitableTeams } from './SuitableTeams';
import { ACCENT, LINK, MUTED } from './tone';
import { AdaptiveTable } from '../../shared/AdaptiveTable';
import { ButtonLink } from '../../shared/ButtonLink';

type Indicator = Schema<'IndicatorDto'>;

const sectionTitle = (text: string, id: string) => (
  <Typography.Title level={2} id={id} style={{ fontSize: 16, margin: 0 }}>
    {text}
  </Typography.Title>
);

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card
      size="small"
      title={sectionTitle(title, id)}
      styles={{ header: { borderBottom: `2px solid ${ACCENT}` } }}
      style={{ marginBottom: 16 }}
    >
      <section aria-labelledby={id}>{children}</section>
    </Card>
  );
}

function Indicators({ indicators }: { indicators: Indicator[] }) {
  const { t } = useTranslation('hall');
  return (
    <AdaptiveTable<Indicator>
      size="small"
      bordered
      pagination={false}
      // The section heading already shows the caption; screen readers still get it on the table.
      caption={<span className="visually-hidden">{t('demand.indicators')}</span>}
      rowKey={(row) => row.name}
      dataSource={indicators}
      locale={{ emptyText: t('demand.noIndicators') }}
      columns={[
        { key: 'index', title: '#', width: 48, render: (_value, _row, index) => index + 1 },
        { key: 'name', title: t('demand.indicatorName'), dataIndex: 'name' },
        { key: 'target', title: t('demand.indicatorTarget'), dataIndex: 'target' },
        { key: 'unit', title: t('demand.indicatorUnit'), dataIndex: 'unit', render: (unit: string) => unit || '—' },
      ]}
    />
  );
}

function KeyFacts({ demand }: { demand: Demand }) {
  const { t } = useTranslation('hall');
  const { t: tc } = useTranslation();
  const { label } = useVocabulary();
  const bids = useBidCount(demand.id);
  const fact = (name: string, value: ReactNode) => (
    <div style={{ padding: '10px 0', borderBottom: '1px solid #f5f5f5' }}>
      <div style={{ fontSize: 12, color: MUTED }}>{name}</div>
      <div style={{ marginTop: 2 }}>{value}</div>
    </div>
  );
  return (
    <Card size="small" style={{ marginBottom: 16, borderTop: `3px solid ${ACCENT}` }}>
      {fact(
        t('demand.bounty'),
        <span style={{ fontSize: 24, fontWeight: 600, color: ACCENT }}>
          {bountyRange(demand.bountyMin, demand.bountyMax, tc('unit.wan'))}
        </span>,
      )}
      {fact(t('demand.deadline'), <Deadline at={demand.bidDeadline} status={demand.status} />)}
      {fact(
        t('demand.awardMode'),
        demand.awardMode === 'parallel'
          ? t('demand.parallel', { mode: label('awardMode', demand.awardMode), count: demand.awardLeads })
          : label('awardMode', demand.awardMode),
      )}
      {fact(
        t('demand.bids'),
        bids.data ? t('demand.bidCount', { count: bids.data.bids }) : bids.isError ? '—' : tc('state.loading'),
      )}
      <div style={{ paddingTop: 16 }}>
        <DemandActions demand={demand} />
        <FollowButton demandId={demand.id} status={demand.status} />
      </div>
    </Card>
  );
}

function DemandView({ demand }: { demand: Demand }) {
  const { t } = useTranslation('hall');
  const { label } = useVocabulary();
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          {
            title: (
              <Link to="/hall" style={{ color: MUTED }}>
                {t('hall.title')}
              </Link>
            ),
          },
          { title: demand.code ?? demand.title },
        ]}
      />
      <header style={{ background: '#fff', border: '1px solid #e8e8e8', padding: '16px 24px', marginBottom: 16 }}>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          {demand.code && (
            <Typography.Text style={{ color: MUTED, fontFamily: 'monospace' }}>{demand.code}</Typography.Text>
          )}
          <StatusTag status={demand.status} />
        </div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: '8px 0', lineHeight: 1.5 }}>
          {demand.title}
        </Typography.Title>
        <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'center' }}>
          <Tag color="red">{label('industry', demand.industry)}</Tag>
          <Tag>{label('district', demand.district)}</Tag>
          <Tag>{label('cooperationMode', demand.cooperationMode)}</Tag>
          <Tag>{label('outcomeForm', demand.outcomeForm)}</Tag>
          <Typography.Text style={{ color: MUTED, marginLeft: 8 }}>
            {t('hall.owner', { name: demand.owner.name ?? '—' })}
          </Typography.Text>
        </div>
      </header>
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <div style={{ flex: '1 1 600px', minWidth: 0 }}>
          <DemandTabs demand={demand} details={<DemandDetails demand={demand} />} />
        </div>
        <aside style={{ flex: '0 0 320px', maxWidth: '100%' }} aria-label={t('demand.sidebar')}>
          <KeyFacts demand={demand} />
          <Section id="demand-teams" title={t('demand.teams')}>
            <SuitableTeams demandId={demand.id} />
          </Section>
        </aside>
      </div>
    </>
  );
}

/** What the need says: the public sections, and the confidential ones for those who may read them. */
function DemandDetails({ demand }: { demand: Demand }) {
  const { t } = useTranslation('hall');
  const { t: tFiles } = useTranslation('files');
  const { label } = useVocabulary();
  return (
    <>
      <Section id="demand-summary" title={t('demand.summary')}>
        <Typography.Paragraph style={{ lineHeight: 1.9, margin: 0, whiteSpace: 'pre-wrap' }}>
          {demand.summary}
        </Typography.Paragraph>
      </Section>
      <Section id="demand-indicators" title={t('demand.indicators')}>
        <Indicators indicators={demand.indicators} />
      </Section>
      <Section id="demand-background" title={t('demand.background')}>
        <Typography.Paragraph style={{ lineHeight: 1.9, margin: 0, whiteSpace: 'pre-wrap' }}>
          {demand.background}
        </Typography.Paragraph>
      </Section>
      <Section id="demand-info" title={t('demand.info')}>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'owner', label: t('demand.owner'), children: demand.owner.name ?? '—' },
            { key: 'industry', label: t('demand.industry'), children: label('industry', demand.industry) },
            { key: 'district', label: t('demand.district'), children: label('district', demand.district) },
            {
              key: 'cooperation',
              label: t('demand.cooperationMode'),
              children: label('cooperationMode', demand.cooperationMode),
            },
            { key: 'outcome', label: t('demand.outcomeForm'), children: label('outcomeForm', demand.outcomeForm) },
            {
              key: 'batch',
              label: t('demand.batch'),
              children: demand.batch ? (
                <Link to={`/hall?scope=all&batchId=${demand.batch.id}`} style={{ color: LINK }}>
                  {demand.batch.title}
                </Link>
              ) : (
                '—'
              ),
            },
            { key: 'published', label: t('demand.publishedAt'), children: formatDate(demand.publishedAt) },
            {
              key: 'keywords',
              label: t('demand.keywords'),
              children: demand.keywords.length ? demand.keywords.join('、') : '—',
            },
          ]}
        />
      </Section>
      <Section id="demand-files" title={tFiles('need.title')}>
        <DemandFiles demandId={demand.id} confidential={'confidentialDetails' in demand} bare />
      </Section>
      {'confidentialDetails' in demand && (
        <Section id="demand-private" title={t('demand.private')}>
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              {
                key: 'details',
                label: t('demand.confidential'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{demand.confidentialDetails || '—'}</span>,
              },
              {
                key: 'contact',
                label: t('demand.contact'),
                children: [demand.contactName, demand.contactPhone, demand.contactEmail].filter(Boolean).join(' · '),
              },
            ]}
          />
        </Section>
      )}
    </>
  );
}

/** 详情 and, once the need is public, 答疑 (its Q&A), as tabs; `?tab=qa` opens the Q&A. */
function DemandTabs({ demand, details }: { demand: Demand; details: ReactNode }) {
  const { t } = useTranslation('qa');
  const [params, setParams] = useSearchParams();
  if (!PUBLIC_DEMAND_STATUSES.some((status) => status === demand.status)) return details;
  const active = params.get('tab') === 'qa' ? 'qa' : 'details';
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => setParams(key === 'qa' ? { tab: 'qa' } : {}, { replace: true })}
      items={[
        { key: 'details', label: t('detailsTab'), children: details },
        {
          key: 'qa',
          label: <QuestionsTabLabel demandId={demand.id} />,
          children: (
            <Card size="small">
              <QuestionsPanel demandId={demand.id} status={demand.status} />
            </Card>
          ),
        },
      ]}
    />
  );
}

function NotFoundState() {
  const { t } = useTranslation('hall');
  return (
    <Result
      status="404"
      title={
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t('demand.notFound')}
        </Typography.Title>
      }
      subTitle={<span style={{ color: MUTED }}>{t('demand.notFoundHint')}</span>}
      extra={
        <ButtonLink to="/hall" type="primary">
          {t('demand.backToHall')}
        </ButtonLink>
      }
    />
  );
}

/** A need as the public sees it (its owner, advisor and the programme office see more). */
export function DemandPage() {
  const { id = '' } = useParams();
  const demand = useDemand(id);
  // A malformed id is as absent as an unknown one.
  if (demand.error instanceof ApiError && (demand.error.status === 404 || demand.error.status === 400)) {
    return <NotFoundState />;
  }
  return <QueryState query={demand}>{(data) => <DemandView demand={data} />}</QueryState>;
}

import { Alert, Card, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useSession } from '../../api/session';
import { type Schema } from '../../api/types';
import { Deadline } from '../../shared/Deadline';
import { formatDate, formatDateTime } from '../../shared/format';
import { QueryState } from '../../shared/QueryState';
import { useVocabulary } from '../../shared/vocabulary';
import { BidFiles } from '../files/BidFiles';
import { BidActions } from '../team/bids/BidActions';
import { BidScores } from '../team/bids/BidScores';
import { bidStanding, BidStatusTag } from '../team/bids/BidStatusTag';
import { isOpenForBids } from '../team/bids/bidValues';
import { useBid, useDemand } from '../team/queries';
import { AdaptiveTable } from '../../shared/AdaptiveTable';
import { useEngagementOfBid } from './queries';

type Bid = Schema<'BidView'>;
type Demand = Schema<'DemandPublicView'>;

/** /bids/:id — one bid, read by its team and by the need's side; only the team gets actions. */
export function BidPage() {
  const { t } = useTranslation('team');
  const { id } = useParams();
  const bid = useBid(id);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {bid.data?.demandTitle ? t('bidPage.titleOf', { title: bid.data.demandTitle }) : t('bidPage.title')}
      </Typography.Title>
      <QueryState query={bid}>{(loaded) => <BidDetails bid={loaded} />}</QueryState>
    </Space>
  );
}

function BidDetails({ bid }: { bid: Bid }) {
  const { t } = useTranslation('team');
  const { t: common } = useTranslation();
  const { t: files } = useTranslation('files');
  const { label } = useVocabulary();
  const session = useSession();
  const demand = useDemand(bid.demandId);
  const ownTeam = session?.user.role === 'team' && session.user.organisation?.id === bid.teamOrganisationId;
  const indicators = demand.data?.indicators ?? [];
  const standing = bidStanding(bid);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {bid.status === 'not_selected' && bid.feedback && (
        <Alert
          type="warning"
          showIcon
          title={t('bidPage.feedback', { category: label('feedbackCategory', bid.feedback.category) })}
          description={bid.feedback.text}
        />
      )}
      {bid.status === 'awarded' && <EngagementLink bidId={bid.id} />}
      {standing && standing !== 'underReview' && (
        <Alert type="info" showIcon title={t(`bids.standingHint.${standing}`)} />
      )}
      <Card
        title={t('bidPage.overview')}
        extra={ownTeam && <BidActions bid={bid} open={demand.data ? isOpenForBids(demand.data) : false} />}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'demand',
              label: t('bidPage.demand'),
              children: <Link to={`/demands/${bid.demandId}`}>{bid.demandTitle ?? t('bids.untitled')}</Link>,
            },
            { key: 'team', label: t('bidPage.team'), children: bid.teamName ?? '—' },
            { key: 'status', label: t('bidPage.status'), children: <BidStatusTag bid={bid} /> },
            { key: 'deadline', label: t('demand.deadline'), children: <DemandDeadline demand={demand.data} /> },
            {
              key: 'budget',
              label: t('bidForm.budget'),
              children: `${bid.budget.toLocaleString('zh-CN')} ${common('unit.wan')}`,
            },
            {
              key: 'duration',
              label: t('bidForm.duration'),
              children: `${bid.durationMonths} ${common('unit.months')}`,
            },
            { key: 'submittedAt', label: t('bids.submittedAt'), children: formatDateTime(bid.submittedAt) },
            { key: 'decidedAt', label: t('bidPage.decidedAt'), children: formatDateTime(bid.decidedAt) },
          ]}
        />
      </Card>
      {!ownTeam && <BidScores bidId={bid.id} demandId={bid.demandId} />}
      <Card title={t('bidForm.sections.approach')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{bid.approach}</Typography.Paragraph>
      </Card>
      <Card title={t('bidForm.sections.indicators')}>
        <AdaptiveTable
          aria-label={t('bidForm.sections.indicators')}
          size="small"
          pagination={false}
          rowKey="indicator"
          dataSource={bid.indicatorResponses}
          columns={[
            { key: 'indicator', title: t('demand.indicatorName'), dataIndex: 'indicator', width: '20%' },
            {
              key: 'target',
              title: t('demand.indicatorTarget'),
              width: '20%',
              render: (_, answer) => {
                const indicator = indicators.find((candidate) => candidate.name === answer.indicator);
                return indicator ? `${indicator.target} ${indicator.unit}`.trim() : '—';
              },
            },
            { key: 'response', title: t('bidPage.response'), dataIndex: 'response' },
          ]}
        />
      </Card>
      <Card title={t('bidForm.sections.milestones')}>
        <AdaptiveTable
          aria-label={t('bidForm.sections.milestones')}
          size="small"
          pagination={false}
          rowKey={(milestone) => `${milestone.dueDate}-${milestone.title}`}
          dataSource={bid.milestones}
          columns={[
            { key: 'seq', title: t('bidPage.seq'), width: 70, render: (_, __, index) => index + 1 },
            { key: 'title', title: t('bidForm.milestones.title'), dataIndex: 'title' },
            {
              key: 'dueDate',
              title: t('bidForm.milestones.dueDate'),
              width: 140,
              render: (_, m) => formatDate(m.dueDate),
            },
            { key: 'share', title: t('bidForm.milestones.share'), width: 120, render: (_, m) => `${m.paymentShare}%` },
          ]}
        />
      </Card>
      <Card title={t('bidForm.sections.members')}>
        <AdaptiveTable
          aria-label={t('bidForm.sections.members')}
          size="small"
          pagination={false}
          rowKey={(member) => `${member.name}-${member.role}`}
          dataSource={bid.members}
          columns={[
            { key: 'name', title: t('bidForm.members.nameColumn'), dataIndex: 'name' },
            { key: 'title', title: t('bidForm.members.title'), dataIndex: 'title' },
            { key: 'role', title: t('bidForm.members.role'), dataIndex: 'role' },
          ]}
        />
      </Card>
      <Card title={files('bid.title')}>
        <BidFiles bidId={bid.id} />
      </Card>
    </Space>
  );
}

function DemandDeadline({ demand }: { demand?: Demand }) {
  return demand ? <Deadline at={demand.bidDeadline} status={demand.status} /> : <span>—</span>;
}

/** The way from an awarded bid to the engagement it became. */
function EngagementLink({ bidId }: { bidId: string }) {
  const { t } = useTranslation('team');
  const engagement = useEngagementOfBid(bidId);
  if (!engagement.data) return null;
  return (
    <Alert
      type="success"
      showIcon
      title={t('bidPage.awarded')}
      action={<Link to={`/engagements/${engagement.data.id}`}>{t('bidPage.toEngagement')}</Link>}
    />
  );
}

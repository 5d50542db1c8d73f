import { Alert, Card, Descriptions, Progress, Steps, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Schema } from '../../api/types';
import { formatDateTime } from '../../shared/format';
import { QueryState } from '../../shared/QueryState';
import { EngagementStatusTag } from './EngagementStatusTag';
import { MilestoneCard } from './MilestoneCard';
import { useEngagement, useEngagementDemand } from './queries';
import { useSide } from './side';
import { ThreadPanel } from './ThreadPanel';

type Engagement = Schema<'EngagementView'>;

const STEP_STATUS = { planned: 'wait', submitted: 'process', accepted: 'finish', rejected: 'error' } as const;

/**
 * An engagement (揭榜项目) after the award: the winning team delivers its milestones in order, the
 * need's owner accepts or rejects each. Advisors and the office read along.
 */
export function EngagementPage() {
  const { id = '' } = useParams<{ id: string }>();
  const engagement = useEngagement(id);
  return <QueryState query={engagement}>{(data) => <EngagementView engagement={data} />}</QueryState>;
}

function EngagementView({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation('engagement');
  const side = useSide(engagement);
  const { token } = theme.useToken();
  const demand = useEngagementDemand(engagement);
  const accepted = engagement.milestones.filter((milestone) => milestone.status === 'accepted');
  const paid = accepted.reduce((sum, milestone) => sum + milestone.paymentShare, 0);
  // Milestones are delivered in order: only the first one not yet accepted can move.
  const current = engagement.milestones.find((milestone) => milestone.status !== 'accepted');
  const demandLink =
    side === 'owner' ? `/enterprise/demands/${engagement.demandId}?tab=engagements` : `/demands/${engagement.demandId}`;

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('title', { demand: engagement.demandTitle ?? '' })}
      </Typography.Title>
      <Alert
        type={side ? 'info' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={t(side === 'team' ? 'role.team' : side === 'owner' ? 'role.owner' : 'role.reader')}
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 24 }}
        items={[
          {
            key: 'demand',
            label: t('parties.demand'),
            children: <Link to={demandLink}>{engagement.demandTitle ?? '—'}</Link>,
          },
          { key: 'status', label: t('fields.status'), children: <EngagementStatusTag status={engagement.status} /> },
          { key: 'owner', label: t('parties.owner'), children: demand.data?.owner.name ?? '—' },
          { key: 'team', label: t('parties.team'), children: engagement.teamName ?? '—' },
          {
            key: 'bid',
            label: t('fields.bid'),
            children: <Link to={`/bids/${engagement.bidId}`}>{t('fields.viewBid')}</Link>,
          },
          { key: 'awarded', label: t('fields.awardedAt'), children: formatDateTime(engagement.createdAt) },
          { key: 'started', label: t('fields.startedAt'), children: formatDateTime(engagement.startedAt) },
          { key: 'completed', label: t('fields.completedAt'), children: formatDateTime(engagement.completedAt) },
          {
            key: 'progress',
            label: t('fields.accepted'),
            span: 'filled',
            children: (
              <Progress
                percent={paid}
                aria-label={t('fields.acceptedValue', {
                  accepted: accepted.length,
                  total: engagement.milestones.length,
                  share: paid,
                })}
                format={() =>
                  t('fields.acceptedValue', {
                    accepted: accepted.length,
                    total: engagement.milestones.length,
                    share: paid,
                  })
                }
              />
            ),
          },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('milestones.title')}
      </Typography.Title>
      <Steps
        orientation="vertical"
        // Planned steps would be greyed out; their text must stay readable.
        styles={{ itemTitle: { color: token.colorText, fontWeight: 500 }, itemContent: { color: token.colorText } }}
        items={engagement.milestones.map((milestone) => ({
          key: milestone.id,
          status: STEP_STATUS[milestone.status],
          title: t('milestones.heading', { seq: milestone.seq, title: milestone.title }),
          content: (
            <MilestoneCard
              engagementId={engagement.id}
              milestone={milestone}
              side={milestone.id === current?.id ? side : null}
            />
          ),
        }))}
      />
      <ThreadPanel engagement={engagement} />
    </Card>
  );
}

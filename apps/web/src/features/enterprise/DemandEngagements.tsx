import { Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Schema } from '../../api/types';
import { formatDate } from '../../shared/format';
import { QueryState } from '../../shared/QueryState';
import { EngagementStatusTag } from '../engagements/EngagementStatusTag';
import { UnreadMessagesTag } from '../engagements/UnreadMessagesTag';
import { useDemandEngagements } from './queries';
import { AdaptiveTable } from '../../shared/AdaptiveTable';

type Engagement = Schema<'EngagementView'>;

/** The engagements the award opened: one per winning team. */
export function DemandEngagements({ demandId }: { demandId: string }) {
  const { t } = useTranslation('engagement');
  const engagements = useDemandEngagements(demandId);
  return (
    <QueryState query={engagements} isEmpty={(items) => items.length === 0}>
      {(items) => (
        <AdaptiveTable<Engagement>
          aria-label={t('list.caption')}
          rowKey="id"
          pagination={false}
          dataSource={items}
          columns={[
            { key: 'team', title: t('parties.team'), render: (_, engagement) => engagement.teamName ?? '—' },
            {
              key: 'status',
              title: t('fields.status'),
              render: (_, engagement) => <EngagementStatusTag status={engagement.status} />,
            },
            {
              key: 'progress',
              title: t('fields.accepted'),
              render: (_, engagement) => {
                const accepted = engagement.milestones.filter((milestone) => milestone.status === 'accepted');
                const share = accepted.reduce((sum, milestone) => sum + milestone.paymentShare, 0);
                return (
                  <Progress
                    percent={share}
                    size="small"
                    aria-label={t('fields.acceptedValue', {
                      accepted: accepted.length,
                      total: engagement.milestones.length,
                      share,
                    })}
                    format={() => `${accepted.length}/${engagement.milestones.length}`}
                  />
                );
              },
            },
            {
              key: 'created',
              title: t('fields.awardedAt'),
              render: (_, engagement) => formatDate(engagement.createdAt),
            },
            {
              key: 'open',
              title: t('list.open'),
              render: (_, engagement) => (
                <>
                  <Link to={`/engagements/${engagement.id}`}>
                    {t('list.openTeam', { team: engagement.teamName ?? '' })}
                  </Link>
                  <UnreadMessagesTag count={engagement.unreadMessages} />
                </>
              ),
            },
          ]}
        />
      )}
    </QueryState>
  );
}

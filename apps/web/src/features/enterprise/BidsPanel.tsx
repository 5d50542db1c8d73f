import { TrophyOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Schema } from '../../api/types';
import { formatDate } from '../../shared/format';
import { QueryState } from '../../shared/QueryState';
import { useVocabulary } from '../../shared/vocabulary';
import { AwardModal } from './AwardModal';
import { AWARDABLE_STATUSES, type DemandFull, useDemandBids, useManagedDemand, useShortlist } from './queries';
import { ScoreBidModal } from './ScoreBidModal';
import { ShortlistTable } from './ShortlistTable';
import { WeightsCard } from './WeightsCard';
import { AdaptiveTable } from '../../shared/AdaptiveTable';

type Bid = Schema<'BidView'>;
type Shortlist = Schema<'ShortlistView'>;

const BID_COLOURS: Record<Bid['status'], string> = {
  draft: 'default',
  submitted: 'processing',
  withdrawn: 'default',
  awarded: 'success',
  not_selected: 'default',
};

/** The lodged bids side by side, their evaluation, and the award decision. */
export function BidsPanel({ demand }: { demand: DemandFull }) {
  const { t } = useTranslation('enterprise');
  const bids = useDemandBids(demand.id);
  const shortlist = useShortlist(demand.id);
  const [scoring, setScoring] = useState<Bid | null>(null);
  const [awarding, setAwarding] = useState(false);
  const [, setParams] = useSearchParams();
  const open = AWARDABLE_STATUSES.includes(demand.status);
  const settling = open && (bids.data ?? []).some((bid) => bid.status === 'awarded');
  useManagedDemand(demand.id, settling);

  return (
    <QueryState
      query={bids}
      isEmpty={(items) => items.length === 0}
      empty={<Alert type="info" showIcon title={t('bids.none')} />}
    >
      {(items) => {
        const submitted = items.filter((bid) => bid.status === 'submitted');
        return (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            {settling && <Alert type="success" showIcon title={t('award.settling')} />}
            <Flex justify="space-between" align="center" wrap gap={12}>
              <Typography.Text>
                {t('bids.summary', { total: items.length, submitted: submitted.length })}
              </Typography.Text>
              {open && submitted.length > 0 && (
                <Button type="primary" icon={<TrophyOutlined />} onClick={() => setAwarding(true)}>
                  {t('award.open')}
                </Button>
              )}
            </Flex>
            <BidsComparison
              demand={demand}
              bids={items}
              shortlist={shortlist.data}
              onScore={open ? setScoring : undefined}
            />
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              {t('evaluation.title')}
            </Typography.Title>
            <QueryState query={shortlist}>
              {(ranked) => (
                <>
                  <WeightsCard demandId={demand.id} weights={ranked.weights} editable={open} />
                  <ShortlistTable shortlist={ranked} />
                </>
              )}
            </QueryState>
            <ScoreBidModal demandId={demand.id} bid={scoring} onClose={() => setScoring(null)} />
            {awarding && (
              <AwardModal
                demand={demand}
                bids={submitted}
                shortlist={shortlist.data}
                onClose={() => setAwarding(false)}
                onAwarded={() => {
                  setAwarding(false);
                  setParams({ tab: 'engagements' }, { replace: true });
                }}
              />
            )}
          </Space>
        );
      }}
    </QueryState>
  );
}

interface BidsComparisonProps {
  demand: DemandFull;
  bids: Bid[];
  shortlist: Shortlist | undefined;
  onScore?: (bid: Bid) => void;
}

function BidsComparison({ demand, bids, shortlist, onScore }: BidsComparisonProps) {
  const { t } = useTranslation('enterprise');
  const { t: common } = useTranslation();
  const { label } = useVocabulary();
  const ranking = new Map(shortlist?.entries.map((entry) => [entry.bidId, entry]));

  return (
    <AdaptiveTable<Bid>
      aria-label={t('bids.caption')}
      rowKey="id"
      size="small"
      bordered
      pagination={false}
      dataSource={bids}
      // Team on the left and score on the right stay in view while the columns between scroll.
      scroll={{ x: 1300 + demand.indicators.length * 180 }}
      columns={[
        {
          key: 'team',
          title: t('bids.team'),
          width: 180,
          fixed: 'left',
          render: (_, bid) => (
            <Space orientation="vertical" size={2}>
              <Link to={`/bids/${bid.id}`}>{bid.teamName ?? '—'}</Link>
              <Tag color={BID_COLOURS[bid.status]}>{label('bidStatus', bid.status)}</Tag>
              {bid.feedback && (
                <Typography.Text style={{ fontSize: 12 }}>
                  {t('bids.feedback', { category: label('feedbackCategory', bid.feedback.category) })}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          key: 'approach',
          title: t('bids.approach'),
          width: 280,
          render: (_, bid) => (
            <Typography.Paragraph ellipsis={{ rows: 3, expandable: 'collapsible' }} style={{ margin: 0 }}>
              {bid.approach}
            </Typography.Paragraph>
          ),
        },
        {
          key: 'budget',
          title: t('bids.budget'),
          width: 110,
          align: 'right',
          render: (_, bid) => `${bid.budget.toLocaleString('zh-CN')} ${common('unit.wan')}`,
        },
        {
          key: 'duration',
          title: t('bids.duration'),
          width: 90,
          align: 'right',
          render: (_, bid) => `${bid.durationMonths} ${common('unit.months')}`,
        },
        {
          key: 'milestones',
          title: t('bids.milestones'),
          width: 240,
          render: (_, bid) => (
            <ol style={{ margin: 0, paddingInlineStart: 18, fontSize: 12 }}>
              {bid.milestones.map((milestone) => (
                <li key={`${milestone.dueDate}-${milestone.title}`}>
                  {t('bids.milestone', {
                    title: milestone.title,
                    date: formatDate(milestone.dueDate),
                    share: milestone.paymentShare,
                  })}
                </li>
              ))}
            </ol>
          ),
        },
        {
          key: 'members',
          title: t('bids.members'),
          width: 200,
          render: (_, bid) => (
            <ul style={{ margin: 0, paddingInlineStart: 18, fontSize: 12 }}>
              {bid.members.map((member) => (
                <li key={member.name}>{t('bids.member', member)}</li>
              ))}
            </ul>
          ),
        },
        ...demand.indicators.map((indicator) => ({
          key: `indicator-${indicator.name}`,
          title: t('bids.indicator', {
            name: indicator.name,
            target: `${indicator.target}${indicator.unit ? ` ${indicator.unit}` : ''}`,
          }),
          width: 180,
          render: (_: unknown, bid: Bid) =>
            bid.indicatorResponses.find((response) => response.indicator === indicator.name)?.response ?? '—',
        })),
        {
          key: 'score',
          title: t('bids.score'),
          width: 110,
          align: 'right',
          fixed: 'right',
          render: (_, bid) => {
            const entry = ranking.get(bid.id);
            if (entry?.weightedTotal == null)
              return <Typography.Text type="secondary">{t('bids.unscored')}</Typography.Text>;
            return t('bids.scoreValue', { score: entry.weightedTotal.toFixed(1), rank: entry.rank });
          },
        },
        ...(onScore
          ? [
              {
                key: 'actions',
                title: t('bids.actions'),
                width: 100,
                fixed: 'right' as const,
                render: (_: unknown, bid: Bid) =>
                  bid.status === 'submitted' && (
                    <Button
                      autoInsertSpace={false}
                      size="small"
                      onClick={() => onScore(bid)}
                      aria-label={t('evaluation.scoreTeam', { team: bid.teamName ?? '' })}
                    >
                      {t('evaluation.score')}
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

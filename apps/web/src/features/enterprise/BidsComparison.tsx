import { Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Schema } from '../../api/types';
import { AdaptiveTable } from '../../shared/AdaptiveTable';
import { formatDate } from '../../shared/format';
import { useVocabulary } from '../../shared/vocabulary';

type Bid = Schema<'BidView'>;
type Shortlist = Schema<'ShortlistView'>;
type Indicator = Schema<'IndicatorDto'>;

const BID_COLOURS: Record<Bid['status'], string> = {
  draft: 'default',
  submitted: 'processing',
  withdrawn: 'default',
  awarded: 'success',
  not_selected: 'default',
};

interface BidsComparisonProps {
  /** The need's indicators: each bid's response to each gets a column. */
  indicators: readonly Indicator[];
  bids: Bid[];
  shortlist: Shortlist | undefined;
  onScore?: (bid: Bid) => void;
}

/** The lodged bids side by side: team on the left and score on the right stay in view while the rest scrolls. */
export function BidsComparison({ indicators, bids, shortlist, onScore }: BidsComparisonProps) {
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
      scroll={{ x: 1300 + indicators.length * 180 }}
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
        ...indicators.map((indicator) => ({
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

import { TrophyOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Schema } from '../../api/types';
import { QueryState } from '../../shared/QueryState';
import { AwardModal } from './AwardModal';
import { AWARDABLE_STATUSES, type DemandFull, useDemandBids, useManagedDemand, useShortlist } from './queries';
import { ScoreBidModal } from './ScoreBidModal';
import { ReviewersCard } from './ReviewersCard';
import { ShortlistTable } from './ShortlistTable';
import { WeightsCard } from './WeightsCard';
import { BidsComparison } from './BidsComparison';

type Bid = Schema<'BidView'>;

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
              indicators={demand.indicators}
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
                  <ReviewersCard demandId={demand.id} editable={open} />
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

import { Alert, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Schema } from '../../api/types';
import { QueryState } from '../../shared/QueryState';
import { BidsComparison } from '../enterprise/BidsComparison';
import { AWARDABLE_STATUSES, useDemandBids, useShortlist } from '../enterprise/queries';
import { ScoreBidModal } from '../enterprise/ScoreBidModal';
import { ShortlistTable } from '../enterprise/ShortlistTable';
import { useDemand } from '../hall/queries';
import { StatusTag } from '../hall/StatusTag';

type Bid = Schema<'BidView'>;

/**
 * One need as its invited reviewer sees it: the lodged bids side by side, scored one by one
 * against the owner's criteria while the award is still open, and the ranking so far.
 */
export function ReviewPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation('enterprise');
  const demand = useDemand(id);
  const bids = useDemandBids(id);
  const shortlist = useShortlist(id);
  const [scoring, setScoring] = useState<Bid | null>(null);

  return (
    <Card>
      <Link to="/reviews">{t('reviews.back')}</Link>
      <QueryState query={demand}>
        {(need) => {
          const open = AWARDABLE_STATUSES.includes(need.status);
          return (
            <Space orientation="vertical" size="large" style={{ width: '100%', marginTop: 12 }}>
              <Space orientation="vertical" size={4}>
                <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
                  {need.title}
                </Typography.Title>
                <Space wrap>
                  <StatusTag status={need.status} />
                  <Link to={`/demands/${need.id}`}>{t('reviews.viewNeed')}</Link>
                </Space>
              </Space>
              {!open && <Alert type="info" showIcon title={t('reviews.closed')} />}
              <QueryState
                query={bids}
                isEmpty={(items) => items.length === 0}
                empty={<Alert type="info" showIcon title={t('reviews.noBids')} />}
              >
                {(items) => (
                  <BidsComparison
                    indicators={need.indicators}
                    bids={items}
                    shortlist={shortlist.data}
                    onScore={open ? setScoring : undefined}
                  />
                )}
              </QueryState>
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                {t('reviews.ranking')}
              </Typography.Title>
              <QueryState query={shortlist}>{(ranked) => <ShortlistTable shortlist={ranked} />}</QueryState>
              <ScoreBidModal demandId={need.id} bid={scoring} onClose={() => setScoring(null)} />
            </Space>
          );
        }}
      </QueryState>
    </Card>
  );
}

import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Schema } from '../../../api/types';
import { useVocabulary } from '../../../shared/vocabulary';

type Bid = Schema<'BidView'>;
type BidStatus = Bid['status'];

const COLOURS: Record<BidStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  withdrawn: 'default',
  awarded: 'success',
  not_selected: 'warning',
};

export type BidStanding = 'underReview' | 'awardedElsewhere' | 'needUnclaimed' | 'needWithdrawn';

const STANDING_COLOURS: Record<BidStanding, string> = {
  underReview: 'processing',
  awardedElsewhere: 'warning',
  needUnclaimed: 'default',
  needWithdrawn: 'default',
};

/**
 * What a lodged bid's need did since: a bid still "submitted" on a need that closed, went to
 * another team, lapsed unclaimed (流榜) or was withdrawn reads as that, not as a live bid.
 */
export function bidStanding(bid: Pick<Bid, 'status' | 'demandStatus'>): BidStanding | null {
  if (bid.status !== 'submitted') return null;
  switch (bid.demandStatus) {
    case 'bidding_closed':
      return 'underReview';
    case 'awarded':
    case 'in_progress':
    case 'completed':
      return 'awardedElsewhere';
    case 'unclaimed':
      return 'needUnclaimed';
    case 'withdrawn':
      return 'needWithdrawn';
    default:
      return null;
  }
}

/** The bid's status in words (the colour only repeats it), as its need's fate made it. */
export function BidStatusTag({ bid }: { bid: Pick<Bid, 'status' | 'demandStatus'> }) {
  const { t } = useTranslation('team');
  const { label } = useVocabulary();
  const standing = bidStanding(bid);
  if (standing) return <Tag color={STANDING_COLOURS[standing]}>{t(`bids.standing.${standing}`)}</Tag>;
  return <Tag color={COLOURS[bid.status]}>{label('bidStatus', bid.status)}</Tag>;
}

import { type DemandStatus, PUBLIC_DEMAND_STATUSES } from '@jiebang/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from './format';
import { useNow } from './useNow';

/** Bidding on a need in this status is over, whatever its deadline says (closed, awarded, 流榜, withdrawn). */
function biddingOver(status: DemandStatus | undefined): boolean {
  return (
    status !== undefined && status !== 'published' && (PUBLIC_DEMAND_STATUSES as readonly string[]).includes(status)
  );
}

/** The bidding deadline with a live countdown while the need (in `status`, when given) is open. */
export function Deadline({ at, status }: { at: string | null; status?: DemandStatus }) {
  const { t } = useTranslation();
  const closed = biddingOver(status);
  const now = useNow();
  if (!at) return <span>—</span>;
  const left = new Date(at).getTime() - now;
  const days = Math.floor(left / 86_400_000);
  const hours = Math.floor((left % 86_400_000) / 3_600_000);
  return (
    <span>
      {formatDateTime(at)}{' '}
      {left > 0 && !closed ? (
        <Tag color={days < 3 ? 'orange' : 'blue'}>{t('time.remaining', { days, hours })}</Tag>
      ) : (
        <Tag>{t('time.closed')}</Tag>
      )}
    </span>
  );
}

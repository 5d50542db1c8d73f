import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from './format';
import { useNow } from './useNow';

/** The bidding deadline with a live countdown while it is open. */
export function Deadline({ at }: { at: string | null }) {
  const { t } = useTranslation();
  const now = useNow();
  if (!at) return <span>—</span>;
  const left = new Date(at).getTime() - now;
  const days = Math.floor(left / 86_400_000);
  const hours = Math.floor((left % 86_400_000) / 3_600_000);
  return (
    <span>
      {formatDateTime(at)}{' '}
      {left > 0 ? (
        <Tag color={days < 3 ? 'orange' : 'blue'}>{t('time.remaining', { days, hours })}</Tag>
      ) : (
        <Tag>{t('time.closed')}</Tag>
      )}
    </span>
  );
}

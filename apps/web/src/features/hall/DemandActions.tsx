import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { useNow } from '../../shared/useNow';
import type { Demand } from './queries';
import { MUTED } from './tone';
import { ButtonLink } from '../../shared/ButtonLink';

/**
 * What the visitor may do with the need: bid (team), manage (its enterprise) or sign in first;
 * once bidding has closed (deadline passed, awarded, unclaimed…) nobody is offered to bid.
 */
export function DemandActions({ demand }: { demand: Demand }) {
  const { t } = useTranslation('hall');
  const session = useSession();
  const now = useNow();
  const open = demand.status === 'published' && (!demand.bidDeadline || new Date(demand.bidDeadline).getTime() > now);
  const user = session?.user;

  if (!user) {
    return open ? (
      <ButtonLink to={`/login?next=/demands/${demand.id}`} type="primary" size="large" block>
        {t('demand.loginToBid')}
      </ButtonLink>
    ) : (
      <Typography.Text style={{ color: MUTED }}>{t('demand.bidClosed')}</Typography.Text>
    );
  }
  if (user.role === 'enterprise' && user.organisation?.id === demand.owner.id) {
    return (
      <ButtonLink to={`/enterprise/demands/${demand.id}`} type="primary" size="large" block>
        {t('demand.manage')}
      </ButtonLink>
    );
  }
  if (user.role === 'team') {
    return open ? (
      <ButtonLink to={`/team/bids/new?demand=${demand.id}`} type="primary" size="large" block>
        {t('demand.bid')}
      </ButtonLink>
    ) : (
      <Button size="large" block disabled>
        {t('demand.bidClosed')}
      </Button>
    );
  }
  return open ? null : <Typography.Text style={{ color: MUTED }}>{t('demand.bidClosed')}</Typography.Text>;
}

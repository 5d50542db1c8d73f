import type { Role } from '@jiebang/contracts';
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from '../api/session';
import { ButtonLink } from '../shared/ButtonLink';

/** Pages of one role: signed-out visitors go to the login page and come back; others are refused. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (!session) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (!roles.includes(session.user.role)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('state.forbidden')}
        extra={
          <ButtonLink to="/hall" type="primary">
            {t('state.backHome')}
          </ButtonLink>
        }
      />
    );
  }
  return <>{children}</>;
}

/** Where each role lands after signing in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  enterprise: '/enterprise',
  team: '/team',
  advisor: '/advisor',
  admin: '/admin',
};

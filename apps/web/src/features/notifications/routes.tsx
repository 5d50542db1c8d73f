import { Outlet, type RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/RequireRole';
import { lazyPage } from '../../shared/lazyPage';

const NotificationsPage = lazyPage(() => import('./NotificationsPage'), 'NotificationsPage');

export const notificationRoutes: RouteObject[] = [
  {
    path: 'notifications',
    element: (
      <RequireRole roles={['enterprise', 'team', 'advisor', 'admin']}>
        <Outlet />
      </RequireRole>
    ),
    children: [{ index: true, element: <NotificationsPage /> }],
  },
];

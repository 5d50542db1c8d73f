import { Outlet, type RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/RequireRole';
import { NotificationsPage } from './NotificationsPage';

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

import { Outlet, type RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/RequireRole';
import { lazyPage } from '../../shared/lazyPage';

const NotificationsPage = lazyPage(() => import('./NotificationsPage'), 'NotificationsPage');
const PreferencesPage = lazyPage(() => import('./PreferencesPage'), 'PreferencesPage');
const UnsubscribePage = lazyPage(() => import('./UnsubscribePage'), 'UnsubscribePage');

export const notificationRoutes: RouteObject[] = [
  {
    path: 'notifications',
    element: (
      <RequireRole roles={['enterprise', 'team', 'advisor', 'admin']}>
        <Outlet />
      </RequireRole>
    ),
    children: [
      { index: true, element: <NotificationsPage /> },
      { path: 'preferences', element: <PreferencesPage /> },
    ],
  },
  // An email's one-click link: the token is the authorisation, no sign-in needed.
  { path: 'unsubscribe', element: <UnsubscribePage /> },
];

import { Outlet, type RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/RequireRole';
import { lazyPage } from '../../shared/lazyPage';

const BidPage = lazyPage(() => import('./BidPage'), 'BidPage');
const EngagementPage = lazyPage(() => import('./EngagementPage'), 'EngagementPage');

/** A bid and an engagement are read by both sides (team and need owner), each with its own actions. */
export const engagementRoutes: RouteObject[] = [
  {
    element: (
      <RequireRole roles={['enterprise', 'team', 'advisor', 'admin']}>
        <Outlet />
      </RequireRole>
    ),
    children: [
      { path: 'bids/:id', element: <BidPage /> },
      { path: 'engagements/:id', element: <EngagementPage /> },
    ],
  },
];

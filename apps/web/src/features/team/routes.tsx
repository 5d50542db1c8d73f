import { Outlet, type RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/RequireRole';
import { lazyPage } from '../../shared/lazyPage';

const BidFormPage = lazyPage(() => import('./bids/BidFormPage'), 'BidFormPage');
const TeamProfilePage = lazyPage(() => import('./profile/TeamProfilePage'), 'TeamProfilePage');
const TeamHome = lazyPage(() => import('./TeamHome'), 'TeamHome');

export const teamRoutes: RouteObject[] = [
  {
    path: 'team',
    element: (
      <RequireRole roles={['team']}>
        <Outlet />
      </RequireRole>
    ),
    children: [
      { index: true, element: <TeamHome /> },
      { path: 'profile', element: <TeamProfilePage /> },
      { path: 'bids/new', element: <BidFormPage /> },
      { path: 'bids/:id/edit', element: <BidFormPage /> },
    ],
  },
];

import { Outlet, type RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/RequireRole';
import { BidFormPage } from './bids/BidFormPage';
import { TeamProfilePage } from './profile/TeamProfilePage';
import { TeamHome } from './TeamHome';

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

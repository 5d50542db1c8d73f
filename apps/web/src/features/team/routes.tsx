import { Outlet, type RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/RequireRole';
import { TeamHome } from './TeamHome';

export const teamRoutes: RouteObject[] = [
  {
    path: 'team',
    element: (
      <RequireRole roles={['team']}>
        <Outlet />
      </RequireRole>
    ),
    children: [{ index: true, element: <TeamHome /> }],
  },
];

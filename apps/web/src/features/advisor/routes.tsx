import { Outlet, type RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/RequireRole';
import { AdvisorHome } from './AdvisorHome';

export const advisorRoutes: RouteObject[] = [
  {
    path: 'advisor',
    element: (
      <RequireRole roles={['advisor']}>
        <Outlet />
      </RequireRole>
    ),
    children: [{ index: true, element: <AdvisorHome /> }],
  },
];

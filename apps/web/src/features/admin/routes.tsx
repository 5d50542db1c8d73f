import { Outlet, type RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/RequireRole';
import { AdminHome } from './AdminHome';

export const adminRoutes: RouteObject[] = [
  {
    path: 'admin',
    element: (
      <RequireRole roles={['admin']}>
        <Outlet />
      </RequireRole>
    ),
    children: [{ index: true, element: <AdminHome /> }],
  },
];

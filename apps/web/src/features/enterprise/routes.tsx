import { Outlet, type RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/RequireRole';
import { EnterpriseHome } from './EnterpriseHome';

export const enterpriseRoutes: RouteObject[] = [
  {
    path: 'enterprise',
    element: (
      <RequireRole roles={['enterprise']}>
        <Outlet />
      </RequireRole>
    ),
    children: [{ index: true, element: <EnterpriseHome /> }],
  },
];

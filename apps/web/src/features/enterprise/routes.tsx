import { Outlet, type RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/RequireRole';
import { lazyPage } from '../../shared/lazyPage';

const DemandEditorPage = lazyPage(() => import('./DemandEditorPage'), 'DemandEditorPage');
const DemandManagePage = lazyPage(() => import('./DemandManagePage'), 'DemandManagePage');
const EnterpriseHome = lazyPage(() => import('./EnterpriseHome'), 'EnterpriseHome');

export const enterpriseRoutes: RouteObject[] = [
  {
    path: 'enterprise',
    element: (
      <RequireRole roles={['enterprise']}>
        <Outlet />
      </RequireRole>
    ),
    children: [
      { index: true, element: <EnterpriseHome /> },
      { path: 'demands/new', element: <DemandEditorPage /> },
      { path: 'demands/:id', element: <DemandManagePage /> },
      { path: 'demands/:id/edit', element: <DemandEditorPage /> },
    ],
  },
];

import { Outlet, type RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/RequireRole';
import { DemandEditorPage } from './DemandEditorPage';
import { DemandManagePage } from './DemandManagePage';
import { EnterpriseHome } from './EnterpriseHome';

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

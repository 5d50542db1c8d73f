import { Outlet, type RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/RequireRole';
import { lazyPage } from '../../shared/lazyPage';

const DemandEditorPage = lazyPage(() => import('../enterprise/DemandEditorPage'), 'DemandEditorPage');
const AdvisorHome = lazyPage(() => import('./AdvisorHome'), 'AdvisorHome');

export const advisorRoutes: RouteObject[] = [
  {
    path: 'advisor',
    element: (
      <RequireRole roles={['advisor']}>
        <Outlet />
      </RequireRole>
    ),
    children: [
      { index: true, element: <AdvisorHome /> },
      // A need drafted (or a returned one reworked) on behalf of an enterprise I serve.
      { path: 'demands/new', element: <DemandEditorPage /> },
      { path: 'demands/:id/edit', element: <DemandEditorPage /> },
    ],
  },
];

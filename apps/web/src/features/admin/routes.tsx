import type { RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/RequireRole';
import { lazyPage } from '../../shared/lazyPage';

const AdminLayout = lazyPage(() => import('./AdminLayout'), 'AdminLayout');
const BatchesPage = lazyPage(() => import('./batches/BatchesPage'), 'BatchesPage');
const DashboardPage = lazyPage(() => import('./dashboard/DashboardPage'), 'DashboardPage');
const ImportPage = lazyPage(() => import('./import/ImportPage'), 'ImportPage');
const ReviewPage = lazyPage(() => import('./review/ReviewPage'), 'ReviewPage');
const SearchOpsPage = lazyPage(() => import('./search/SearchOpsPage'), 'SearchOpsPage');

export const adminRoutes: RouteObject[] = [
  {
    path: 'admin',
    element: (
      <RequireRole roles={['admin']}>
        <AdminLayout />
      </RequireRole>
    ),
    children: [
      { index: true, element: <DashboardPage /> },
      { path: 'review', element: <ReviewPage /> },
      { path: 'batches', element: <BatchesPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'search', element: <SearchOpsPage /> },
    ],
  },
];

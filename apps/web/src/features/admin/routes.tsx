import type { RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/RequireRole';
import { AdminLayout } from './AdminLayout';
import { BatchesPage } from './batches/BatchesPage';
import { DashboardPage } from './dashboard/DashboardPage';
import { ImportPage } from './import/ImportPage';
import { ReviewPage } from './review/ReviewPage';
import { SearchOpsPage } from './search/SearchOpsPage';

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

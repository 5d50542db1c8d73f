import { Outlet, type RouteObject } from 'react-router-dom';
import { RequireRole } from '../../app/RequireRole';
import { lazyPage } from '../../shared/lazyPage';

const ReviewsPage = lazyPage(() => import('./ReviewsPage'), 'ReviewsPage');
const ReviewPage = lazyPage(() => import('./ReviewPage'), 'ReviewPage');

/** 评审任务: any signed-in user may be invited to score a need's bids. */
export const reviewRoutes: RouteObject[] = [
  {
    path: 'reviews',
    element: (
      <RequireRole roles={['enterprise', 'team', 'advisor', 'admin']}>
        <Outlet />
      </RequireRole>
    ),
    children: [
      { index: true, element: <ReviewsPage /> },
      { path: ':id', element: <ReviewPage /> },
    ],
  },
];

import { createBrowserRouter, Navigate } from 'react-router-dom';
import { adminRoutes } from '../features/admin/routes';
import { advisorRoutes } from '../features/advisor/routes';
import { authRoutes } from '../features/auth/routes';
import { engagementRoutes } from '../features/engagements/routes';
import { enterpriseRoutes } from '../features/enterprise/routes';
import { hallRoutes } from '../features/hall/routes';
import { notificationRoutes } from '../features/notifications/routes';
import { reviewRoutes } from '../features/reviews/routes';
import { teamRoutes } from '../features/team/routes';
import { Layout } from './Layout';
import { NotFound } from './NotFound';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/hall" replace /> },
      ...hallRoutes,
      ...authRoutes,
      ...notificationRoutes,
      ...reviewRoutes,
      ...enterpriseRoutes,
      ...engagementRoutes,
      ...teamRoutes,
      ...advisorRoutes,
      ...adminRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
]);

import type { RouteObject } from 'react-router-dom';
import { BatchesPage } from './BatchesPage';
import { DemandPage } from './DemandPage';
import { HallPage } from './HallPage';

export const hallRoutes: RouteObject[] = [
  { path: 'hall', element: <HallPage /> },
  { path: 'demands/:id', element: <DemandPage /> },
  { path: 'batches', element: <BatchesPage /> },
];

import type { Schema } from '../../api/types';

export type DemandFull = Schema<'DemandFullView'>;
export type Batch = Schema<'BatchView'>;

/** Query keys of the programme office's screens; a mutation invalidates the family it changes. */
export const adminKeys = {
  stats: ['admin', 'stats'] as const,
  review: ['admin', 'review'] as const,
  batches: ['admin', 'batches'] as const,
  batch: (id: string) => ['admin', 'batches', id] as const,
  approved: ['admin', 'approved'] as const,
  advisors: ['admin', 'advisors'] as const,
};

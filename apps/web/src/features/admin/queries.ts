import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
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

/** Needs waiting for the office's review, for the menu; under the review key, so a decision refreshes it. */
export function usePendingReviewCount() {
  return useQuery({
    queryKey: [...adminKeys.review, 'pending'],
    queryFn: () => unwrap(api.GET('/api/v1/demands/manage/counts')),
    select: (counts) => counts.statuses.find((entry) => entry.status === 'submitted')?.count ?? 0,
  });
}

import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Schema } from '../../api/types';
import type { StatsFilters } from './dashboard/statsFilters';

export type DemandFull = Schema<'DemandFullView'>;
export type Batch = Schema<'BatchView'>;
export type StatsBreakdown = 'industry' | 'district' | 'month';

/** Rows per page of the review queue and of the batch list. */
export const REVIEW_PAGE_SIZE = 20;
export const BATCH_PAGE_SIZE = 20;
/** Approved needs are read this many at a time: a batch may take them all. */
const APPROVED_PAGE_SIZE = 100;

/** Query keys of the programme office's screens; a mutation invalidates the family it changes. */
export const adminKeys = {
  stats: ['admin', 'stats'] as const,
  funnel: (filters: StatsFilters) => ['admin', 'stats', 'funnel', filters] as const,
  breakdown: (by: StatsBreakdown, filters: StatsFilters) => ['admin', 'stats', 'breakdown', by, filters] as const,
  review: ['admin', 'review'] as const,
  reviewPage: (page: number) => ['admin', 'review', page] as const,
  // Under the review key, so a decision refreshes the menu's count too.
  pendingReviews: ['admin', 'review', 'pending'] as const,
  batches: ['admin', 'batches'] as const,
  batchPage: (page: number) => ['admin', 'batches', 'list', page] as const,
  batch: (id: string) => ['admin', 'batches', id] as const,
  approved: ['admin', 'approved'] as const,
  advisors: ['admin', 'advisors'] as const,
};

/** Needs waiting for the office's review, for the menu. */
export function usePendingReviewCount() {
  return useQuery({
    queryKey: adminKeys.pendingReviews,
    queryFn: () => unwrap(api.GET('/api/v1/demands/manage/counts')),
    select: (counts) => counts.statuses.find((entry) => entry.status === 'submitted')?.count ?? 0,
  });
}

/** One page of the review queue: the submitted needs. */
export function useReviewQueue(page: number) {
  return useQuery({
    queryKey: adminKeys.reviewPage(page),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/demands/manage', {
          params: { query: { status: 'submitted', page, pageSize: REVIEW_PAGE_SIZE } },
        }),
      ),
  });
}

export function approveDemand(id: string) {
  return unwrap(api.POST('/api/v1/demands/{id}/approve', { params: { path: { id } } }));
}

export function returnDemand(id: string, reasons: string[]) {
  return unwrap(api.POST('/api/v1/demands/{id}/return', { params: { path: { id } }, body: { reasons } }));
}

export function useStatsFunnel(filters: StatsFilters) {
  return useQuery({
    queryKey: adminKeys.funnel(filters),
    queryFn: () => unwrap(api.GET('/api/v1/stats/funnel', { params: { query: filters } })),
  });
}

export function useStatsBreakdown(filters: StatsFilters, by: StatsBreakdown) {
  return useQuery({
    queryKey: adminKeys.breakdown(by, filters),
    queryFn: () => unwrap(api.GET('/api/v1/stats/breakdown', { params: { query: { ...filters, by } } })),
  });
}

/** The advisors the dashboard can be filtered by. */
export function useAdvisors() {
  return useQuery({
    queryKey: adminKeys.advisors,
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { role: 'advisor', pageSize: 100 } } })),
    staleTime: 5 * 60_000,
  });
}

export function useBatchPage(page: number) {
  return useQuery({
    queryKey: adminKeys.batchPage(page),
    queryFn: () => unwrap(api.GET('/api/v1/batches', { params: { query: { page, pageSize: BATCH_PAGE_SIZE } } })),
  });
}

export function useBatch(id: string) {
  return useQuery({
    queryKey: adminKeys.batch(id),
    queryFn: () => unwrap(api.GET('/api/v1/batches/{id}', { params: { path: { id } } })),
  });
}

export function createBatch(body: Schema<'CreateBatchDto'>) {
  return unwrap(api.POST('/api/v1/batches', { body }));
}

export function addBatchDemands(id: string, demandIds: string[]) {
  return unwrap(api.POST('/api/v1/batches/{id}/demands', { params: { path: { id } }, body: { demandIds } }));
}

export function removeBatchDemand(id: string, demandId: string) {
  return unwrap(api.DELETE('/api/v1/batches/{id}/demands/{demandId}', { params: { path: { id, demandId } } }));
}

export function publishBatch(id: string) {
  return unwrap(api.POST('/api/v1/batches/{id}/publish', { params: { path: { id } } }));
}

/** Approved needs not yet in any batch: every page of them, as a batch may take them all. */
export function useApprovedDemands(enabled: boolean) {
  return useQuery({
    queryKey: adminKeys.approved,
    enabled,
    queryFn: async (): Promise<DemandFull[]> => {
      const items: DemandFull[] = [];
      for (let page = 1; ; page += 1) {
        const result = await unwrap(
          api.GET('/api/v1/demands/manage', {
            params: { query: { status: 'approved', page, pageSize: APPROVED_PAGE_SIZE } },
          }),
        );
        items.push(...result.items);
        if (page * APPROVED_PAGE_SIZE >= result.total) break;
      }
      return items.filter((demand) => demand.batch === null);
    },
  });
}

export function reindexSearch() {
  return unwrap(api.POST('/api/v1/search/reindex'));
}

export function checkSearchConsistency() {
  return unwrap(api.POST('/api/v1/search/consistency'));
}

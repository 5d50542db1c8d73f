import {
  AWARDED_DEMAND_STATUSES,
  DEMAND_TRANSITIONS,
  EDITABLE_DEMAND_STATUSES,
  PUBLIC_DEMAND_STATUSES,
} from '@jiebang/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { Schema } from '../../api/types';

export type DemandFull = Schema<'DemandFullView'>;
export type DemandStatus = DemandFull['status'];

/** Statuses in which bids exist and the bids tab makes sense: those of a need once published. */
export const BIDDING_STATUSES: readonly DemandStatus[] = PUBLIC_DEMAND_STATUSES;
/** Who may do what in which status: read from the lifecycle's table, which the server applies. */
export const EDITABLE_STATUSES: readonly DemandStatus[] = EDITABLE_DEMAND_STATUSES;
export const WITHDRAWABLE_STATUSES: readonly DemandStatus[] = DEMAND_TRANSITIONS.withdraw.from;
export const AWARDABLE_STATUSES: readonly DemandStatus[] = DEMAND_TRANSITIONS.award.from;
export const AWARDED_STATUSES: readonly DemandStatus[] = AWARDED_DEMAND_STATUSES;

/** Rows per page of the enterprise's list of needs. */
export const DEMAND_PAGE_SIZE = 20;

export const demandKeys = {
  /** Every query of the enterprise workspace (an engagement's progress changes its needs and badges). */
  scope: ['enterprise'] as const,
  all: ['enterprise', 'demands'] as const,
  /** A page of the list, of one status or of all ('all'). */
  list: (status: DemandStatus | undefined, page: number) =>
    ['enterprise', 'demands', 'list', status ?? 'all', page] as const,
  counts: ['enterprise', 'demands', 'counts'] as const,
  bidCounts: (demandIds: readonly string[]) => ['enterprise', 'demands', 'bidCounts', demandIds] as const,
  detail: (id: string) => ['enterprise', 'demand', id] as const,
  history: (id: string) => ['enterprise', 'demand', id, 'history'] as const,
  bids: (id: string) => ['enterprise', 'demand', id, 'bids'] as const,
  shortlist: (id: string) => ['enterprise', 'demand', id, 'shortlist'] as const,
  engagements: (id: string) => ['enterprise', 'demand', id, 'engagements'] as const,
  reviewers: (id: string) => ['enterprise', 'demand', id, 'reviewers'] as const,
};

/** The needs the signed-in user was invited to review (any role may be). */
export const reviewKeys = { assigned: ['reviews', 'assigned'] as const };

/** A page of the needs the caller manages, newest first, of one status or of all. */
export function useManagedDemands(status: DemandStatus | undefined, page: number) {
  return useQuery({
    queryKey: demandKeys.list(status, page),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/demands/manage', {
          params: { query: { page, pageSize: DEMAND_PAGE_SIZE, sort: 'newest', ...(status ? { status } : {}) } },
        }),
      ),
  });
}

/** How many needs the caller manages, in all and per status, in one request. */
export function useDemandCounts() {
  return useQuery({
    queryKey: demandKeys.counts,
    queryFn: () => unwrap(api.GET('/api/v1/demands/manage/counts')),
  });
}

/** Bids lodged on each of the given needs, in one request (none asked for without needs). */
export function useBidCounts(demandIds: string[]) {
  return useQuery({
    queryKey: demandKeys.bidCounts(demandIds),
    queryFn: () => unwrap(api.GET('/api/v1/bids/counts', { params: { query: { demandIds } } })),
    enabled: demandIds.length > 0,
  });
}

/** The full view of a need the caller manages; a public view means it is not theirs to manage. */
export function useManagedDemand(id: string, poll = false) {
  return useQuery({
    queryKey: demandKeys.detail(id),
    // The need's own status follows an award a moment later: poll until it does.
    refetchInterval: poll ? 1000 : false,
    queryFn: async (): Promise<DemandFull> => {
      const demand = await unwrap(api.GET('/api/v1/demands/{id}', { params: { path: { id } } }));
      if (!('version' in demand)) throw new ApiError(403, 'DEMAND_FORBIDDEN', 'Not a need you manage.');
      return demand;
    },
  });
}

export function useDemandHistory(id: string) {
  return useQuery({
    queryKey: demandKeys.history(id),
    queryFn: () => unwrap(api.GET('/api/v1/demands/{id}/history', { params: { path: { id } } })),
  });
}

/** The reasons of the office's latest return, one per line as the office typed them. */
export function returnReasons(history: readonly Schema<'TransitionView'>[]): string[] {
  const latest = history.filter((entry) => entry.action === 'return').at(-1);
  return (latest?.reason ?? '')
    .split('；')
    .map((reason) => reason.trim())
    .filter((reason) => reason !== '');
}

export function useDemandBids(id: string, enabled = true) {
  return useQuery({
    queryKey: demandKeys.bids(id),
    queryFn: () => unwrap(api.GET('/api/v1/demands/{id}/bids', { params: { path: { id } } })),
    enabled,
  });
}

/** Who the owner invited to score the bids, and how far each has come. */
export function useReviewers(id: string) {
  return useQuery({
    queryKey: demandKeys.reviewers(id),
    queryFn: () => unwrap(api.GET('/api/v1/demands/{id}/evaluations/reviewers', { params: { path: { id } } })),
  });
}

export function useReviewAssignments() {
  return useQuery({
    queryKey: reviewKeys.assigned,
    queryFn: () => unwrap(api.GET('/api/v1/evaluations/assigned')),
  });
}

/** Up to 50 ranked bids: the server's maximum, more than a need ever gets in practice. */
export const SHORTLIST_LIMIT = 50;

export function useShortlist(id: string, enabled = true) {
  return useQuery({
    queryKey: demandKeys.shortlist(id),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/demands/{id}/shortlist', { params: { path: { id }, query: { limit: SHORTLIST_LIMIT } } }),
      ),
    enabled,
  });
}

const ENGAGEMENT_PAGE = 100;

/** The engagements of one need. The list has no need filter, so the caller's pages are read and filtered. */
export function useDemandEngagements(id: string, enabled = true) {
  return useQuery({
    queryKey: demandKeys.engagements(id),
    queryFn: async () => {
      const found: Schema<'EngagementView'>[] = [];
      for (let page = 1; ; page += 1) {
        const result = await unwrap(
          api.GET('/api/v1/engagements', { params: { query: { page, pageSize: ENGAGEMENT_PAGE } } }),
        );
        found.push(...result.items.filter((engagement) => engagement.demandId === id));
        if (page * ENGAGEMENT_PAGE >= result.total) return found;
      }
    },
    enabled,
  });
}

export function createDemand(body: Schema<'CreateDemandDto'>) {
  return unwrap(api.POST('/api/v1/demands', { body }));
}

/** Saves the need's fields, refused if someone saved it since `version` was read. */
export function updateDemand({ id, version }: { id: string; version: number }, body: Schema<'UpdateDemandDto'>) {
  return unwrap(
    api.PATCH('/api/v1/demands/{id}', { params: { path: { id }, header: { 'If-Match': `"${version}"` } }, body }),
  );
}

export function submitDemand(id: string) {
  return unwrap(api.POST('/api/v1/demands/{id}/submit', { params: { path: { id } } }));
}

export function withdrawDemand(id: string, reason: string) {
  return unwrap(api.POST('/api/v1/demands/{id}/withdraw', { params: { path: { id } }, body: { reason } }));
}

export function awardDemand(id: string, body: Schema<'AwardDto'>) {
  return unwrap(api.POST('/api/v1/demands/{id}/award', { params: { path: { id } }, body }));
}

export function saveWeights(id: string, body: Schema<'WeightsDto'>) {
  return unwrap(api.PUT('/api/v1/demands/{id}/evaluations/weights', { params: { path: { id } }, body }));
}

export function scoreBid(id: string, body: Schema<'ScoreDto'>) {
  return unwrap(api.PUT('/api/v1/bids/{id}/score', { params: { path: { id } }, body }));
}

export function inviteReviewer(id: string, email: string) {
  return unwrap(api.POST('/api/v1/demands/{id}/evaluations/reviewers', { params: { path: { id } }, body: { email } }));
}

export function removeReviewer(id: string, userId: string) {
  return unwrap(
    api.DELETE('/api/v1/demands/{id}/evaluations/reviewers/{userId}', { params: { path: { id, userId } } }),
  );
}

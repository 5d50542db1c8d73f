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

export const demandKeys = {
  all: ['enterprise', 'demands'] as const,
  detail: (id: string) => ['enterprise', 'demand', id] as const,
  history: (id: string) => ['enterprise', 'demand', id, 'history'] as const,
  bids: (id: string) => ['enterprise', 'demand', id, 'bids'] as const,
  shortlist: (id: string) => ['enterprise', 'demand', id, 'shortlist'] as const,
  engagements: (id: string) => ['enterprise', 'demand', id, 'engagements'] as const,
  reviewers: (id: string) => ['enterprise', 'demand', id, 'reviewers'] as const,
};

/** The needs the signed-in user was invited to review (any role may be). */
export const reviewKeys = { assigned: ['reviews', 'assigned'] as const };

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

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { QueryOf, Schema } from '../../api/types';

export type BidStatus = NonNullable<QueryOf<'/api/v1/bids/mine'>['status']>;

/** Up to 50 ranked bids: the server's maximum, more than a need ever gets in practice. */
const SHORTLIST_LIMIT = 50;

export const teamKeys = {
  profile: ['team', 'profile'] as const,
  allSuggestions: ['team', 'suggestions'] as const,
  suggestions: (organisationId: string) => ['team', 'suggestions', organisationId] as const,
  bids: ['team', 'bids'] as const,
  myBids: (page: number, status: BidStatus | undefined) => ['team', 'bids', 'mine', page, status] as const,
  bidsOnDemand: (demandId: string) => ['team', 'bids', 'of-demand', demandId] as const,
  engagements: ['team', 'engagements'] as const,
  myEngagements: (page: number) => ['team', 'engagements', page] as const,
  bid: (id: string) => ['bid', id] as const,
  demand: (id: string) => ['demand', id] as const,
  shortlist: (demandId: string) => ['demand', demandId, 'shortlist', SHORTLIST_LIMIT] as const,
};

/** My team's profile, or null while the team has not created one yet. */
export function useTeamProfile() {
  return useQuery({
    queryKey: teamKeys.profile,
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/v1/teams/me'));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'TEAM_PROFILE_NOT_FOUND') return null;
        throw error;
      }
    },
  });
}

export function saveProfile(body: Schema<'TeamProfileDto'>) {
  return unwrap(api.PUT('/api/v1/teams/me', { body }));
}

export function addAchievement(body: Schema<'AchievementDto'>) {
  return unwrap(api.POST('/api/v1/teams/me/achievements', { body }));
}

export function removeAchievement(achievementId: string) {
  return unwrap(api.DELETE('/api/v1/teams/me/achievements/{achievementId}', { params: { path: { achievementId } } }));
}

/** Open needs that fit the team's profile, best first; asked for only once the team has a profile. */
export function useSuggestedDemands(organisationId: string | undefined, hasProfile: boolean) {
  return useQuery({
    queryKey: teamKeys.suggestions(organisationId ?? ''),
    queryFn: async () => {
      try {
        return await unwrap(
          api.GET('/api/v1/search/teams/{id}/demands', { params: { path: { id: organisationId! } } }),
        );
      } catch (error) {
        // A profile not (yet) in the search index has nothing suggested, which is not a failure.
        if (error instanceof ApiError && error.code === 'SEARCH_TEAM_NOT_FOUND') return [];
        throw error;
      }
    },
    enabled: Boolean(organisationId) && hasProfile,
  });
}

/** A page of my team's bids, of one status or of all; the page shown stays while the next loads. */
export function useMyBids(page: number, pageSize: number, status: BidStatus | undefined) {
  return useQuery({
    queryKey: teamKeys.myBids(page, status),
    queryFn: () => unwrap(api.GET('/api/v1/bids/mine', { params: { query: { page, pageSize, status } } })),
    placeholderData: keepPreviousData,
  });
}

/** A page of the engagements my team won; the page shown stays while the next loads. */
export function useMyEngagements(page: number, pageSize: number) {
  return useQuery({
    queryKey: teamKeys.myEngagements(page),
    queryFn: () => unwrap(api.GET('/api/v1/engagements', { params: { query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export function useDemand(id: string | undefined) {
  return useQuery({
    queryKey: teamKeys.demand(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/demands/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

/** My team's bids on a need, to find the active one. */
export function useOwnBidsOn(demandId: string) {
  return useQuery({
    queryKey: teamKeys.bidsOnDemand(demandId),
    queryFn: () => unwrap(api.GET('/api/v1/demands/{id}/bids', { params: { path: { id: demandId } } })),
  });
}

/** The need's ranked bids; refused to those who may not read them, which is not retried. */
export function useShortlist(demandId: string) {
  return useQuery({
    queryKey: teamKeys.shortlist(demandId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/demands/{id}/shortlist', {
          params: { path: { id: demandId }, query: { limit: SHORTLIST_LIMIT } },
        }),
      ),
    retry: false,
  });
}

export function fetchBid(id: string) {
  return unwrap(api.GET('/api/v1/bids/{id}', { params: { path: { id } } }));
}

export function useBid(id: string | undefined) {
  return useQuery({
    queryKey: teamKeys.bid(id ?? ''),
    queryFn: () => fetchBid(id!),
    enabled: Boolean(id),
  });
}

export function createBid(demandId: string, body: Schema<'CreateBidDto'>) {
  return unwrap(api.POST('/api/v1/demands/{id}/bids', { params: { path: { id: demandId } }, body }));
}

/** Saves the bid's fields, refused if someone saved it since `version` was read. */
export function updateBid({ id, version }: { id: string; version: number }, body: Schema<'UpdateBidDto'>) {
  return unwrap(
    api.PATCH('/api/v1/bids/{id}', { params: { path: { id }, header: { 'If-Match': `"${version}"` } }, body }),
  );
}

export function submitBid(id: string) {
  return unwrap(api.POST('/api/v1/bids/{id}/submit', { params: { path: { id } } }));
}

export function withdrawBid(id: string) {
  return unwrap(api.POST('/api/v1/bids/{id}/withdraw', { params: { path: { id } } }));
}

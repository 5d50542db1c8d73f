import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/problem';

export const teamKeys = {
  profile: ['team', 'profile'] as const,
  suggestions: (organisationId: string) => ['team', 'suggestions', organisationId] as const,
  bids: ['team', 'bids'] as const,
  engagements: ['team', 'engagements'] as const,
  bid: (id: string) => ['bid', id] as const,
  demand: (id: string) => ['demand', id] as const,
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

export function useDemand(id: string | undefined) {
  return useQuery({
    queryKey: teamKeys.demand(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/demands/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function useBid(id: string | undefined) {
  return useQuery({
    queryKey: teamKeys.bid(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/bids/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../api/session';
import type { QueryOf, Schema } from '../../api/types';
import { demandKeys } from '../enterprise/queries';

export type Demand = Schema<'DemandFullView'>;
export type Organisation = Schema<'OrganisationView'>;
export type Team = Schema<'TeamProfileView'>;
export type Engagement = Schema<'EngagementView'>;
export type Matchmaking = Schema<'MatchmakingView'>;
export type Conversion = Schema<'ConversionView'>;
export type Period = Pick<QueryOf<'/api/v1/stats/funnel'>, 'from' | 'to'>;

const ALL_PAGE_SIZE = 100;

export const advisorKeys = {
  portfolio: (advisorId: string) => ['advisor', 'portfolio', advisorId] as const,
  funnels: ['advisor', 'funnel'] as const,
  funnel: (period: Period) => ['advisor', 'funnel', period] as const,
  matchmakings: ['advisor', 'matchmakings'] as const,
  matchmakingPage: (period: Period, { page, pageSize }: RecordPage) =>
    ['advisor', 'matchmakings', period, page, pageSize] as const,
  conversions: ['advisor', 'conversions'] as const,
  conversionPage: (period: Period, { page, pageSize }: RecordPage) =>
    ['advisor', 'conversions', period, page, pageSize] as const,
  teams: ['advisor', 'teams'] as const,
  engagements: ['advisor', 'engagements'] as const,
  bids: (demandId: string) => ['advisor', 'bids', demandId] as const,
  // Under the enterprise feature's key, so the need editor's invalidation refreshes it too.
  demands: [...demandKeys.all, 'advisor'] as const,
};

/** Every item of a paged list: a portfolio is small (tens of needs, teams), so the pages are few. */
async function allPages<T>(fetchPage: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const result = await fetchPage(page);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}

/** The enterprises I serve, fresh from the server (the session's copy dates from the login). */
export function useServedOrganisations() {
  const user = useSession()?.user;
  const advisorId = user?.id ?? '';
  return useQuery({
    queryKey: advisorKeys.portfolio(advisorId),
    queryFn: () => unwrap(api.GET('/api/v1/advisors/{advisorId}/organisations', { params: { path: { advisorId } } })),
    select: (portfolio) => portfolio.organisations,
    placeholderData: user ? { advisorId, organisations: user.servedOrganisations } : undefined,
    enabled: Boolean(user),
  });
}

/** All needs of the enterprises I serve, in any status. */
export function useAdvisorDemands() {
  return useQuery({
    queryKey: advisorKeys.demands,
    queryFn: () =>
      allPages((page) =>
        unwrap(api.GET('/api/v1/demands/manage', { params: { query: { page, pageSize: ALL_PAGE_SIZE } } })),
      ),
  });
}

/** The visible research teams with their achievements (科技成果). */
export function useTeams() {
  return useQuery({
    queryKey: advisorKeys.teams,
    queryFn: () =>
      allPages((page) => unwrap(api.GET('/api/v1/teams', { params: { query: { page, pageSize: ALL_PAGE_SIZE } } }))),
    staleTime: 5 * 60_000,
  });
}

/** Engagements on the needs of my enterprises. */
export function useEngagements() {
  return useQuery({
    queryKey: advisorKeys.engagements,
    queryFn: () =>
      allPages((page) =>
        unwrap(api.GET('/api/v1/engagements', { params: { query: { page, pageSize: ALL_PAGE_SIZE } } })),
      ),
  });
}

/** The lodged bids on a need (none asked for until a need is chosen). */
export function useNeedBids(demandId: string | undefined) {
  return useQuery({
    queryKey: advisorKeys.bids(demandId ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/demands/{id}/bids', { params: { path: { id: demandId ?? '' } } })),
    enabled: Boolean(demandId),
  });
}

/** My portfolio's funnel: the server scopes it to the signed-in advisor. */
export function useFunnel(period: Period) {
  return useQuery({
    queryKey: advisorKeys.funnel(period),
    queryFn: () => unwrap(api.GET('/api/v1/stats/funnel', { params: { query: period } })),
    placeholderData: keepPreviousData,
  });
}

export interface RecordPage {
  page: number;
  pageSize: number;
}

export function useMatchmakings(period: Period, { page, pageSize }: RecordPage) {
  return useQuery({
    queryKey: advisorKeys.matchmakingPage(period, { page, pageSize }),
    queryFn: () => unwrap(api.GET('/api/v1/matchmakings', { params: { query: { ...period, page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export function useConversions(period: Period, { page, pageSize }: RecordPage) {
  return useQuery({
    queryKey: advisorKeys.conversionPage(period, { page, pageSize }),
    queryFn: () => unwrap(api.GET('/api/v1/conversions', { params: { query: { ...period, page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

/** A new matchmaking, or a correction of `record`, refused if someone saved it since it was read. */
export function saveMatchmaking(body: Schema<'MatchmakingDto'>, record?: Matchmaking) {
  return record
    ? unwrap(
        api.PUT('/api/v1/matchmakings/{id}', {
          params: { path: { id: record.id }, header: { 'If-Match': `"${record.version}"` } },
          body,
        }),
      )
    : unwrap(api.POST('/api/v1/matchmakings', { body }));
}

/** A new conversion, or a correction of `record`, refused if someone saved it since it was read. */
export function saveConversion(body: Schema<'ConversionDto'>, record?: Conversion) {
  return record
    ? unwrap(
        api.PUT('/api/v1/conversions/{id}', {
          params: { path: { id: record.id }, header: { 'If-Match': `"${record.version}"` } },
          body,
        }),
      )
    : unwrap(api.POST('/api/v1/conversions', { body }));
}

import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Schema } from '../../api/types';
import { FACET_GROUPS, type FacetGroup, type HallFilters, toSearchQuery } from './searchParams';

export type SearchHit = Schema<'SearchHitView'>;
export type Demand = Schema<'DemandFullView'> | Schema<'DemandPublicView'>;
export type Batch = Schema<'BatchView'>;

export const hallKeys = {
  search: (filters: HallFilters) => ['hall', 'search', filters] as const,
  facets: (group: FacetGroup, filters: HallFilters) => ['hall', 'facets', group, filters] as const,
  batches: (page: number, pageSize: number) => ['hall', 'batches', page, pageSize] as const,
  batch: (id: string) => ['hall', 'batch', id] as const,
  demand: (id: string) => ['hall', 'demand', id] as const,
  bidCount: (id: string) => ['hall', 'demand', id, 'bids'] as const,
  teams: (id: string) => ['hall', 'demand', id, 'teams'] as const,
};

/** The results keep showing while the next ones load, so typing never flashes an empty list. */
export function useDemandSearch(filters: HallFilters) {
  return useQuery({
    queryKey: hallKeys.search(filters),
    queryFn: () => unwrap(api.GET('/api/v1/search/demands', { params: { query: toSearchQuery(filters) } })),
    placeholderData: keepPreviousData,
  });
}

/**
 * Facet counts for the groups that have a selection. The API counts with every filter applied, so
 * once one industry is ticked the others would read 0; asking again without that group's own filter
 * gives the count each further value would add (disjunctive facets).
 */
export function useFacetCounts(filters: HallFilters, counted: Record<string, Record<string, number>> | undefined) {
  const filtered = FACET_GROUPS.filter((group) => filters[group].length > 0);
  const results = useQueries({
    queries: filtered.map((group) => {
      const without: HallFilters = { ...filters, [group]: [], sort: 'relevance', page: 1, pageSize: 1 };
      return {
        queryKey: hallKeys.facets(group, without),
        queryFn: () => unwrap(api.GET('/api/v1/search/demands', { params: { query: toSearchQuery(without) } })),
        placeholderData: keepPreviousData,
      };
    }),
  });
  const counts: Partial<Record<FacetGroup, Record<string, number>>> = {};
  for (const group of FACET_GROUPS) {
    const index = filtered.indexOf(group);
    counts[group] = (index >= 0 ? results[index]?.data?.facets[group] : undefined) ?? counted?.[group] ?? {};
  }
  return counts;
}

export function useBatches(page = 1, pageSize = 100) {
  return useQuery({
    queryKey: hallKeys.batches(page, pageSize),
    queryFn: () => unwrap(api.GET('/api/v1/batches', { params: { query: { page, pageSize } } })),
    placeholderData: keepPreviousData,
  });
}

export function useBatch(id: string) {
  return useQuery({
    queryKey: hallKeys.batch(id),
    queryFn: () => unwrap(api.GET('/api/v1/batches/{id}', { params: { path: { id } } })),
  });
}

export function useDemand(id: string) {
  return useQuery({
    queryKey: hallKeys.demand(id),
    queryFn: (): Promise<Demand> => unwrap(api.GET('/api/v1/demands/{id}', { params: { path: { id } } })),
  });
}

export function useBidCount(id: string) {
  return useQuery({
    queryKey: hallKeys.bidCount(id),
    queryFn: () => unwrap(api.GET('/api/v1/demands/{id}/bids/count', { params: { path: { id } } })),
  });
}

export function useSuitableTeams(id: string) {
  return useQuery({
    queryKey: hallKeys.teams(id),
    queryFn: () => unwrap(api.GET('/api/v1/search/demands/{id}/teams', { params: { path: { id } } })),
  });
}

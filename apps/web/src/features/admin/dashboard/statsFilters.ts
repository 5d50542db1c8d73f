import { DISTRICTS, INDUSTRIES } from '@jiebang/contracts';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { QueryOf } from '../../../api/types';

export type StatsFilters = QueryOf<'/api/v1/stats/funnel'>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/i;

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((candidate) => candidate === value);

/** The dashboard's filters live in the address, so a filtered view can be bookmarked and shared. */
export function useStatsFilters(): [StatsFilters, (next: StatsFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo((): StatsFilters => {
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    const advisorId = params.get('advisorId') ?? '';
    return {
      ...(DATE.test(from) ? { from } : {}),
      ...(DATE.test(to) ? { to } : {}),
      industry: oneOf(INDUSTRIES, params.get('industry')),
      district: oneOf(DISTRICTS, params.get('district')),
      ...(UUID.test(advisorId) ? { advisorId } : {}),
    };
  }, [params]);
  const setFilters = useCallback(
    (next: StatsFilters) => {
      const entries = Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1]));
      setParams(entries, { replace: true });
    },
    [setParams],
  );
  return [filters, setFilters];
}

/** The filters as a query string for the export URL ('' when unfiltered). */
export function toQueryString(filters: StatsFilters): string {
  const entries = Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return entries.length > 0 ? `?${new URLSearchParams(entries).toString()}` : '';
}

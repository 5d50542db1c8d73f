import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Period } from './queries';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The workbench's period lives in the address, so a filtered view survives a reload and can be shared. */
export function usePeriod(): [Period, (next: Period) => void] {
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const period = useMemo((): Period => (DATE.test(from) && DATE.test(to) ? { from, to } : {}), [from, to]);
  const setPeriod = useCallback(
    (next: Period) => setParams(next.from && next.to ? { from: next.from, to: next.to } : {}, { replace: true }),
    [setParams],
  );
  return [period, setPeriod];
}

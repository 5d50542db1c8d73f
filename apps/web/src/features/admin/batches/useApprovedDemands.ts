import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { adminKeys, type DemandFull } from '../queries';

const PAGE_SIZE = 100;

/** Approved needs not yet in any batch: every page of them, as a batch may take them all. */
export function useApprovedDemands(enabled: boolean) {
  return useQuery({
    queryKey: adminKeys.approved,
    enabled,
    queryFn: async (): Promise<DemandFull[]> => {
      const items: DemandFull[] = [];
      for (let page = 1; ; page += 1) {
        const result = await unwrap(
          api.GET('/api/v1/demands/manage', { params: { query: { status: 'approved', page, pageSize: PAGE_SIZE } } }),
        );
        items.push(...result.items);
        if (page * PAGE_SIZE >= result.total) break;
      }
      return items.filter((demand) => demand.batch === null);
    },
  });
}

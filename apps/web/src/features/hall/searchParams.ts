import { COOPERATION_MODES, DISTRICTS, INDUSTRIES, PUBLIC_DEMAND_STATUSES } from '@jiebang/contracts';
import type { QueryOf } from '../../api/types';

export type SearchQuery = QueryOf<'/api/v1/search/demands'>;
export type Sort = NonNullable<SearchQuery['sort']>;

export const SORTS = [
  'relevance',
  'bounty_desc',
  'bounty_asc',
  'deadline',
  'newest',
] as const satisfies readonly Sort[];
export const PAGE_SIZES = [10, 20, 50] as const;
const DEFAULT_PAGE_SIZE = 20;

/** The facet groups, each with every value it may take, in the vocabulary's order. */
export const FACETS = {
  industry: INDUSTRIES,
  district: DISTRICTS,
  cooperationMode: COOPERATION_MODES,
  status: PUBLIC_DEMAND_STATUSES,
} as const;
export type FacetGroup = keyof typeof FACETS;
export const FACET_GROUPS = Object.keys(FACETS) as FacetGroup[];

/** Everything the hall shows, as read from (and written to) the address bar. */
export interface HallFilters {
  /** Only needs open for bidding (可揭榜), the default; otherwise every published need, by status facet. */
  open: boolean;
  q: string;
  industry: (typeof INDUSTRIES)[number][];
  district: (typeof DISTRICTS)[number][];
  cooperationMode: (typeof COOPERATION_MODES)[number][];
  status: (typeof PUBLIC_DEMAND_STATUSES)[number][];
  bountyMin: number | null;
  bountyMax: number | null;
  /** Bid deadline range, ISO days (Beijing), both inclusive. */
  deadlineFrom: string | null;
  deadlineTo: string | null;
  batchId: string | null;
  sort: Sort;
  page: number;
  pageSize: number;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null): value is T {
  return value !== null && (allowed as readonly string[]).includes(value);
}

/** Repeated (`industry=a&industry=b`) or comma-separated values, unknown ones dropped. */
function many<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] {
  const values = params.getAll(name).flatMap((value) => value.split(','));
  return [...new Set(values)].filter((value): value is T => oneOf(allowed, value));
}

function amount(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : null;
}

function isoDay(value: string | null): string | null {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
}

function positiveInt(value: string | null, fallback: number, max: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 1 ? Math.min(parsed, max) : fallback;
}

export function readFilters(params: URLSearchParams): HallFilters {
  const sort = params.get('sort');
  const pageSize = Number(params.get('pageSize'));
  const status = many(params, 'status', FACETS.status);
  return {
    // A link that names statuses (from before the toggle, or a facet) shows them, not only the open.
    open: params.get('scope') !== 'all' && status.length === 0,
    q: params.get('q') ?? '',
    industry: many(params, 'industry', FACETS.industry),
    district: many(params, 'district', FACETS.district),
    cooperationMode: many(params, 'cooperationMode', FACETS.cooperationMode),
    status,
    bountyMin: amount(params.get('bountyMin')),
    bountyMax: amount(params.get('bountyMax')),
    deadlineFrom: isoDay(params.get('deadlineFrom')),
    deadlineTo: isoDay(params.get('deadlineTo')),
    batchId: params.get('batchId') || null,
    sort: oneOf(SORTS, sort) ? sort : 'relevance',
    page: positiveInt(params.get('page'), 1, 1000),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** The address bar form: defaults are left out so links stay short. */
export function writeFilters(filters: HallFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (!filters.open) params.set('scope', 'all');
  if (filters.q.trim()) params.set('q', filters.q);
  for (const group of FACET_GROUPS) {
    if (group === 'status' && filters.open) continue;
    for (const value of filters[group]) params.append(group, value);
  }
  if (filters.bountyMin !== null) params.set('bountyMin', String(filters.bountyMin));
  if (filters.bountyMax !== null) params.set('bountyMax', String(filters.bountyMax));
  if (filters.deadlineFrom) params.set('deadlineFrom', filters.deadlineFrom);
  if (filters.deadlineTo) params.set('deadlineTo', filters.deadlineTo);
  if (filters.batchId) params.set('batchId', filters.batchId);
  if (filters.sort !== 'relevance') params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  if (filters.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(filters.pageSize));
  return params;
}

export function hasFilters(filters: HallFilters): boolean {
  return (
    filters.q.trim() !== '' ||
    FACET_GROUPS.some((group) => filters[group].length > 0) ||
    filters.bountyMin !== null ||
    filters.bountyMax !== null ||
    filters.deadlineFrom !== null ||
    filters.deadlineTo !== null ||
    filters.batchId !== null
  );
}

/** How many filters narrow the results beside the search text (a range counts once per bound). */
export function activeFilterCount(filters: HallFilters): number {
  const ticked = FACET_GROUPS.reduce(
    (sum, group) => sum + (group === 'status' && filters.open ? 0 : filters[group].length),
    0,
  );
  const others = [filters.bountyMin, filters.bountyMax, filters.deadlineFrom, filters.deadlineTo, filters.batchId];
  return ticked + others.filter((value) => value !== null).length;
}

/** The search API's query for these filters. */
export function toSearchQuery(filters: HallFilters): SearchQuery {
  const query: SearchQuery = { sort: filters.sort, page: filters.page, pageSize: filters.pageSize };
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.industry.length) query.industry = filters.industry;
  if (filters.district.length) query.district = filters.district;
  if (filters.cooperationMode.length) query.cooperationMode = filters.cooperationMode;
  // "published" means open for bids now: the search API reads a passed deadline as closed.
  if (filters.open) query.status = ['published'];
  else if (filters.status.length) query.status = filters.status;
  if (filters.bountyMin !== null) query.bountyMin = filters.bountyMin;
  if (filters.bountyMax !== null) query.bountyMax = filters.bountyMax;
  if (filters.deadlineFrom) query.deadlineFrom = filters.deadlineFrom;
  if (filters.deadlineTo) query.deadlineTo = filters.deadlineTo;
  if (filters.batchId) query.batchId = filters.batchId;
  return query;
}

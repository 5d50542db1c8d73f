import { Injectable } from '@nestjs/common';
import { type DemandStatus, effectiveStatus, PUBLIC_DEMAND_STATUSES } from '@jiebang/contracts';
import type { Hit } from 'meilisearch';
import { DEMAND_HIT_ATTRIBUTES, type DemandDocument } from '../index/documents';
import { SearchIndexes } from '../index/index-names';
import { FilterBuilder } from './filter-builder';
import { QueryText } from './query-text';
import type { PublicStatus, SearchDemandsQuery, SearchHitView, SearchPage, SearchSort } from './search.dto';

const SORTS: Record<Exclude<SearchSort, 'relevance' | 'deadline'>, string[]> = {
  bounty_desc: ['bountyMax:desc'],
  bounty_asc: ['bountyMin:asc'],
  newest: ['publishedAtTs:desc'],
};

const FACETS = ['industry', 'district', 'cooperationMode', 'status'];

// Meilisearch marks matches with these; the text is HTML-escaped before they become <mark>.
const PRE = '\u0001';
const POST = '\u0002';

const HIGHLIGHT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  [PRE]: '<mark>',
  [POST]: '</mark>',
};

const HIGHLIGHT_CHARS = new RegExp(`[${Object.keys(HIGHLIGHT_ESCAPES).join('')}]`, 'g');

/** One pass over the text (two fields of every hit of every search). */
export function escapeHighlight(text: string): string {
  return text.replace(HIGHLIGHT_CHARS, (char) => HIGHLIGHT_ESCAPES[char]);
}

/** Needs still open for bids at `nowTs`: published, deadline ahead (publication requires one). */
export function openFilter(nowTs: number): FilterBuilder {
  return new FilterBuilder().equals('status', 'published').atLeast('bidDeadlineTs', nowTs + 1);
}

/** The status filter in terms of what is stored: "published" means still open. */
function statusFilter(statuses: readonly PublicStatus[], nowTs: number): FilterBuilder[] {
  return statuses.map((status) => {
    if (status === 'published') return openFilter(nowTs);
    if (status === 'bidding_closed') {
      return new FilterBuilder().anyOf([
        new FilterBuilder().equals('status', 'bidding_closed'),
        new FilterBuilder().equals('status', 'published').atMost('bidDeadlineTs', nowTs),
      ]);
    }
    return new FilterBuilder().equals('status', status);
  });
}

/** Facet counts of two disjoint result sets, added up. */
function mergeFacets(
  a: Record<string, Record<string, number>>,
  b: Record<string, Record<string, number>>,
): Record<string, Record<string, number>> {
  const merged: Record<string, Record<string, number>> = {};
  for (const facet of FACETS) {
    merged[facet] = { ...a[facet] };
    for (const [value, count] of Object.entries(b[facet] ?? {}))
      merged[facet][value] = (merged[facet][value] ?? 0) + count;
  }
  return merged;
}

const dayStart = (date: string): number => Math.floor(new Date(`${date.slice(0, 10)}T00:00:00+08:00`).getTime() / 1000);

@Injectable()
export class SearchService {
  private readonly queryText: QueryText;

  constructor(private readonly indexes: SearchIndexes) {
    this.queryText = new QueryText(indexes.data.variants);
  }

  async searchDemands(query: SearchDemandsQuery): Promise<SearchPage> {
    const q = this.queryText.normalise(query.q ?? '');
    const nowTs = Math.floor(Date.now() / 1000);
    const filter = () =>
      new FilterBuilder()
        .oneOf('industry', query.industry)
        .oneOf('district', query.district)
        .oneOf('cooperationMode', query.cooperationMode)
        .equals('batchId', query.batchId)
        .atLeast('bountyMax', query.bountyMin)
        .atMost('bountyMin', query.bountyMax)
        .atLeast('bidDeadlineTs', query.deadlineFrom ? dayStart(query.deadlineFrom) : undefined)
        .atMost('bidDeadlineTs', query.deadlineTo ? dayStart(query.deadlineTo) + 86_399 : undefined)
        .anyOf(
          query.status
            ? statusFilter(query.status, nowTs)
            : [new FilterBuilder().oneOf('status', [...PUBLIC_DEMAND_STATUSES])],
        );
    const index = this.indexes.client.index<DemandDocument>(this.indexes.name('demand'));
    const options = {
      // Every term (or a synonym) must match: with the default ('last') a Chinese word that no
      // need holds, segmented into pieces, fell back to a piece of it (双极板 found 双歧杆菌).
      matchingStrategy: 'all' as const,
      facets: FACETS,
      attributesToRetrieve: [...DEMAND_HIT_ATTRIBUTES],
      attributesToHighlight: ['title', 'summary'],
      highlightPreTag: PRE,
      highlightPostTag: POST,
      attributesToCrop: ['summary'],
      cropLength: 60,
    };
    if (query.sort === 'deadline') {
      // Upcoming deadlines first, nearest first; then the closed, latest first. Every public need
      // has a deadline (publication sets one), so the two filters split the results.
      const upcoming = filter()
        .atLeast('bidDeadlineTs', nowTs + 1)
        .build();
      const closed = filter().atMost('bidDeadlineTs', nowTs).build();
      const [open, past] = await this.indexes.query(() =>
        Promise.all([
          index.search(q, {
            ...options,
            filter: upcoming,
            sort: ['bidDeadlineTs:asc'],
            page: query.page,
            hitsPerPage: query.pageSize,
          }),
          index.search(q, { ...options, filter: closed, page: 1, hitsPerPage: 0 }),
        ]),
      );
      const openTotal = open.totalHits ?? 0;
      const hits = [...open.hits];
      const wanted = query.pageSize - hits.length;
      if (wanted > 0 && (past.totalHits ?? 0) > 0) {
        const offset = Math.max(0, (query.page - 1) * query.pageSize - openTotal);
        const more = await this.indexes.query(() =>
          index.search(q, { ...options, filter: closed, sort: ['bidDeadlineTs:desc'], offset, limit: wanted }),
        );
        hits.push(...more.hits);
      }
      return {
        items: hits.map((hit) => this.toHit(hit, nowTs)),
        total: openTotal + (past.totalHits ?? 0),
        page: query.page,
        pageSize: query.pageSize,
        facets: mergeFacets(open.facetDistribution ?? {}, past.facetDistribution ?? {}),
        query: q,
        processingTimeMs: open.processingTimeMs + past.processingTimeMs,
      };
    }
    const sort = query.sort === 'relevance' ? (q ? undefined : SORTS.newest) : SORTS[query.sort];
    const search = (matchingStrategy: 'all' | 'last') =>
      this.indexes.query(() =>
        index.search(q, {
          ...options,
          matchingStrategy,
          filter: filter().build(),
          sort,
          page: query.page,
          hitsPerPage: query.pageSize,
        }),
      );
    // Only terms typed apart fall back, when no need holds them all, to the needs holding the
    // first ones (see `options` for why every term must match otherwise).
    let result = await search('all');
    if ((result.totalHits ?? 0) === 0 && q.includes(' ')) result = await search('last');
    return {
      items: result.hits.map((hit) => this.toHit(hit, nowTs)),
      total: result.totalHits ?? 0,
      page: query.page,
      pageSize: query.pageSize,
      facets: result.facetDistribution ?? {},
      query: q,
      processingTimeMs: result.processingTimeMs,
    };
  }

  private toHit(hit: Hit<Pick<DemandDocument, (typeof DEMAND_HIT_ATTRIBUTES)[number]>>, nowTs: number): SearchHitView {
    const formatted = hit._formatted;
    return {
      id: hit.id,
      code: hit.code,
      title: hit.title,
      summary: hit.summary,
      keywords: hit.keywords,
      industry: hit.industry,
      district: hit.district,
      cooperationMode: hit.cooperationMode,
      bountyMin: hit.bountyMin,
      bountyMax: hit.bountyMax,
      bidDeadline: hit.bidDeadline,
      bidCount: hit.bidCount ?? 0,
      // A published need past its deadline reads as closed, as everywhere (the contracts' rule).
      status: effectiveStatus(
        hit.status as DemandStatus,
        hit.bidDeadlineTs === null ? null : new Date(hit.bidDeadlineTs),
        new Date(nowTs),
      ),
      owner: { id: hit.ownerOrganisationId, name: hit.ownerName },
      batchId: hit.batchId,
      publishedAt: hit.publishedAt,
      highlight: {
        title: escapeHighlight(String(formatted?.title ?? hit.title)),
        summary: escapeHighlight(String(formatted?.summary ?? hit.summary)),
      },
    };
  }
}

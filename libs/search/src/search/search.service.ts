import { Injectable } from '@nestjs/common';
import { PUBLIC_DEMAND_STATUSES } from '@jiebang/contracts';
import type { Hit } from 'meilisearch';
import type { DemandDocument } from '../index/documents';
import { SearchIndexes } from '../index/index-names';
import { FilterBuilder } from './filter-builder';
import { QueryText } from './query-text';
import type { PublicStatus, SearchDemandsQuery, SearchHitView, SearchPage, SearchSort } from './search.dto';

const SORTS: Record<Exclude<SearchSort, 'relevance'>, string[]> = {
  bounty_desc: ['bountyMax:desc'],
  bounty_asc: ['bountyMin:asc'],
  deadline: ['bidDeadlineTs:asc'],
  newest: ['publishedAtTs:desc'],
};

const FACETS = ['industry', 'district', 'cooperationMode', 'status'];

// Meilisearch marks matches with these; the text is HTML-escaped before they become <mark>.
const PRE = '\u0001';
const POST = '\u0002';

export function escapeHighlight(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replaceAll(PRE, '<mark>')
    .replaceAll(POST, '</mark>');
}

/** Stored status plus time: a published need past its deadline reads as closed, as in demand. */
export function effectiveStatus(status: string, bidDeadlineTs: number | null, nowTs: number): string {
  return status === 'published' && bidDeadlineTs !== null && bidDeadlineTs <= nowTs ? 'bidding_closed' : status;
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
    const filter = new FilterBuilder()
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
    const sort = query.sort === 'relevance' ? (q ? undefined : SORTS.newest) : SORTS[query.sort];
    const search = (matchingStrategy: 'all' | 'last') =>
      this.indexes.query(() =>
        this.indexes.client.index<DemandDocument>(this.indexes.name('demand')).search(q, {
          filter: filter.build(),
          sort,
          matchingStrategy,
          page: query.page,
          hitsPerPage: query.pageSize,
          facets: FACETS,
          attributesToHighlight: ['title', 'summary'],
          highlightPreTag: PRE,
          highlightPostTag: POST,
          attributesToCrop: ['summary'],
          cropLength: 60,
        }),
      );
    // Every term (or a synonym) must match: with 'last' alone a Chinese word that no need holds,
    // segmented into pieces, fell back to a piece of it (双极板 found 双歧杆菌). Only terms typed
    // apart fall back, when no need holds them all, to the needs holding the first ones.
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

  private toHit(hit: Hit<DemandDocument>, nowTs: number): SearchHitView {
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
      status: effectiveStatus(hit.status, hit.bidDeadlineTs, nowTs),
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

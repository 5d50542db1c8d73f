import { Injectable } from '@nestjs/common';
import type { Hit } from 'meilisearch';
import type { DemandDocument, TeamDocument } from '../index/documents';
import { SearchIndexes } from '../index/index-names';
import { DocumentRepository } from '../indexer/document.repository';
import { searchError } from '../search.errors';
import { FilterBuilder } from '../search/filter-builder';
import type { SuggestionView } from '../search/search.dto';

const LIMIT = 10;

/** Terms both sides share, the explanation shown with a suggestion. */
function sharedTerms<T extends object>(ours: string[], hit: Hit<T>, fields: Array<keyof T>): string[] {
  const theirs = fields.flatMap((field) => {
    const value: unknown = hit[field];
    return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
  });
  const text = theirs.join(' ');
  return [...new Set(ours.filter((term) => term && (theirs.includes(term) || text.includes(term))))];
}

/** Two-way suggestions: teams whose expertise fits a need, and open needs that fit a team. */
@Injectable()
export class SuggestionsService {
  constructor(
    private readonly indexes: SearchIndexes,
    private readonly documents: DocumentRepository,
  ) {}

  async teamsForDemand(demandId: string): Promise<SuggestionView[]> {
    const stored = await this.documents.find('demand', demandId);
    if (!stored?.body || stored.deleted)
      throw searchError('SEARCH_DEMAND_NOT_FOUND', 'No published need with this id.');
    const demand = stored.body as unknown as DemandDocument;
    const terms = [...demand.keywords, ...demand.title.split(/\s+/)];
    const result = await this.indexes.query(() =>
      this.indexes.client.index<TeamDocument>(this.indexes.name('team')).search(terms.join(' '), {
        filter: new FilterBuilder().equals('visible', true).build(),
        limit: LIMIT,
        matchingStrategy: 'last',
      }),
    );
    return result.hits
      .map((hit, index) => ({
        id: hit.id,
        name: hit.name,
        rank: index + 1,
        matchedTerms: sharedTerms(terms, hit, ['keywords', 'researchFields', 'achievementText', 'summary']),
      }))
      .filter((suggestion) => suggestion.matchedTerms.length > 0);
  }

  async demandsForTeam(teamId: string): Promise<SuggestionView[]> {
    const stored = await this.documents.find('team', teamId);
    if (!stored?.body || stored.deleted)
      throw searchError('SEARCH_TEAM_NOT_FOUND', 'No visible team profile with this id.');
    const team = stored.body as unknown as TeamDocument;
    const terms = [...team.keywords, ...team.researchFields];
    const nowTs = Math.floor(Date.now() / 1000);
    const result = await this.indexes.query(() =>
      this.indexes.client.index<DemandDocument>(this.indexes.name('demand')).search(terms.join(' '), {
        filter: new FilterBuilder()
          .equals('status', 'published')
          .atLeast('bidDeadlineTs', nowTs + 1)
          .build(),
        limit: LIMIT,
        matchingStrategy: 'last',
      }),
    );
    return result.hits
      .map((hit, index) => ({
        id: hit.id,
        name: hit.title,
        rank: index + 1,
        matchedTerms: sharedTerms(terms, hit, ['keywords', 'title', 'summary', 'indicatorText']),
      }))
      .filter((suggestion) => suggestion.matchedTerms.length > 0);
  }
}

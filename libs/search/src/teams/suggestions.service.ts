import { Injectable } from '@nestjs/common';
import type { Hit } from 'meilisearch';
import type { DemandDocument, TeamDocument } from '../index/documents';
import { SearchIndexes } from '../index/index-names';
import { type DocumentKind, DocumentRepository } from '../indexer/document.repository';
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
    return this.suggest<TeamDocument>({
      kind: 'team',
      terms: [...demand.keywords, ...demand.title.split(/\s+/)],
      filter: new FilterBuilder().equals('visible', true),
      name: (team) => team.name,
      explainedBy: ['keywords', 'researchFields', 'achievementText', 'summary'],
    });
  }

  async demandsForTeam(teamId: string): Promise<SuggestionView[]> {
    const stored = await this.documents.find('team', teamId);
    if (!stored?.body || stored.deleted)
      throw searchError('SEARCH_TEAM_NOT_FOUND', 'No visible team profile with this id.');
    const team = stored.body as unknown as TeamDocument;
    return this.suggest<DemandDocument>({
      kind: 'demand',
      terms: [...team.keywords, ...team.researchFields],
      filter: new FilterBuilder()
        .equals('status', 'published')
        .atLeast('bidDeadlineTs', Math.floor(Date.now() / 1000) + 1),
      name: (demand) => demand.title,
      explainedBy: ['keywords', 'title', 'summary', 'indicatorText'],
    });
  }

  /** Searches the other side with one side's terms; keeps the hits that share at least one term. */
  private async suggest<T extends { id: string }>(options: {
    kind: DocumentKind;
    terms: string[];
    filter: FilterBuilder;
    name: (hit: T) => string;
    explainedBy: Array<keyof T>;
  }): Promise<SuggestionView[]> {
    const result = await this.indexes.query(() =>
      this.indexes.client.index<T>(this.indexes.name(options.kind)).search(options.terms.join(' '), {
        filter: options.filter.build(),
        limit: LIMIT,
        matchingStrategy: 'last',
      }),
    );
    return result.hits
      .map((hit, index) => ({
        id: hit.id,
        name: options.name(hit),
        rank: index + 1,
        matchedTerms: sharedTerms(options.terms, hit, options.explainedBy),
      }))
      .filter((suggestion) => suggestion.matchedTerms.length > 0);
  }
}

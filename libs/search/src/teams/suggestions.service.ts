import { Injectable } from '@nestjs/common';
import type { MultiSearchParams } from 'meilisearch';
import { achievementTitles, type DemandDocument, type TeamDocument } from '../index/documents';
import { SearchIndexes } from '../index/index-names';
import { type DocumentKind, DocumentRepository } from '../indexer/document.repository';
import { searchError } from '../search.errors';
import { FilterBuilder } from '../search/filter-builder';
import type { DemandSuggestionView, SuggestionView } from '../search/search.dto';
import { openFilter } from '../search/search.service';

const LIMIT = 10;
/** Hits read per term: enough for a term that half the catalogue holds to still rank by the others. */
const PER_TERM = 60;
/** Below this ranking score a phrase matched on too few of its words (measured: 0.5–0.7 rank best). */
const PHRASE_THRESHOLD = 0.5;

/**
 * How much a shared term says about fit. A profile keyword or a need's keyword is the most
 * deliberate statement; research fields are broader; a whole title (an achievement's, a need's)
 * matches on its most telling words only.
 */
const WEIGHTS = { keyword: 3, field: 2, title: 2, achievement: 1 } as const;

interface Term {
  text: string;
  source: keyof typeof WEIGHTS;
}

interface Scored<T> {
  hit: T;
  score: number;
  terms: Term[];
}

/** Each text once, its first (strongest) source kept. */
function unique(terms: Term[]): Term[] {
  const byText = new Map<string, Term>();
  for (const term of terms) if (term.text.trim() && !byText.has(term.text)) byText.set(term.text, term);
  return [...byText.values()];
}

/**
 * Two-way suggestions: teams whose expertise fits a need, and open needs that fit a team. Each
 * term of one side is a query of its own on the other side (OR semantics: one shared term is
 * enough to be a candidate), and a candidate's score adds, per term it matched, the term's weight
 * × its rarity among the candidates (a term half of them hold says little) × Meilisearch's ranking
 * score (title over summary, whole word over pieces).
 */
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
    const terms = unique([
      ...demand.keywords.map((text): Term => ({ text, source: 'keyword' })),
      { text: demand.title, source: 'title' },
    ]);
    const ranked = await this.rank<TeamDocument>('team', terms, new FilterBuilder().equals('visible', true));
    return ranked.map(({ hit, score, terms: matched }, index) => {
      const keywords = matched.filter((term) => term.source === 'keyword').map((term) => term.text);
      return {
        id: hit.id,
        name: hit.name,
        rank: index + 1,
        score: round(score),
        matchedTerms: keywords,
        matchedAchievements: achievementTitles(hit).filter((title) => keywords.some((word) => title.includes(word))),
      };
    });
  }

  /**
   * Open needs only: published and before their deadline as of `nowTs` (seconds), the rule of the
   * hall's "open" filter. The controller passes the present; a test may pass the programme's past.
   */
  async demandsForTeam(teamId: string, nowTs = Math.floor(Date.now() / 1000)): Promise<DemandSuggestionView[]> {
    const stored = await this.documents.find('team', teamId);
    if (!stored?.body || stored.deleted)
      throw searchError('SEARCH_TEAM_NOT_FOUND', 'No visible team profile with this id.');
    const team = stored.body as unknown as TeamDocument;
    const terms = unique([
      ...team.keywords.map((text): Term => ({ text, source: 'keyword' })),
      ...team.researchFields.map((text): Term => ({ text, source: 'field' })),
      ...achievementTitles(team).map((text): Term => ({ text, source: 'achievement' })),
    ]);
    // Published by then too: a no-op for the present, it makes a past clock see that day's needs.
    const open = openFilter(nowTs).atMost('publishedAtTs', nowTs);
    const ranked = await this.rank<DemandDocument>('demand', terms, open);
    return ranked.map(({ hit, score, terms: matched }, index) => ({
      id: hit.id,
      name: hit.title,
      rank: index + 1,
      score: round(score),
      matchedTerms: matched.filter((term) => term.source !== 'achievement').map((term) => term.text),
      matchedAchievements: matched.filter((term) => term.source === 'achievement').map((term) => term.text),
      industry: hit.industry,
      bountyMin: hit.bountyMin,
      bountyMax: hit.bountyMax,
      bidDeadline: hit.bidDeadline,
    }));
  }

  /** One query per term in a single multi-search, merged into a weighted score per hit. */
  private async rank<T extends { id: string }>(
    kind: DocumentKind,
    terms: Term[],
    filter: FilterBuilder,
  ): Promise<Array<Scored<T>>> {
    if (terms.length === 0) return [];
    const indexUid = this.indexes.name(kind);
    const { results } = await this.indexes.query(() =>
      this.indexes.client.multiSearch<MultiSearchParams, T>({
        queries: [
          // First, how many candidates there are: the base of every term's rarity.
          { indexUid, q: '', filter: filter.build(), limit: 0 },
          ...terms.map((term) => ({
            indexUid,
            q: term.text,
            filter: filter.build(),
            limit: PER_TERM,
            showRankingScore: true,
            // A keyword must match whole (or a synonym); a phrase (field, title) on its rarest
            // words, and only well enough to count.
            ...(term.source === 'keyword'
              ? { matchingStrategy: 'all' as const }
              : { matchingStrategy: 'frequency' as const, rankingScoreThreshold: PHRASE_THRESHOLD }),
          })),
        ],
      }),
    );
    const [candidates, ...perTerm] = results;
    const size = Math.max(candidates.estimatedTotalHits ?? 0, 1);
    const scored = new Map<string, Scored<T>>();
    perTerm.forEach((result, index) => {
      const term = terms[index];
      const holders = result.estimatedTotalHits ?? result.hits.length;
      if (holders === 0) return;
      const rarity = Math.log(1 + size / holders);
      for (const hit of result.hits) {
        const entry = scored.get(hit.id) ?? { hit, score: 0, terms: [] };
        entry.score += WEIGHTS[term.source] * rarity * (hit._rankingScore ?? 0);
        entry.terms.push(term);
        scored.set(hit.id, entry);
      }
    });
    return [...scored.values()].sort((a, b) => b.score - a.score).slice(0, LIMIT);
  }
}

const round = (score: number) => Math.round(score * 100) / 100;

import type { CooperationMode, DemandPublicSnapshot, District, Industry } from '@jiebang/contracts';

/** A saved search: words that must all occur, and facets of which one value must hold (none: any). */
export interface SearchCriteria {
  query: string;
  industries: Industry[];
  districts: District[];
  cooperationModes: CooperationMode[];
}

/** The words of a query: split on spaces and Chinese or Latin punctuation, lower-cased, once each. */
export function searchTerms(query: string): string[] {
  const terms = query
    .toLowerCase()
    .split(/[\s,，、;；/|]+/u)
    .filter((term) => term.length > 0);
  return [...new Set(terms)];
}

/** Everything a published need says about itself that a word may be found in. */
function textOf(need: DemandPublicSnapshot): string {
  return [
    need.title,
    need.summary,
    need.background,
    need.code ?? '',
    ...need.keywords,
    ...need.indicators.map((indicator) => indicator.name),
  ]
    .join('\n')
    .toLowerCase();
}

/** Whether a published need answers a saved search: every word in its text, every facet given held. */
export function matchesSearch(criteria: SearchCriteria, need: DemandPublicSnapshot): boolean {
  const facet = <T>(values: readonly T[], value: T) => values.length === 0 || values.includes(value);
  if (!facet(criteria.industries, need.industry)) return false;
  if (!facet(criteria.districts, need.district)) return false;
  if (!facet(criteria.cooperationModes, need.cooperationMode)) return false;
  const text = textOf(need);
  return searchTerms(criteria.query).every((term) => text.includes(term));
}

/**
 * The terms of a team's profile (keywords and research fields) that a need's text contains: a
 * profile acts as a search with any of its terms, so a need that names one is worth a look.
 */
export function profileTermsIn(profileTerms: readonly string[], need: DemandPublicSnapshot): string[] {
  const text = textOf(need);
  return [...new Set(profileTerms.map((term) => term.trim()).filter((term) => term.length > 0))].filter((term) =>
    text.includes(term.toLowerCase()),
  );
}

import type { Settings } from 'meilisearch';
import type { SearchData } from './search-data';

/**
 * The demand index as code: searchable attributes in priority order, what can be filtered and
 * sorted, Chinese segmentation with the domain dictionary and synonyms. Applied before documents
 * at every start; Meilisearch reindexes only when a setting changed.
 */
export function demandIndexSettings(data: SearchData): Settings {
  return {
    searchableAttributes: [
      'title',
      'keywords',
      'summary',
      'indicatorText',
      'ownerName',
      'code',
      'background',
      'industryLabel',
      'districtLabel',
    ],
    displayedAttributes: ['*'],
    filterableAttributes: [
      'industry',
      'district',
      'cooperationMode',
      'status',
      'bountyMin',
      'bountyMax',
      'bidDeadlineTs',
      'publishedAtTs',
      'batchId',
      'awardMode',
      'id',
    ],
    sortableAttributes: ['bountyMax', 'bountyMin', 'bidDeadlineTs', 'publishedAtTs'],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    localizedAttributes: [
      {
        attributePatterns: [
          'title',
          'keywords',
          'summary',
          'indicatorText',
          'ownerName',
          'background',
          'industryLabel',
          'districtLabel',
        ],
        locales: ['cmn'],
      },
    ],
    dictionary: data.dictionary,
    synonyms: data.synonyms,
    // Codes, numbers and short Chinese words must match as typed.
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnAttributes: ['code'],
      disableOnNumbers: true,
    },
    faceting: { maxValuesPerFacet: 50 },
    pagination: { maxTotalHits: 100_000 },
  };
}

export function teamIndexSettings(data: SearchData): Settings {
  return {
    searchableAttributes: ['keywords', 'researchFields', 'achievementText', 'name', 'summary'],
    filterableAttributes: ['id', 'visible'],
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['cmn'] }],
    dictionary: data.dictionary,
    synonyms: data.synonyms,
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnNumbers: true },
  };
}

import { describe, expect, it } from '@jest/globals';
import type { DemandPublicSnapshot } from '@jiebang/contracts';
import { matchesSearch, profileTermsIn, type SearchCriteria, searchTerms } from './need-matching';

const need: DemandPublicSnapshot = {
  id: 'need',
  code: 'MY-2026-001',
  title: '高温钐钴永磁体制备技术',
  summary: '面向航空发动机传感器，开发 550℃ 下稳定工作的 Sm2Co17 磁体。',
  background: '现有磁体高温退磁。',
  indicators: [{ name: '最高工作温度', target: '≥550', unit: '℃' }],
  outcomeForm: 'process',
  industry: 'advanced_materials',
  keywords: ['钐钴', '稀土永磁'],
  district: 'high_tech_zone',
  bountyMin: 100,
  bountyMax: 200,
  cooperationMode: 'joint_rd',
  awardMode: 'single',
  awardLeads: 1,
  bidDeadline: '2026-12-31T15:59:59.000Z',
  status: 'published',
  ownerOrganisationId: 'owner',
  ownerName: '绵阳磁材',
  batchId: 'batch',
  publishedAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

const search = (overrides: Partial<SearchCriteria>): SearchCriteria => ({
  query: '',
  industries: [],
  districts: [],
  cooperationModes: [],
  ...overrides,
});

describe('matching a published need against saved searches', () => {
  it('splits a query on spaces and Chinese punctuation, once per word, case-insensitively', () => {
    expect(searchTerms(' 钐钴，稀土永磁、SmCo  smco ')).toEqual(['钐钴', '稀土永磁', 'smco']);
    expect(searchTerms('   ')).toEqual([]);
  });

  it('needs every word somewhere in the title, summary, background, keywords or indicators', () => {
    expect(matchesSearch(search({ query: '钐钴 永磁' }), need)).toBe(true);
    expect(matchesSearch(search({ query: 'sm2co17' }), need)).toBe(true);
    expect(matchesSearch(search({ query: '工作温度' }), need)).toBe(true);
    expect(matchesSearch(search({ query: '钐钴 钕铁硼' }), need)).toBe(false);
  });

  it('needs one of the chosen values of every facet given, and any value of a facet left empty', () => {
    expect(matchesSearch(search({ industries: ['advanced_materials', 'drones'] }), need)).toBe(true);
    expect(matchesSearch(search({ industries: ['drones'] }), need)).toBe(false);
    expect(matchesSearch(search({ query: '钐钴', districts: ['fucheng'] }), need)).toBe(false);
    expect(matchesSearch(search({ cooperationModes: ['joint_rd'], districts: ['high_tech_zone'] }), need)).toBe(true);
    expect(matchesSearch(search({ cooperationModes: ['transfer'] }), need)).toBe(false);
  });

  it('lets a team profile match on any of its terms and names the ones found', () => {
    expect(profileTermsIn(['稀土永磁', '钙钛矿', ' 钐钴 ', '钐钴'], need)).toEqual(['稀土永磁', '钐钴']);
    expect(profileTermsIn(['钙钛矿', ''], need)).toEqual([]);
  });
});

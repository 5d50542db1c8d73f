import { describe, expect, it } from '@jest/globals';
import { COOPERATION_MODES, DISTRICTS, INDUSTRIES } from '@jiebang/contracts';
import { BATCHES, buildNeeds, ENTERPRISES } from './index';

/** Real companies and institutions of the source article (and a few famous brands) that must not appear. */
const FORBIDDEN_NAMES = [
  '京东方',
  '长虹',
  '九洲',
  '惠科',
  '巨星',
  '埃克森',
  '创明',
  '炬皓',
  '富临',
  '中南高科',
  '维泽',
  '锐坤',
  '宜乐',
  '商飞',
  '中物院',
  '攀钢',
  '东方电气',
  '华为',
  '比亚迪',
  '宁德',
];

/** Terms of the source article that the search relevance suite queries. */
const FLAGSHIP_TERMS = [
  '钕铁硼',
  '回旋加速器',
  '薄膜晶体管',
  '北斗三号',
  '扁钢',
  '钨-177',
  '锂离子电池',
  '单晶',
  '连接器',
  '特种冶金',
];

/** Both spellings of each pair occur, so synonym expansion can be tested either way. */
const SYNONYM_PAIRS = [
  ['TFT', '薄膜晶体管'],
  ['北斗', '卫星导航'],
  ['锂电', '锂离子电池'],
  ['无人机', 'UAV'],
];

const needs = buildNeeds();
const enterprisesByKey = new Map(ENTERPRISES.map((enterprise) => [enterprise.key, enterprise]));
const searchable = needs.map((need) => `${need.title} ${need.keywords.join(' ')}`);

describe('demo enterprises', () => {
  it('has 150 enterprises with sequential keys and distinct names', () => {
    expect(ENTERPRISES).toHaveLength(150);
    expect(ENTERPRISES.map((enterprise) => enterprise.key)).toEqual(
      Array.from({ length: 150 }, (_, i) => `ent-${String(i + 1).padStart(3, '0')}`),
    );
    expect(new Set(ENTERPRISES.map((enterprise) => enterprise.name)).size).toBe(150);
  });

  it('uses no real company name', () => {
    const offending = ENTERPRISES.filter((enterprise) =>
      FORBIDDEN_NAMES.some((name) => enterprise.name.includes(name)),
    );
    expect(offending).toEqual([]);
    for (const enterprise of ENTERPRISES) expect(enterprise.name).toMatch(/(股份)?有限公司$/);
  });

  it('spreads over all districts and industries, 1–2 industries each', () => {
    expect(new Set(ENTERPRISES.map((enterprise) => enterprise.district))).toEqual(new Set(DISTRICTS));
    expect(new Set(ENTERPRISES.flatMap((enterprise) => enterprise.industries))).toEqual(new Set(INDUSTRIES));
    for (const enterprise of ENTERPRISES) {
      expect(enterprise.industries.length).toBeGreaterThanOrEqual(1);
      expect(enterprise.industries.length).toBeLessThanOrEqual(2);
    }
  });
});

describe('demo batches', () => {
  it('has three 2023 batches whose sizes add up to 446', () => {
    expect(BATCHES).toHaveLength(3);
    expect(BATCHES.reduce((sum, batch) => sum + batch.size, 0)).toBe(446);
    for (const batch of BATCHES) {
      expect(batch.releaseDate.startsWith('2023-')).toBe(true);
      expect(batch.defaultBidDeadline > batch.releaseDate).toBe(true);
    }
  });
});

describe('demo needs', () => {
  it('builds 446 needs with distinct titles and summaries', () => {
    expect(needs).toHaveLength(446);
    expect(new Set(needs.map((need) => need.title)).size).toBe(446);
    expect(new Set(needs.map((need) => need.summary)).size).toBe(446);
  });

  it('is deterministic', () => {
    expect(buildNeeds()).toEqual(needs);
  });

  it('fills each batch to its size with a mix of industries', () => {
    BATCHES.forEach((batch, index) => {
      const inBatch = needs.filter((need) => need.batch === index);
      expect(inBatch).toHaveLength(batch.size);
      expect(new Set(inBatch.map((need) => need.industry)).size).toBe(INDUSTRIES.length);
    });
  });

  it('covers all industries and districts, with enough food and beverage needs', () => {
    expect(new Set(needs.map((need) => need.industry))).toEqual(new Set(INDUSTRIES));
    expect(new Set(needs.map((need) => need.district))).toEqual(new Set(DISTRICTS));
    expect(needs.filter((need) => need.industry === 'food_beverage').length).toBeGreaterThanOrEqual(15);
  });

  it('belongs to existing enterprises, in their industries and districts', () => {
    for (const need of needs) {
      const enterprise = enterprisesByKey.get(need.enterpriseKey);
      expect(enterprise).toBeDefined();
      expect(enterprise?.industries).toContain(need.industry);
      expect(need.district).toBe(enterprise?.district);
    }
    expect(new Set(needs.map((need) => need.enterpriseKey)).size).toBe(ENTERPRISES.length);
  });

  it('has plausible bounties', () => {
    for (const need of needs) {
      expect(need.bountyMin).toBeLessThan(need.bountyMax);
      expect(need.bountyMin).toBeGreaterThanOrEqual(10);
      expect(need.bountyMax).toBeLessThanOrEqual(5000);
    }
    expect(needs.some((need) => need.bountyMax >= 1000)).toBe(true);
    expect(needs.some((need) => need.bountyMin < 100)).toBe(true);
  });

  it('has 2–5 indicators and 3–6 keywords', () => {
    for (const need of needs) {
      expect(need.indicators.length).toBeGreaterThanOrEqual(2);
      expect(need.indicators.length).toBeLessThanOrEqual(5);
      for (const indicator of need.indicators) {
        expect(indicator.name).not.toBe('');
        expect(indicator.target).not.toBe('');
      }
      expect(need.keywords.length).toBeGreaterThanOrEqual(3);
      expect(need.keywords.length).toBeLessThanOrEqual(6);
      expect(new Set(need.keywords).size).toBe(need.keywords.length);
    }
  });

  it('has the private and contact fields filled in', () => {
    for (const need of needs) {
      expect(need.background.length).toBeGreaterThan(need.summary.length / 2);
      expect(need.confidentialDetails).not.toBe('');
      expect(need.contactName).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(need.contactPhone).toMatch(/^(0816-555\d{4}|1\d\d-0000-\d{4})$/);
    }
  });

  it('uses every cooperation mode and both award modes consistently', () => {
    expect(new Set(needs.map((need) => need.cooperationMode))).toEqual(new Set(COOPERATION_MODES));
    for (const need of needs) {
      if (need.awardMode === 'single') expect(need.awardLeads).toBe(1);
      else expect([2, 3]).toContain(need.awardLeads);
    }
    const parallel = needs.filter((need) => need.awardMode === 'parallel').length;
    expect(parallel).toBeGreaterThan(20);
    expect(parallel).toBeLessThan(120);
  });

  it('mentions the flagship terms of the source article', () => {
    const missing = FLAGSHIP_TERMS.filter((term) => !searchable.some((text) => text.includes(term)));
    expect(missing).toEqual([]);
  });

  it('contains both sides of common synonym pairs', () => {
    const missing = SYNONYM_PAIRS.flat().filter((term) => !searchable.some((text) => text.includes(term)));
    expect(missing).toEqual([]);
  });
});

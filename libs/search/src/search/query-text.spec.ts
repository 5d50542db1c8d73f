import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { loadSearchData } from '../index/search-data';
import { QueryText } from './query-text';

// Jest runs from the repository root.
const data = loadSearchData(path.resolve('libs/search/data'));
const text = new QueryText(data.variants);

describe('QueryText', () => {
  it('glues a Chinese word typed apart, and keeps separate words separate', () => {
    expect(text.normalise(' 芯 片 ')).toBe('芯片');
    expect(text.normalise('锂 电池')).toBe('锂电池');
    expect(text.normalise('风电 轴承')).toBe('风电 轴承');
    expect(text.normalise('SiC MOSFET')).toBe('SiC MOSFET');
  });

  it("converts traditional queries with Taiwan's phrases", () => {
    expect(text.normalise('感測器')).toBe('传感器');
    expect(text.normalise('電源管理晶片')).toBe('电源管理芯片');
    expect(text.normalise('雷射雷達')).toBe('激光雷达');
    expect(text.normalise('無人機集群')).toBe('无人机集群');
  });

  it('leaves simplified phrases alone and rewrites the variants of the data', () => {
    expect(text.normalise('医学影像')).toBe('医学影像');
    expect(text.normalise('晶片')).toBe('芯片');
    expect(text.normalise('雷射焊接')).toBe('激光焊接');
    expect(text.normalise('鐳射清洗')).toBe('激光清洗');
  });
});

describe('loadSearchData', () => {
  it('lets an English word find its Chinese terms and the dictionary compounds holding them, one way', () => {
    expect(data.synonyms.battery).toEqual(expect.arrayContaining(['电池', '锂离子电池', '钠离子电池', 'batteries']));
    expect(data.synonyms['fuel cell']).toEqual(expect.arrayContaining(['燃料电池']));
    expect(data.synonyms['电池'] ?? []).not.toContain('battery');
  });

  it('keeps two-way groups and near-synonyms', () => {
    expect(data.synonyms['氢能']).toEqual(expect.arrayContaining(['燃料电池', '氢燃料']));
    expect(data.synonyms['燃料电池']).toEqual(expect.arrayContaining(['氢能']));
    expect(data.synonyms.PCB).toEqual(expect.arrayContaining(['印制电路板']));
  });
});

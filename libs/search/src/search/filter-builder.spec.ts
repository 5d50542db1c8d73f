import { describe, expect, it } from '@jest/globals';
import { FilterBuilder, quote } from './filter-builder';

describe('FilterBuilder', () => {
  it('joins typed clauses with AND', () => {
    const filter = new FilterBuilder()
      .oneOf('industry', ['advanced_materials', 'drones'])
      .equals('batchId', '0b7c3b2e-9d0f-4b5e-8a51-2f4a3c9e1d11')
      .atLeast('bountyMax', 100)
      .atMost('bountyMin', 500)
      .build();
    expect(filter).toBe(
      'industry IN ["advanced_materials", "drones"] AND batchId = "0b7c3b2e-9d0f-4b5e-8a51-2f4a3c9e1d11" AND bountyMax >= 100 AND bountyMin <= 500',
    );
  });

  it('builds nothing from nothing', () => {
    expect(
      new FilterBuilder().oneOf('industry', []).equals('status', undefined).atLeast('bountyMax', undefined).build(),
    ).toBeUndefined();
  });

  it('escapes quotes and backslashes so a value stays one string', () => {
    expect(quote('") OR (status = "draft')).toBe('"\\") OR (status = \\"draft"');
    expect(quote('a\\"b')).toBe('"a\\\\\\"b"');
    expect(new FilterBuilder().equals('district', 'x" OR id EXISTS OR "').build()).toBe(
      'district = "x\\" OR id EXISTS OR \\""',
    );
  });

  it('refuses attributes outside the allow-list and non-finite numbers', () => {
    expect(() => new FilterBuilder().equals('confidentialDetails' as never, 'x')).toThrow(/not filterable/);
    expect(() => new FilterBuilder().atLeast('bountyMax', Number.NaN)).toThrow(/finite/);
  });

  it('groups alternatives', () => {
    const open = new FilterBuilder().equals('status', 'published').atLeast('bidDeadlineTs', 1000);
    const closed = new FilterBuilder().equals('status', 'bidding_closed');
    expect(new FilterBuilder().anyOf([open, closed]).build()).toBe(
      '((status = "published" AND bidDeadlineTs >= 1000) OR (status = "bidding_closed"))',
    );
  });
});

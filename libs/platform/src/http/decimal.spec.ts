import { describe, expect, it } from '@jest/globals';
import { validateSync } from 'class-validator';
import { IsDecimal } from './decimal';

class Amount {
  @IsDecimal(2)
  value!: unknown;
}

const errorsFor = (value: unknown) => validateSync(Object.assign(new Amount(), { value }));

describe('IsDecimal', () => {
  it('accepts finite numbers with at most the given decimals', () => {
    for (const value of [200, 0.01, 0.07, 99_999.99, -0, 1e21]) expect(errorsFor(value)).toEqual([]);
  });

  it('refuses more decimals, exponent-form fractions, non-finite numbers and strings, without throwing', () => {
    for (const value of [1.005, 5e-324, 1e-7, Infinity, NaN, '1', null]) {
      expect(errorsFor(value).map((error) => error.constraints)).toEqual([
        { isNumber: 'value must be a number with at most 2 decimal places' },
      ]);
    }
  });
});

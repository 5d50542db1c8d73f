import { ValidateBy } from 'class-validator';

/**
 * A finite number with at most `places` decimals. class-validator's `maxDecimalPlaces` reads the
 * decimals off `toString()` and throws on numbers printed in exponent form (5e-324, 1e-7), a 500.
 * The constraint keeps the name `isNumber` so clients see the same error code as before.
 */
export function IsDecimal(places = 2): PropertyDecorator {
  return ValidateBy({
    name: 'isNumber',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value,
      defaultMessage: (args) => `${args?.property ?? 'value'} must be a number with at most ${places} decimal places`,
    },
  });
}

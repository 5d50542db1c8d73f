import { applyDecorators } from '@nestjs/common';
import { IsDateString, Matches } from 'class-validator';

export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** A calendar day, yyyy-mm-dd, that exists. */
export function IsDay(): PropertyDecorator {
  return applyDecorators(
    IsDateString({ strict: true }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: ({ property }) => `${property} must be a date like 2027-03-31` }),
  );
}

/** Money in 万元 as PostgreSQL's numeric comes back (a string) made a number. */
export const numeric = {
  to: (value: number) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

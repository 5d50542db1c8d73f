import { applyDecorators } from '@nestjs/common';
import { IsDateString, Matches } from 'class-validator';

// ISO 8601 forms that `new Date()` also reads; week and ordinal dates (2023W01, 2023-001) are not.
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A calendar date or date-time that both the validator and JavaScript's Date understand. */
export function IsIsoDate(): PropertyDecorator {
  return applyDecorators(
    IsDateString({ strict: true }),
    Matches(CALENDAR_DATE, {
      message: ({ property }) => `${property} must be a date like 2026-11-28 or 2026-11-28T16:00:00Z`,
    }),
  );
}

/** A calendar day, yyyy-mm-dd, that exists. */
export function IsCalendarDay(): PropertyDecorator {
  return applyDecorators(
    IsDateString({ strict: true }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: ({ property }) => `${property} must be a date like 2027-03-31` }),
  );
}

/** A class-transformer step that trims strings and leaves everything else to validation. */
export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

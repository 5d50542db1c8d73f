import { ParseUUIDPipe } from '@nestjs/common';
import { platformError } from './domain-error';

/** Parses a UUID path parameter, answering a malformed one with a field-level 400. */
export function uuidParam(field = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      platformError('VALIDATION_FAILED', `${field} must be a UUID.`, {
        errors: [{ field, message: `${field} must be a UUID` }],
      }),
  });
}

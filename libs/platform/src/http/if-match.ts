import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { platformError } from './domain-error';

/** Reads the version a client last saw from `If-Match: "3"` (ETags are versions); required. */
export const IfMatchVersion = createParamDecorator((_data: unknown, context: ExecutionContext): number => {
  const header = context.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
  if (!header) {
    throw platformError(
      'PRECONDITION_REQUIRED',
      'Send If-Match with the version (ETag) you last read, so concurrent edits are not lost.',
    );
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) {
    throw platformError('VALIDATION_FAILED', 'If-Match must be the ETag of the need, e.g. "3".', {
      errors: [{ field: 'If-Match', message: 'must be a version such as "3"' }],
    });
  }
  return Number(match[1]);
});

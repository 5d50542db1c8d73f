import type { IncomingMessage } from 'node:http';
import type { FieldError } from './domain-error';

/** Deeper JSON than any of our DTOs needs (they nest three levels at most). */
export const MAX_JSON_DEPTH = 32;

/** A body-parser failure with a `type` the problem filter maps to a 400. */
export class JsonTooDeepError extends Error {
  readonly type = 'entity.too.deep';
  readonly status = 400;
  readonly expose = true;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * body-parser's `verify` hook: one pass over the raw bytes, before JSON.parse, refusing nesting
 * deeper than `maxDepth`. Validation and class-transformer recurse, so a deep body would
 * otherwise overflow the stack and hold the event loop for seconds.
 */
export function jsonDepthGuard(maxDepth = MAX_JSON_DEPTH) {
  return (_req: IncomingMessage, _res: unknown, body: Buffer): void => {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < body.length; i += 1) {
      const byte = body[i];
      if (inString) {
        if (byte === BACKSLASH) i += 1;
        else if (byte === QUOTE) inString = false;
      } else if (byte === QUOTE) inString = true;
      else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        depth += 1;
        if (depth > maxDepth) throw new JsonTooDeepError(`JSON nested deeper than ${maxDepth} levels`);
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth -= 1;
    }
  };
}

/**
 * Where a request value holds a NUL character, which PostgreSQL cannot store in text: the field
 * paths (`organisation.name`, `indicators[0].target`), keys included. The depth guard has already
 * bounded the recursion.
 */
export function nulByteFields(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [nulError(path)] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nulByteFields(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => {
      const field = path ? `${path}.${key}` : key;
      return key.includes('\u0000') ? [nulError(field)] : nulByteFields(item, field);
    });
  }
  return [];
}

function nulError(field: string): FieldError {
  return {
    field: field || 'body',
    code: 'noNulCharacters',
    message: `${field || 'body'} must not contain NUL characters`,
  };
}

import type { FieldError } from './domain-error';

/** Deeper JSON than any of our DTOs needs (they nest three levels at most). */
export const MAX_JSON_DEPTH = 32;

/** A refused JSON body, with the `type` the problem filter maps to a 400 or 415. */
export class JsonBodyError extends Error {
  constructor(
    readonly type: 'entity.too.deep' | 'entity.parse.failed' | 'charset.unsupported',
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * One pass over the raw bytes, before JSON.parse, refusing nesting deeper than `maxDepth`.
 * Validation and class-transformer recurse, so a deep body would otherwise overflow the stack and
 * hold the event loop for seconds.
 */
export function assertJsonDepth(body: Buffer, maxDepth = MAX_JSON_DEPTH): void {
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
      if (depth > maxDepth) throw new JsonBodyError('entity.too.deep', `JSON nested deeper than ${maxDepth} levels`);
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth -= 1;
  }
}

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;

/** A request body is an object or an array, as body-parser's strict mode held: never `null` or `"text"`. */
const OBJECT_OR_ARRAY = /^[\s\ufeff]*[{[]/;

/**
 * The JSON body parser: UTF-8 only (a leading byte-order mark dropped), an object or an array,
 * depth-guarded, an empty body read as `{}`. A `__proto__` key stays an ordinary field of the parse
 * (JSON.parse defines it), which Nest's validation pipe then strips before class-transformer.
 */
export function parseJsonBody(contentType: string, body: Buffer): unknown {
  const charset = CHARSET.exec(contentType)?.[1].toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    throw new JsonBodyError('charset.unsupported', `unsupported charset "${charset.toUpperCase()}"`, 415);
  }
  if (body.length === 0) return {};
  assertJsonDepth(body);
  const text = body.toString('utf8');
  if (!OBJECT_OR_ARRAY.test(text))
    throw new JsonBodyError('entity.parse.failed', 'The request body is not valid JSON.');
  try {
    return JSON.parse(text.replace(/^\ufeff/, '')) as unknown;
  } catch {
    throw new JsonBodyError('entity.parse.failed', 'The request body is not valid JSON.');
  }
}

// In a u-mode pattern a surrogate pair is one code point, so only lone halves match.
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Text PostgreSQL cannot store as sent: NUL characters, and lone surrogates (ill-formed UTF-16,
 * which the driver would silently turn into U+FFFD and on which validator.js's encodeURI throws).
 */
function textError(text: string, field: string): FieldError | null {
  const name = field || 'body';
  if (text.includes('\u0000'))
    return { field: name, code: 'noNulCharacters', message: `${name} must not contain NUL characters` };
  if (LONE_SURROGATE.test(text))
    return { field: name, code: 'wellFormedText', message: `${name} must not contain lone surrogates` };
  return null;
}

/**
 * Where a request value holds text PostgreSQL cannot store: the field paths (`organisation.name`,
 * `indicators[0].target`), keys included. The depth guard has already bounded the recursion.
 */
export function unstorableTextFields(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') return [textError(value, path)].filter((error) => error !== null);
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableTextFields(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => {
      const field = path ? `${path}.${key}` : key;
      const keyError = textError(key, field);
      return keyError ? [keyError] : unstorableTextFields(item, field);
    });
  }
  return [];
}

import { randomUUID } from 'node:crypto';

/** A seeded PRNG (mulberry32): the same seed replays the same requests. */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = this.int(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}

/** The part of OpenAPI 3 the fuzzer reads. */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export function resolveSchema(document: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) return resolveSchema(document, document.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length === 1) return resolveSchema(document, { ...schema.allOf[0], ...schema, allOf: undefined });
  return schema;
}

/** Fills a uuid-formatted field: a real id of an object its name points at, when there is one. */
export type IdSource = (field: string) => string;

/** A value the schema accepts: its example or enum when given, otherwise built from type, format and bounds. */
export function validValue(document: OpenApiDocument, raw: Schema, random: Random, ids: IdSource, field = ''): unknown {
  const schema = resolveSchema(document, raw);
  if (schema.enum) return random.pick(schema.enum);
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  switch (schema.format) {
    case 'uuid':
      return ids(field);
    case 'date':
      return '2027-03-31';
    case 'date-time':
      return new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
  }
  if (schema.type === 'object' || schema.properties) {
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([name, property]) => [
        name,
        validValue(document, property, random, ids, name),
      ]),
    );
  }
  if (schema.type === 'array') {
    const count = Math.max(schema.minItems ?? 1, 1);
    return Array.from({ length: count }, () => validValue(document, schema.items ?? {}, random, ids, field));
  }
  if (schema.type === 'boolean') return random.chance(0.5);
  if (schema.type === 'string') {
    const length = Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 24, 24));
    return '测试'.repeat(length).slice(0, length) || '测';
  }
  const low = schema.minimum ?? 1;
  return Math.min(schema.maximum ?? low + 10, low + random.int(10));
}

const RAW = '\u0001raw:';

/** A token spliced verbatim into the JSON text, for numbers JSON.stringify cannot write (1e400 parses as Infinity). */
export const rawJson = (token: string): string => `${RAW}${token}`;

/** JSON text of `value`, with `rawJson` tokens unquoted. */
export function toJson(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0001raw:([^"]*)"/g, '$1');
}

const DEEP = 10_000;

/** Values a field should refuse, each labelled for the report; written into JSON bodies. */
export const HOSTILE_VALUES: ReadonlyArray<readonly [string, unknown]> = [
  ['null', null],
  ['true', true],
  ['zero', 0],
  ['negative', -1],
  ['fraction', 1.5],
  ['huge', 1e308],
  ['-huge', -1e308],
  ['unsafe integer', rawJson('9007199254740993')],
  ['tiny', 5e-324],
  ['1e400 (Infinity)', rawJson('1e400')],
  ['-1e400 (-Infinity)', rawJson('-1e400')],
  ['empty string', ''],
  ['blank', '   '],
  ['NUL', 'a\u0000b'],
  ['lone surrogate', '\ud800'],
  ['lone low surrogate', 'x\udfffy'],
  ['10k chars', 'x'.repeat(10_000)],
  ['10k CJK', '榜'.repeat(10_000)],
  ['"NaN"', 'NaN'],
  ['"Infinity"', 'Infinity'],
  ['"1e309"', '1e309'],
  ['2023-02-30', '2023-02-30'],
  ['not-a-date', 'not-a-date'],
  ['+275760-09-13', '+275760-09-13'],
  ['275760-09-14T00:00:00Z', '275760-09-14T00:00:00Z'],
  ['0000-01-01', '0000-01-01'],
  ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ['not-a-uuid', 'not-a-uuid'],
  ['SQL', "' OR 1=1; --"],
  ['markup', '<script>alert(1)</script>'],
  ['RTL override', '\u202e\u0000'],
  ['empty array', []],
  ['array of null', [null]],
  ['array of strings', ['a', 'b']],
  ['empty object', {}],
  ['object', { a: 1 }],
  ['__proto__ object', JSON.parse('{"__proto__":{"polluted":true}}') as unknown],
  ['nested 64 deep', nested(64)],
];

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Whole bodies: wrong shapes, hostile JSON texts and encodings, valid or not. */
export function hostileBodies(valid: unknown): Array<{ label: string; body: string | Buffer; type: string }> {
  const json = 'application/json';
  const validText = toJson(valid);
  const splice = (prefix: string) =>
    validText.startsWith('{') && validText.length > 2 ? `{${prefix},${validText.slice(1)}` : `{${prefix}}`;
  const nullEverywhere =
    valid && typeof valid === 'object' && !Array.isArray(valid)
      ? Object.fromEntries(Object.keys(valid).map((key) => [key, null]))
      : null;
  return [
    { label: 'no body', body: '', type: json },
    { label: 'empty object', body: '{}', type: json },
    { label: 'null', body: 'null', type: json },
    { label: 'string', body: '"text"', type: json },
    { label: 'number', body: '42', type: json },
    { label: 'array for object', body: `[${validText}]`, type: json },
    { label: 'null for every field', body: toJson(nullEverywhere), type: json },
    { label: 'truncated JSON', body: validText.slice(0, Math.max(1, validText.length >> 1)), type: json },
    { label: 'NaN token', body: '{"a":NaN}', type: json },
    { label: '__proto__ key', body: splice('"__proto__":{"role":"admin","polluted":true}'), type: json },
    { label: 'constructor.prototype key', body: splice('"constructor":{"prototype":{"polluted":true}}'), type: json },
    { label: 'duplicate keys', body: splice('"a":1,"a":2'), type: json },
    { label: `objects ${DEEP} deep`, body: `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`, type: json },
    { label: `arrays ${DEEP} deep`, body: `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`, type: json },
    { label: `field with arrays ${DEEP} deep`, body: splice(`"x":${'['.repeat(DEEP)}${']'.repeat(DEEP)}`), type: json },
    { label: "'['*400000+']'*400000", body: `${'['.repeat(400_000)}${']'.repeat(400_000)}`, type: json },
    {
      label: 'invalid UTF-8',
      body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
      type: json,
    },
    { label: 'BOM', body: `\ufeff${validText}`, type: json },
    { label: 'valid JSON as text/plain', body: validText, type: 'text/plain' },
    { label: 'form-encoded', body: 'a[b]=1&__proto__[x]=1', type: 'application/x-www-form-urlencoded' },
    { label: 'unknown charset', body: validText, type: 'application/json; charset=klingon' },
    { label: 'UTF-16 charset', body: validText, type: 'application/json; charset=utf-16' },
    { label: 'problem+json type', body: validText, type: 'application/problem+json' },
  ];
}

/** Every dotted path to a field of `value` (array elements by index), outermost first. */
export function fieldPaths(
  value: unknown,
  prefix: Array<string | number> = [],
  depth = 3,
): Array<Array<string | number>> {
  if (depth === 0 || value === null || typeof value !== 'object') return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.slice(0, 1).map((item, index) => [index, item])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...fieldPaths(child, [...prefix, key], depth - 1)]);
}

/** A copy of `value` with the field at `path` replaced, or removed when `replacement` is undefined. */
export function withField(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (replacement === undefined) delete parent[last];
  else
    Object.defineProperty(parent, last, { value: replacement, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Query values, already percent-encoded as they go on the wire. */
export const HOSTILE_QUERY_VALUES: readonly string[] = [
  '',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1',
  '0',
  '1.5',
  '99999999999999999999999',
  '0x10',
  'true',
  'null',
  'a%00b',
  '%00',
  '%ED%A0%80',
  '%F0%9F',
  '%',
  '%zz',
  'x'.repeat(10_000),
  '2023-02-30',
  'not-a-date',
  '%2B275760-09-13',
  '275760-09-14',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '%27%20OR%201%3D1--',
  '%5B%5D',
];

/** Query strings whose shape is hostile: repeated, bracketed and prototype keys. */
export function hostileQueryShapes(name: string): string[] {
  return [
    `${name}=a&${name}=b`,
    `${name}[]=a`,
    `${name}[x]=y`,
    `${name}[__proto__][x]=1`,
    `__proto__[x]=1&${name}=1`,
    `constructor[prototype][x]=1`,
    `${name}`,
    `${name}=${'%5B'.repeat(2000)}`,
  ];
}

/** Path segments in place of an id, percent-encoded. */
export const HOSTILE_IDS: readonly string[] = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '1',
  '-1',
  'NaN',
  'a%00b',
  '%00',
  '%ED%A0%80',
  '%',
  '%zz',
  'x'.repeat(10_000),
  '..%2F..%2Fetc%2Fpasswd',
  '__proto__',
  'constructor',
  '%27%20OR%201%3D1--',
  '%20',
];

/** A random UUID nobody has: found nowhere, a clean 404. */
export const unknownId = (): string => randomUUID();

/** A multipart body with one part, hand-written so the fuzz controls every byte. */
export function multipart(field: string, filename: string, content: Buffer | string): { body: Buffer; type: string } {
  const boundary = 'fuzzboundary7MA4YWxkTrZu0gW';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

import { describe, expect, it } from '@jest/globals';
import { MAX_JSON_DEPTH, parseJsonBody } from './hostile-input';

const json = 'application/json';
const parse = (text: string, type = json) => parseJsonBody(type, Buffer.from(text));
const refusal = (text: string, type = json) => {
  try {
    parse(text, type);
  } catch (error) {
    return { type: (error as { type: string }).type, statusCode: (error as { statusCode: number }).statusCode };
  }
  return 'parsed';
};

describe('parseJsonBody', () => {
  it('reads objects and arrays, an empty body as {}, and drops a byte-order mark', () => {
    expect(parse('{"a":[1,{"b":null}]}')).toEqual({ a: [1, { b: null }] });
    expect(parse(' [1]', 'application/json; charset=UTF-8')).toEqual([1]);
    expect(parse('')).toEqual({});
    expect(parse('\ufeff{"a":1}')).toEqual({ a: 1 });
  });

  it('refuses what is not an object or an array, and text that is not JSON, as 400', () => {
    for (const text of ['null', '"text"', '42', 'true', '{"a":', '{"a":NaN}'])
      expect([text, refusal(text)]).toEqual([text, { type: 'entity.parse.failed', statusCode: 400 }]);
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} before parsing, brackets inside strings aside`, () => {
    expect(refusal(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`)).toEqual({
      type: 'entity.too.deep',
      statusCode: 400,
    });
    expect(parse(`{"a":"${'['.repeat(100)}\\""}`)).toEqual({ a: `${'['.repeat(100)}"` });
  });

  it('refuses a charset other than UTF-8 with 415', () => {
    expect(refusal('{}', 'application/json; charset=utf-16')).toEqual({ type: 'charset.unsupported', statusCode: 415 });
    expect(refusal('{}', 'application/json; charset="latin1"')).toEqual({
      type: 'charset.unsupported',
      statusCode: 415,
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DuplicateMemberError, parseStrictJson } from '../../common/strict-json';

describe('parseStrictJson', () => {
  it('reads what JSON.parse reads, whenever no object names a member twice', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(parseStrictJson(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a member named twice, at any depth, however the name is written', () => {
    for (const text of [
      '{"a":1,"a":2}',
      '{"a":1,"b":{"c":true,"c":false}}',
      '[{"x":[]},{"y":1,"z":{},"y":2}]',
      '{"sender":{"name":"A"},"sender":{"name":"B"}}',
      '{"a":1,"\\u0061":2}',
      '{ "é" : 1 , "e\\u0301" : 2 , "\\u00e9" : 3 }',
    ]) {
      expect(() => parseStrictJson(text), text).toThrow(DuplicateMemberError);
    }
  });

  it('takes the same name in different objects, and strings that merely look like members', () => {
    expect(parseStrictJson('[{"a":1},{"a":2},{"b":{"a":3}}]')).toEqual([{ a: 1 }, { a: 2 }, { b: { a: 3 } }]);
    expect(parseStrictJson('{"a":"a","b":["a","a"],"c":"\\"a\\":1,"}')).toEqual({
      a: 'a',
      b: ['a', 'a'],
      c: '"a":1,',
    });
    expect(parseStrictJson('{"__proto__":1}')).toEqual(JSON.parse('{"__proto__":1}'));
  });

  it('refuses a repeated member added anywhere in any object (property)', () => {
    const object = fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 });
    fc.assert(
      fc.property(object, fc.nat(), fc.jsonValue(), (value, pick, extra) => {
        const names = Object.keys(value);
        const name = names[pick % names.length]!;
        const text = `${JSON.stringify(value).slice(0, -1)},${JSON.stringify(name)}:${JSON.stringify(extra)}}`;
        expect(() => parseStrictJson(text)).toThrow(DuplicateMemberError);
      }),
      { numRuns: 300 },
    );
  });

  it('lets JSON.parse refuse what is not JSON at all', () => {
    expect(() => parseStrictJson('{"a":1,}')).toThrow(SyntaxError);
    expect(() => parseStrictJson('')).toThrow(SyntaxError);
  });
});

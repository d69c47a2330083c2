import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnstorableText, idSchema, isStorableText, MAX_ID } from './validation.js';

describe('isStorableText', () => {
  it.each([
    ['Quảng Thủy', true],
    ['Quảng Thủy'.normalize('NFD'), true],
    ['👨‍👩‍👧‍👦 \u202Eđảo\u202C \u200B', true],
    ['', true],
    ['a\u0000b', false],
    ['\u0000', false],
    ['\uD800', false],
    ['a\uDFFFb', false],
    ['\uD83D', false],
    ['\uDE00\uD83D', false],
  ])('%j → %s', (text, storable) => {
    expect(isStorableText(text)).toBe(storable);
  });
});

describe('findUnstorableText', () => {
  it('gives the path of the first bad text, in values and in keys, at any depth', () => {
    expect(findUnstorableText({ name: 'Thôn 1', tags: ['a', 'b'] })).toBeUndefined();
    expect(findUnstorableText({ answers: { 'KDC-1': { note: 'x\u0000' } } })).toEqual(['answers', 'KDC-1', 'note']);
    expect(findUnstorableText({ links: ['ok', '\uD800'] })).toEqual(['links', 1]);
    expect(findUnstorableText({ 'bad\u0000key': 1 })).toEqual(['bad\u0000key']);
    expect(findUnstorableText('\u0000')).toEqual([]);
    // eslint-disable-next-line no-sparse-arrays
    expect(findUnstorableText([, 'a\u0000'])).toEqual([1]);
  });

  it('walks 100,000 levels of nesting without overflowing the stack', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { a: deep };
    expect(findUnstorableText(deep)).toHaveLength(100_000);
  });

  it('finds a reserved key ("__proto__", "constructor", "prototype") wherever it is', () => {
    expect(findUnstorableText({ a: [{ prototype: null }] })).toEqual(['a', 0, 'prototype']);
    expect(findUnstorableText(JSON.parse('{"__proto__": 1}'))).toEqual(['__proto__']);
  });

  it('finds a NUL put anywhere in a JSON value', () => {
    fc.assert(
      // keys such as "prototype" are refused for themselves (reserved): the values here have none
      fc.property(
        fc.jsonValue().filter((v) => !/"(__proto__|constructor|prototype)":/.test(JSON.stringify(v))),
        fc.nat(),
        (value, pick) => {
          const strings: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
          const walk = (v: unknown) => {
            if (typeof v !== 'object' || v === null) return;
            for (const [k, item] of Object.entries(v)) {
              if (typeof item === 'string')
                strings.push({ parent: v as Record<string, unknown>, key: Array.isArray(v) ? Number(k) : k });
              else walk(item);
            }
          };
          const clean = JSON.parse(JSON.stringify(value).replace(/\\u0000/g, '')) as unknown;
          expect(findUnstorableText(clean)).toBeUndefined();
          walk(clean);
          if (strings.length === 0) return;
          const { parent, key } = strings[pick % strings.length]!;
          (parent as Record<string | number, unknown>)[key] =
            `${String((parent as Record<string | number, unknown>)[key])}\u0000`;
          expect(findUnstorableText(clean)).toBeDefined();
        },
      ),
    );
  });
});

describe('idSchema', () => {
  it.each([
    [1, true],
    [MAX_ID, true],
    [MAX_ID + 1, false],
    [2 ** 53, false],
    [0, false],
    [-1, false],
    [1.5, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('%d → %s', (value, ok) => {
    expect(idSchema.safeParse(value).success).toBe(ok);
  });
});

/**
 * The key-by-key copies the filter steps make instead of spreads (filter-step/shared-shapes.ts) must be what
 * the spreads were: same keys, same order, same values.
 */
import { describe, expect, it } from '@jest/globals';
import type { Doc } from '@ntl/core';
import { copyWith, withUniformSegments } from '../src/filter-step/shared-shapes.js';

describe('copyWith', () => {
  it('adds a key last, as { ...source, key } does', () => {
    const source = { id: 'a', text: 't', meta: { x: 1 } };
    const copy = copyWith(source, 'drop', { filter: 'f', reason: 'r' });
    expect(copy).toEqual({ ...source, drop: { filter: 'f', reason: 'r' } });
    expect(Object.keys(copy)).toEqual(['id', 'text', 'meta', 'drop']);
    expect(copy.meta).toBe(source.meta);
    expect(source).toEqual({ id: 'a', text: 't', meta: { x: 1 } });
  });

  it('replaces a key where it stands, and copies from nothing', () => {
    const copy = copyWith({ a: 1, b: 2, c: 3 }, 'b', 20);
    expect(Object.entries(copy)).toEqual([
      ['a', 1],
      ['b', 20],
      ['c', 3],
    ]);
    expect(copyWith<Record<string, number>>(undefined, 'k', 1)).toEqual({ k: 1 });
  });

  it('copies an own "__proto__" key as a key (JSON.parse makes one), as a spread does', () => {
    const source = JSON.parse('{"__proto__": {"polluted": true}, "a": 2}') as Record<string, unknown>;
    const copy = copyWith(source, 'b', 3);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a', 'b']);
    expect(JSON.stringify(copy)).toBe('{"__proto__":{"polluted":true},"a":2,"b":3}');
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });
});

describe('withUniformSegments', () => {
  const doc: Doc = {
    id: 'd',
    text: 'One. Two.',
    source: { path: 'p' },
    meta: {},
    segments: [{ ...{ start: 0, end: 4 }, lang: 'eng_Latn', score: 0.9 }, { ...{ start: 5, end: 9 }, ...{ lang: 'eng_Latn', score: 0.8 } }],
  };

  it('copies the segments once, keys and values unchanged', () => {
    const copied = withUniformSegments(doc);
    expect(copied).not.toBe(doc);
    expect(copied.segments).not.toBe(doc.segments);
    expect(JSON.stringify(copied)).toBe(JSON.stringify(doc));
    expect(withUniformSegments(copied)).toBe(copied);
  });

  it('leaves a document without segments as it is', () => {
    const bare: Doc = { id: 'b', text: 'x', source: { path: 'p' }, meta: {} };
    expect(withUniformSegments(bare)).toBe(bare);
  });
});

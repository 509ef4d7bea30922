/**
 * Tokens found where they sit must be the tokens of the definition (wordTokens / tokenSpans of the text, or
 * of the span sliced out of it): the tokens of a span of a scanned document, the scan's hashes, the token ids
 * filter.repetition counts, and a wordlist looked up without building a string per token.
 */
import { describe, expect, it } from '@jest/globals';
import { tokenSpans, wordTokens, type TokenOptions } from '@ntl/filter';
import { tokenIds } from '../src/tokens/token-ids.js';
import { hashFolded } from '../src/tokens/token-hash.js';
import { LOWER_BY_STRING, LOWERING_BITS } from '../src/tokens/token-ranges.js';
import { countTokensIn, TokenSet } from '../src/tokens/token-set.js';
import { tokenRanges } from '../src/tokens/word-tokens.js';
import { variedTexts } from './varied-texts.js';
import { seededRandom } from '@ntl/langid';

const OPTIONS: readonly TokenOptions[] = [{}, { digits: true }, { spaceless: 'chars' }, { digits: true, spaceless: 'chars' }];

/** tokenRanges(text, options, from, to) as spans with their tokens. */
function rangesOf(text: string, options: TokenOptions, from: number, to: number): Array<{ token: string; start: number; end: number; spaceless: boolean }> {
  const ranges = tokenRanges(text, options, from, to);
  return Array.from({ length: ranges.count }, (_, i) => {
    const start = ranges.starts[i] as number;
    const end = ranges.ends[i] as number;
    return { token: text.slice(start, end).toLowerCase(), start, end, spaceless: ((ranges.flags[i] as number) & 4) !== 0 };
  });
}

/** Spans of `text`: the whole, and random ones that may cut tokens and surrogate pairs. */
function spansOf(text: string, next: () => number): Array<[number, number]> {
  const spans: Array<[number, number]> = [[0, text.length]];
  for (let k = 0; k < 4; k++) {
    const a = Math.floor(next() * (text.length + 1));
    const b = Math.floor(next() * (text.length + 1));
    spans.push([Math.min(a, b), Math.max(a, b)]);
  }
  return spans;
}

describe('tokens of a span of a scanned text', () => {
  it('are the tokens of the span sliced out, shifted, with every option', () => {
    const next = seededRandom(3);
    const texts = variedTexts(1500, 5);
    for (const text of texts) {
      for (const [from, to] of spansOf(text, next)) {
        for (const options of OPTIONS) {
          const expected = tokenSpans(text.slice(from, to), options).map((span) => ({ ...span, start: span.start + from, end: span.end + from }));
          expect([text, from, to, options, rangesOf(text, options, from, to)]).toEqual([text, from, to, options, expected]);
        }
      }
    }
  });

  it('do not depend on which text was scanned before (one with the same content, another, the same again)', () => {
    const [a = '', b = ''] = variedTexts(2, 9);
    const copy = [...a].join('');
    const first = rangesOf(a, {}, 0, a.length);
    expect(rangesOf(b, {}, 0, b.length)).toEqual(tokenSpans(b));
    expect(rangesOf(copy, {}, 0, copy.length)).toEqual(first);
    expect(rangesOf(a, {}, 0, a.length)).toEqual(first);
    expect(rangesOf('Watu 30 wote', { digits: true }, 5, 12)).toEqual([
      { token: '30', start: 5, end: 7, spaceless: false },
      { token: 'wote', start: 8, end: 12, spaceless: false },
    ]);
    // "ab12" is one token with digits; cutting at 3 leaves "2" for the span's first token.
    expect(rangesOf('ab12 cd', { digits: true }, 3, 7).map((span) => span.token)).toEqual(['2', 'cd']);
  });

  it('carry the hash of their units lower-cased one by one', () => {
    for (const text of variedTexts(500, 13)) {
      for (const options of OPTIONS) {
        const ranges = tokenRanges(text, options);
        for (let i = 0; i < ranges.count; i++) {
          if (((ranges.flags[i] as number) & LOWERING_BITS) === LOWER_BY_STRING) continue;
          expect(ranges.hashes[i]).toBe(hashFolded(text, ranges.starts[i] as number, ranges.ends[i] as number));
        }
      }
    }
  });
});

describe('tokenIds', () => {
  it('numbers the tokens with digits and single spaceless characters in order of first occurrence', () => {
    for (const text of variedTexts(800, 17)) {
      const expected = tokenSpans(text, { digits: true, spaceless: 'chars' });
      const first = new Map<string, number>();
      const ids = tokenIds(text);
      expect(ids.count).toBe(expected.length);
      expected.forEach((span, i) => {
        if (!first.has(span.token)) first.set(span.token, first.size);
        expect([text, i, ids.ids[i], ids.starts[i], ids.ends[i]]).toEqual([text, i, first.get(span.token), span.start, span.end]);
      });
      expect(ids.distinct).toBe(first.size);
    }
  });
});

describe('TokenSet and countTokensIn', () => {
  it('count what wordTokens and a Set of strings count, for a span or the whole text', () => {
    const next = seededRandom(21);
    const texts = variedTexts(1200, 19);
    // Tokens from the texts themselves (so that many are found), a few upper-cased ones, which no token equals.
    const words = [...new Set(texts.flatMap((text) => wordTokens(text)))].filter(() => next() < 0.5);
    const list = [...words, 'ALL', 'Human', 'ΣΑΣ'];
    const set = new TokenSet(list);
    const reference = new Set(list);
    for (const text of texts) {
      for (const [from, to] of spansOf(text, next)) {
        for (const options of [{}, { digits: true }]) {
          const tokens = wordTokens(text.slice(from, to), options);
          expect([text, from, to, countTokensIn(text, set, options, from, to)]).toEqual([text, from, to, { tokens: tokens.length, found: tokens.filter((token) => reference.has(token)).length }]);
        }
      }
    }
  });

  it('finds tokens that need toLowerCase and tokens in every script, and counts each distinct entry once', () => {
    const set = new TokenSet(['σας', 'i̇nsanlar', '𐐨', 'human', 'human', '人人', 'ka']);
    expect(set.size).toBe(6);
    // Tokens: σας, i̇nsanlar, 𐐨, human, 人人, 人生, ka (Kelvin sign + a), ka; all but 人生 are in the set.
    expect(countTokensIn('ΣΑΣ İNSANLAR 𐐀 Human 人人生 \u212Aa KA', set)).toEqual({ tokens: 8, found: 7 });
    expect(countTokensIn('', set)).toEqual({ tokens: 0, found: 0 });
    expect(countTokensIn('human', new TokenSet([]))).toEqual({ tokens: 1, found: 0 });
  });
});

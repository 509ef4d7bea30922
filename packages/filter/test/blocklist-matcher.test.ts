/**
 * The one-pass blocklist matcher must count exactly what the definition counts: the distinct lower-cased
 * strings that `text.toLowerCase()` includes.
 */
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_BLOCKLIST } from '@ntl/filter';
import { BlocklistMatcher } from '../src/blocklist/blocklist-matcher.js';
import { variedTexts } from './varied-texts.js';
import { seededRandom } from '@ntl/langid';

/** The definition filter.blocklist had before the matcher, kept here as the reference. */
function referenceHits(strings: readonly string[], text: string): number {
  const lower = text.toLowerCase();
  return [...new Set(strings.map((entry) => entry.toLowerCase()))].filter((needle) => lower.includes(needle)).length;
}

describe('BlocklistMatcher', () => {
  it('counts each distinct string once, case-insensitively', () => {
    const matcher = new BlocklistMatcher(DEFAULT_BLOCKLIST);
    expect(matcher.distinctHits('Click HERE to read our Privacy Policy. Click here again. Lorem Ipsum!')).toBe(3);
    expect(matcher.distinctHits('{{{ x }}} &NBSP; </P>')).toBe(4);
    expect(matcher.distinctHits('CafÃ© crÃ¨me â€™ â€œ')).toBe(4);
    expect(matcher.distinctHits('All human beings are born free.')).toBe(0);
    expect(matcher.distinctHits('')).toBe(0);
  });

  it('finds strings inside one another and overlapping ones', () => {
    const strings = ['ab', 'b', 'abc', 'bc', 'cab', 'aaa'];
    const matcher = new BlocklistMatcher(strings);
    expect(matcher.distinctHits('xabcx')).toBe(4);
    expect(matcher.distinctHits('CABC')).toBe(5);
    expect(matcher.distinctHits('aaaa')).toBe(1);
    expect(matcher.distinctHits('aab')).toBe(2);
  });

  it('lower-cases as toLowerCase does where that is not one unit for one (İ, final sigma, astral capitals)', () => {
    // 'İ'.toLowerCase() is 'i̇' (two units); 'ΣΑΣ'.toLowerCase() ends in final sigma; '𐐀' lower-cases to '𐐨'.
    const matcher = new BlocklistMatcher(['i\u0307', 'σας', 'ασ', '𐐨', 'ι']);
    expect(matcher.distinctHits('İ')).toBe(1);
    expect(matcher.distinctHits('ΣΑΣ')).toBe(1);
    expect(matcher.distinctHits('ΑΣΑ')).toBe(1);
    expect(matcher.distinctHits('x𐐀y')).toBe(1);
    expect(matcher.distinctHits('I')).toBe(0);
  });

  it('agrees with the definition on varied texts, for the default list and for lists in other scripts', () => {
    const lists = [
      DEFAULT_BLOCKLIST,
      ['人人', '自由', 'ΣΑΣ', 'σας', 'İnsan', 'insan', '𐐀', '𐐨', 'ka', 'K', 'straße', 'ss', '٣', '\ud800', 'ａｂ', 'the', 'he'],
    ];
    for (const strings of lists) {
      const matcher = new BlocklistMatcher(strings);
      for (const text of variedTexts(3000, 7)) expect([text, matcher.distinctHits(text)]).toEqual([text, referenceHits(strings, text)]);
    }
  });

  it('counts in a span of a text what it counts in the span sliced out, also where the span cuts a surrogate pair', () => {
    const next = seededRandom(5);
    const strings = [...DEFAULT_BLOCKLIST, '𐐨', '\ud800', '\udc00', 'σας'];
    const matcher = new BlocklistMatcher(strings);
    for (const text of [...variedTexts(1500, 8), 'a𐐀b\ud800', '𝐀𝐁c 𠀀𠀁']) {
      for (let k = 0; k < 4; k++) {
        const a = Math.floor(next() * (text.length + 1));
        const b = Math.floor(next() * (text.length + 1));
        const [from, to] = [Math.min(a, b), Math.max(a, b)];
        expect([text, from, to, matcher.distinctHits(text, from, to)]).toEqual([text, from, to, referenceHits(strings, text.slice(from, to))]);
      }
    }
    // '𐐀' is \ud801\udc00 and lower-cases to '𐐨' (\ud801\udc28): its low surrogate alone is a listed string.
    expect(matcher.distinctHits('x𐐀y', 1, 2)).toBe(0);
    expect(matcher.distinctHits('x𐐀y', 2, 3)).toBe(1);
    expect(matcher.distinctHits('x𐐀y', 1, 3)).toBe(1);
  });

  it('searches string by string when the list is too large for the table, with the same counts', () => {
    const next = seededRandom(11);
    const letters = 'abcdefghijklmnopqrstuvwxyzàéîõüßçñøåæœþðαβγδεζηθικλμνξοπρστυφχψωабвгдежзийклмнопрстуфхцчшщъыьэюя';
    const strings = Array.from({ length: 4000 }, () => Array.from({ length: 40 }, () => letters[Math.floor(next() * letters.length)]).join(''));
    const texts = [...variedTexts(200, 12), `xx${strings[5] as string}yy ${strings[7] as string}`];
    const matcher = new BlocklistMatcher(strings);
    for (const text of texts) expect(matcher.distinctHits(text)).toBe(referenceHits(strings, text));
    expect(matcher.distinctHits(texts[texts.length - 1] as string)).toBe(2);
  });
});

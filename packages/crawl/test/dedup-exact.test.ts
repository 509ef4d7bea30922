import { describe, expect, it } from '@jest/globals';
import { dedupKey, paragraphFingerprint } from '../src/dedup/dedup-key.js';
import { ExactDeduplicator } from '../src/dedup/exact-dedup.js';
import { Hash64Table } from '../src/dedup/hash64-table.js';

describe('dedupKey', () => {
  it('lower-cases, drops punctuation, symbols and diacritics, folds digit runs and whitespace (datatrove simplify_text)', () => {
    expect(dedupKey('  Article 12:   Privacy!  ')).toBe('article 0 privacy');
    expect(dedupKey('Café DÉJÀ-VU — 1,000,000 €')).toBe('cafe dejavu 0');
    expect(dedupKey('İstanbul ΟΔΟΣ Straße')).toBe('istanbul οδοσ straße');
    expect(dedupKey('οδός')).toBe(dedupKey('ΟΔΟΣ'));
    expect(dedupKey('"Ελλάδα", ١٢٣ ٤٥')).toBe('ελλαδα 0 0');
    // Hangul syllables stay whole; ZWJ/ZWNJ and soft hyphens are dropped; Devanagari anusvara (Mn) too.
    expect(dedupKey('한국어  텍스트')).toBe('한국어 텍스트');
    expect(dedupKey('می\u200Cخواهم co\u00ADoperate')).toBe('میخواهم cooperate');
    expect(dedupKey('हिंदी')).toBe('हिदी');
    expect(dedupKey('*** — !!!')).toBe('');
  });
});

describe('paragraphFingerprint', () => {
  it('is equal for paragraphs with the same key and differs otherwise', () => {
    const a = paragraphFingerprint('Everyone has the right to life, liberty and security of person.');
    expect(paragraphFingerprint('EVERYONE has the right to life liberty and security of person')).toEqual(a);
    expect(paragraphFingerprint('Everyone has the right to life, liberty and security of persons.')).not.toEqual(a);
    expect(paragraphFingerprint('Page 3 of 12')).toEqual(paragraphFingerprint('Page 4 of 15'));
    expect(paragraphFingerprint('— · —')).toBeNull();
  });

  it('gives distinct fingerprints to many distinct paragraphs', () => {
    const seen = new Set<string>();
    const letters = (n: number): string => n.toString(26).replace(/[0-9]/g, (d) => String.fromCharCode(113 + Number(d)));
    for (let i = 0; i < 20000; i++) {
      const fingerprint = paragraphFingerprint(`paragraph ${letters(i)}`)!;
      seen.add(`${fingerprint.hi}:${fingerprint.lo}`);
    }
    expect(seen.size).toBe(20000);
  });
});

describe('Hash64Table', () => {
  it('adds, finds and never overwrites, through several doublings', () => {
    const table = new Hash64Table({ values: true, initialCapacity: 16 });
    expect(table.add(0, 0, 7)).toBe(true);
    expect(table.add(0, 0, 8)).toBe(false);
    expect(table.get(0, 0)).toBe(7);
    for (let i = 1; i <= 5000; i++) expect(table.add(i * 2654435761, i, i)).toBe(true);
    expect(table.size).toBe(5001);
    for (let i = 1; i <= 5000; i++) expect(table.get(i * 2654435761, i)).toBe(i);
    expect(table.has(1, 2)).toBe(false);
    expect(table.get(1, 2)).toBe(-1);
    // Same low word, different high word: distinct keys.
    expect(table.add(-1, 1, 9)).toBe(true);
    expect(table.get(-1, 1)).toBe(9);
    // 5002 keys need 16384 slots (at most half full): 8 + 1 + 4 bytes each.
    expect(table.byteLength).toBe(16384 * 13);
  });

  it('stores keys only when values are not wanted', () => {
    const set = new Hash64Table({ values: false, initialCapacity: 16 });
    expect(set.add(5, 6)).toBe(true);
    expect(set.has(5, 6)).toBe(true);
    expect(set.get(5, 6)).toBe(0);
    expect(set.byteLength).toBe(16 * 9);
  });
});

describe('ExactDeduplicator', () => {
  it('reports the first document with the same paragraph keys', () => {
    const exact = new ExactDeduplicator();
    const first = ['Hello world.', 'Second paragraph.'];
    expect(exact.earlierDocument('a', exact.fingerprints(first))).toBeUndefined();
    expect(exact.earlierDocument('b', exact.fingerprints(['HELLO, world', 'second paragraph']))).toBe('a');
    expect(exact.earlierDocument('c', exact.fingerprints(['Second paragraph.', 'Hello world.']))).toBeUndefined();
    expect(exact.earlierDocument('d', exact.fingerprints(['Second paragraph.', 'Hello world.']))).toBe('c');
  });

  it('removes paragraphs seen before, in this document or an earlier one, and keeps key-less ones', () => {
    const exact = new ExactDeduplicator();
    const one = ['Menu', 'First story text.', '***', 'Menu', 'Share this'];
    expect(exact.removeSeenParagraphs(one, exact.fingerprints(one))).toEqual({ kept: ['Menu', 'First story text.', '***', 'Share this'], removed: 1 });
    const two = ['menu!', 'Second story text.', '***', 'Share this.'];
    expect(exact.removeSeenParagraphs(two, exact.fingerprints(two))).toEqual({ kept: ['Second story text.', '***'], removed: 2 });
    expect(exact.paragraphCount).toBe(4);
  });
});

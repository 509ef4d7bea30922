import { describe, expect, it } from '@jest/globals';
import { normalizeInPasses, normalizeText } from '../src/normalize/normalize-text.js';

const NO_CHANGES = { unicodeForm: false, lineSeparators: 0, controls: 0, byteOrderMarks: 0, trimmedEdges: 0, spaceRuns: 0, blankLines: 0 };

describe('normalizeText', () => {
  it('turns every line separator into \\n and counts them', () => {
    expect(normalizeText('a\r\nb\rc\u2028d\u2029e\u0085f\vg\fh')).toEqual({ text: 'a\nb\nc\nd\ne\nf\ng\nh', changes: { ...NO_CHANGES, lineSeparators: 7 } });
  });

  it('removes C0/C1 controls except tab and newline, and byte-order marks', () => {
    expect(normalizeText('\uFEFFa\u0000b\u0007c\u001bd\u007fe\u0090f\tg\u009f\uFEFF')).toEqual({
      text: 'abcdef\tg',
      changes: { ...NO_CHANGES, controls: 6, byteOrderMarks: 2 },
    });
  });

  it('composes to NFC by default and folds compatibility characters only with NFKC', () => {
    expect(normalizeText('cafe\u0301')).toEqual({ text: 'café', changes: { ...NO_CHANGES, unicodeForm: true } });
    expect(normalizeText('\uFB01ne \uFF21').text).toBe('\uFB01ne \uFF21');
    expect(normalizeText('\uFB01ne \uFF21', { form: 'NFKC' }).text).toBe('fine A');
    // The Greek question mark is canonically a semicolon: NFC already maps it.
    expect(normalizeText('Τι κάνεις\u037E').text).toBe('Τι κάνεις;');
  });

  it('keeps ZWJ and ZWNJ (Indic conjuncts, Persian half-spaces) and ZWSP', () => {
    for (const text of ['می\u200Cخواهم', 'क्\u200Dष', 'ශ්\u200Dරී', 'ภาษา\u200Bไทย']) {
      expect(normalizeText(text)).toEqual({ text, changes: NO_CHANGES });
    }
  });

  it('trims lines, collapses space runs and removes blank lines', () => {
    expect(normalizeText('  a  \n\t b \n\n\n c\u00a0 d\u3000\u3000e \n\n')).toEqual({
      text: 'a\nb\nc d e',
      changes: { ...NO_CHANGES, trimmedEdges: 6, spaceRuns: 2, blankLines: 4 },
    });
    // A single tab, no-break or ideographic space between words is left as written.
    expect(normalizeText('a\tb\u00a0c\u3000d').changes).toEqual(NO_CHANGES);
  });

  it('returns an empty text for whitespace and controls only', () => {
    expect(normalizeText(' \r\n\u0000\t\uFEFF\n').text).toBe('');
  });

  it('gives what the seven passes give, also where it skips them for text that needs none', () => {
    // Random texts over the characters every pass reacts to, each with its neighbours (edges, runs, pairs).
    const alphabet = ['a', 'é', 'e\u0301', 'ﬁ', '𞤀', ' ', '\t', '\u00a0', '\u3000', '\n', '\r', '\u2028', '\u0007', '\u0085', '\uFEFF', '\v'];
    let seed = 7;
    const random = (n: number): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n;
    let untouched = 0;
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + random(8) }, () => alphabet[random(i % 3 === 0 ? alphabet.length : 5)]).join('');
      for (const form of ['NFC', 'NFKC'] as const) {
        const expected = normalizeInPasses(text, { form });
        expect(normalizeText(text, { form })).toEqual(expected);
        if (expected.text === text) untouched++;
      }
    }
    expect(untouched).toBeGreaterThan(400); // the shortcut was taken often enough to be tested (487 with this seed)
  });
});

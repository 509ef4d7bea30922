/**
 * Lines and paragraphs found and compared where they sit (repetition/duplicate-spans.ts) must be those of
 * the string definitions filter.repetition had: `split('\n')` without blank lines, `split(/\n{2,}/u)`, and a set
 * of strings counting the repeats and their characters.
 */
import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '@ntl/langid';
import { duplicateSpans, nonBlankLines, paragraphs, Spans } from '../src/repetition/duplicate-spans.js';
import { referenceDuplicates } from './reference-measures.js';
import { variedTexts } from './varied-texts.js';

const sliced = (text: string, spans: Spans): string[] => Array.from({ length: spans.count }, (_, i) => text.slice(spans.starts[i], spans.ends[i]));

describe('duplicate lines and paragraphs', () => {
  it('counts repeats as a set of strings does', () => {
    const spans = new Spans();
    const text = 'a b\nc\na b\n\na b\n \nc\nab';
    nonBlankLines(text, 0, text.length, spans);
    expect(sliced(text, spans)).toEqual(['a b', 'c', 'a b', 'a b', 'c', 'ab']);
    expect(duplicateSpans(text, spans)).toEqual({ count: 3, chars: 7 });
    paragraphs(text, 0, text.length, spans);
    expect(sliced(text, spans)).toEqual(['a b\nc\na b', 'a b\n \nc\nab']);
    expect(duplicateSpans(text, spans)).toEqual({ count: 0, chars: 0 });
  });

  it('agrees with the string definitions on varied texts and spans of them', () => {
    const next = seededRandom(11);
    const spans = new Spans();
    // Repeated pieces and blank lines, so that lines and paragraphs repeat.
    const texts = variedTexts(1500, 3, 20).map((text) => `${text}\n\n${text.slice(0, Math.floor(next() * text.length))}\n${text}`);
    for (const text of texts) {
      const from = Math.floor(next() * 5);
      const to = text.length - Math.floor(next() * 5);
      const span = text.slice(from, to);
      nonBlankLines(text, from, to, spans);
      const lines = span.split('\n').filter((line) => line.trim() !== '');
      expect([text, sliced(text, spans)]).toEqual([text, lines]);
      expect([text, duplicateSpans(text, spans)]).toEqual([text, referenceDuplicates(lines)]);
      paragraphs(text, from, to, spans);
      const pieces = span.split(/\n{2,}/u);
      expect([text, sliced(text, spans)]).toEqual([text, pieces]);
      expect([text, duplicateSpans(text, spans)]).toEqual([text, referenceDuplicates(pieces)]);
    }
  });
});

/**
 * Straightforward implementations of the filters' tokens, text measures and repetition measures, written from
 * their definitions with regexes and string keys (the first versions of word-tokens.ts, text-measures.ts and
 * repetition-measures.ts, with n-grams keyed by their joined tokens). The shipped code computes the same in
 * one pass over typed arrays; speed-equivalence.test.ts checks that the two agree exactly.
 */
export interface ReferenceSpan {
  token: string;
  start: number;
  end: number;
  spaceless: boolean;
}

const LETTER_RUN = /[\p{L}\p{M}\u200c\u200d]+/gu;
const LETTER_DIGIT_RUN = /[\p{L}\p{M}\p{N}\u200c\u200d]+/gu;
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Regex runs; a run holding spaceless-script characters splits into spaced pieces and those characters (pairs or single). */
export function referenceTokenSpans(text: string, options: { digits?: boolean; spaceless?: 'bigrams' | 'chars' } = {}): ReferenceSpan[] {
  const unit = options.spaceless ?? 'bigrams';
  const out: ReferenceSpan[] = [];
  for (const match of text.matchAll(options.digits ? LETTER_DIGIT_RUN : LETTER_RUN)) {
    const run = match[0];
    const offset = match.index;
    if (!SPACELESS.test(run)) {
      out.push({ token: run.toLowerCase(), start: offset, end: offset + run.length, spaceless: false });
      continue;
    }
    let spacedStart = -1;
    let chars: Array<{ char: string; start: number }> = [];
    const flushChars = (): void => {
      if (unit === 'chars' || chars.length === 1) {
        for (const { char, start } of chars) out.push({ token: char.toLowerCase(), start, end: start + char.length, spaceless: true });
      } else {
        for (let i = 0; i + 1 < chars.length; i++) {
          const first = chars[i] as { char: string; start: number };
          const second = chars[i + 1] as { char: string; start: number };
          out.push({ token: (first.char + second.char).toLowerCase(), start: first.start, end: second.start + second.char.length, spaceless: true });
        }
      }
      chars = [];
    };
    let index = 0;
    for (const char of run) {
      const start = offset + index;
      if (SPACELESS.test(char)) {
        if (spacedStart >= 0) out.push({ token: run.slice(spacedStart - offset, index).toLowerCase(), start: spacedStart, end: start, spaceless: false });
        spacedStart = -1;
        chars.push({ char, start });
      } else {
        flushChars();
        if (spacedStart < 0) spacedStart = start;
      }
      index += char.length;
    }
    flushChars();
    if (spacedStart >= 0) out.push({ token: run.slice(spacedStart - offset).toLowerCase(), start: spacedStart, end: offset + run.length, spaceless: false });
  }
  return out;
}

const codePoints = (text: string): number => Array.from(text).filter((char) => !/^[\udc00-\udfff]$/u.test(char)).length;
const countMatches = (text: string, pattern: RegExp): number => [...text.matchAll(pattern)].reduce((sum, match) => sum + codePoints(match[0]), 0);
const occurrences = (text: string, needle: string): number => text.split(needle).length - 1;

export function referenceTextMeasures(text: string, shortLineChars: number): Record<string, number> {
  const measures: Record<string, number> = {};
  const trimmed = text.trim();
  measures['chars'] = codePoints(trimmed);
  const spans = referenceTokenSpans(trimmed, { digits: true, spaceless: 'chars' });
  const words = spans.length;
  measures['words'] = words;
  const spaced = spans.filter((span) => !span.spaceless);
  const spacedChars = spaced.reduce((sum, { token }) => sum + codePoints(token), 0);
  // Word length and short lines only for text mostly in space-separated words.
  const mostlySpaced = spacedChars >= words - spaced.length;
  if (spaced.length > 0 && mostlySpaced) measures['meanWordLength'] = spacedChars / spaced.length;
  if (words > 0) {
    measures['hashRatio'] = occurrences(trimmed, '#') / words;
    measures['ellipsisRatio'] = (occurrences(trimmed, '...') + occurrences(trimmed, '…')) / words;
  }
  const pieces = trimmed.split(/\s+/u).filter((piece) => piece !== '');
  if (pieces.length > 0) measures['alphaWords'] = pieces.filter((piece) => /[\p{L}\p{M}]/u.test(piece)).length / pieces.length;
  const nonSpace = countMatches(trimmed, /\S/gu);
  if (nonSpace > 0) {
    measures['letterShare'] = countMatches(trimmed, /[\p{L}\p{M}]/gu) / nonSpace;
    measures['urlShare'] = countMatches(trimmed, /(?:https?:\/\/|www\.)\S+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/giu) / nonSpace;
  }
  const lines = trimmed
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length > 0) {
    measures['bulletLines'] = lines.filter((line) => /^[•‣◦▪▫●○■□►▶➢✓✔*-]/u.test(line)).length / lines.length;
    measures['ellipsisLines'] = lines.filter((line) => /(?:\.\.\.|…)$/u.test(line)).length / lines.length;
    if (mostlySpaced) measures['shortLines'] = lines.filter((line) => codePoints(line) <= shortLineChars).length / lines.length;
  }
  return measures;
}

/** Repeats as a set of strings counts them: each occurrence after the first, and its UTF-16 units. */
export function referenceDuplicates(items: readonly string[]): { count: number; chars: number } {
  const seen = new Set<string>();
  let count = 0;
  let chars = 0;
  for (const item of items) {
    if (seen.has(item)) {
      count++;
      chars += item.length;
    } else {
      seen.add(item);
    }
  }
  return { count, chars };
}

export function referenceRepetitionMeasures(text: string): Record<string, number> {
  const trimmed = text.trim();
  const length = trimmed.length;
  const measures: Record<string, number> = {};
  const paragraphs = trimmed.split(/\n{2,}/u);
  const paragraphDuplicates = referenceDuplicates(paragraphs);
  measures['dupParagraphs'] = paragraphDuplicates.count / paragraphs.length;
  measures['dupParagraphChars'] = paragraphDuplicates.chars / length;
  const lines = trimmed.split('\n').filter((line) => line.trim() !== '');
  const lineDuplicates = referenceDuplicates(lines);
  measures['dupLines'] = lineDuplicates.count / lines.length;
  measures['dupLineChars'] = lineDuplicates.chars / length;

  // No word n-gram measures for text mostly in scripts without spaces.
  const wordChars = [...trimmed].filter((char) => /[\p{L}\p{M}\u200c\u200d]/u.test(char));
  const spacelessChars = wordChars.filter((char) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u.test(char));
  if (spacelessChars.length * 2 > wordChars.length) return measures;
  const spans = referenceTokenSpans(trimmed, { digits: true, spaceless: 'chars' });
  const span = (start: number, n: number): number => (spans[start + n - 1] as ReferenceSpan).end - (spans[start] as ReferenceSpan).start;
  for (let n = 2; n <= 10 && n <= spans.length; n++) {
    const keys = Array.from({ length: spans.length - n + 1 }, (_, i) =>
      spans
        .slice(i, i + n)
        .map(({ token }) => token)
        .join('\u0000'),
    );
    if (n <= 4) {
      // The most frequent n-gram (the first to reach the highest count), all its occurrences.
      const counts = new Map<string, { count: number; first: number }>();
      let best = { count: 0, first: 0 };
      keys.forEach((key, i) => {
        const entry = counts.get(key) ?? { count: 0, first: i };
        counts.set(key, entry);
        entry.count++;
        if (entry.count > best.count) best = entry;
      });
      measures[`top${n}gram`] = (span(best.first, n) * best.count) / length;
    } else {
      // Repeated n-grams, skipping n words after each repeat.
      const seen = new Set<string>();
      let repeated = 0;
      for (let i = 0; i < keys.length; ) {
        const key = keys[i] as string;
        if (seen.has(key)) {
          repeated += span(i, n);
          i += n;
        } else {
          seen.add(key);
          i++;
        }
      }
      measures[`dup${n}gram`] = repeated / length;
    }
  }
  return measures;
}

/**
 * Gopher's repetition measures (Rae et al. 2021, App. A.1.1, Table A1), computed as datatrove's
 * GopherRepetitionFilter does: duplicate line and paragraph fractions (by count and by characters), the
 * character share of the most frequent word 2-, 3- and 4-gram, and the character share of repeated 5- to
 * 10-grams (a repeat skips ahead n words, so overlapping repeats are not counted twice). Two changes make it
 * work across scripts and on ntl's documents: words are letter/digit runs with scripts written without spaces
 * split into characters (so n-grams there are character n-grams), and empty lines are not lines.
 * Character counts are the text spans the n-grams cover, in UTF-16 units like the text length they divide.
 */
import { mixHash } from '../hashing/string-hash.js';
import { tokenSpans, type TokenSpan } from '../tokens/word-tokens.js';

export const TOP_NGRAM_SIZES = [2, 3, 4] as const;
export const DUPLICATE_NGRAM_SIZES = [5, 6, 7, 8, 9, 10] as const;

/** Duplicate elements (after their first occurrence) and their characters. */
function duplicates(items: readonly string[]): { count: number; chars: number } {
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

/**
 * Numeric keys of every n-gram for n = 1…maxN, built incrementally from token ids; two 32-bit lanes give
 * ~53-bit keys, so a collision inside one document is negligible.
 */
function* ngramKeys(ids: readonly number[], maxN: number): Generator<{ n: number; keys: number[] }> {
  let laneA = ids.map((id) => mixHash(0x9747b28c, id));
  let laneB = ids.map((id) => mixHash(0x5bd1e995, id));
  for (let n = 2; n <= maxN && n <= ids.length; n++) {
    const count = ids.length - n + 1;
    const nextA = new Array<number>(count);
    const nextB = new Array<number>(count);
    for (let i = 0; i < count; i++) {
      nextA[i] = mixHash(laneA[i] as number, ids[i + n - 1] as number);
      nextB[i] = mixHash(laneB[i] as number, ids[i + n - 1] as number);
    }
    laneA = nextA;
    laneB = nextB;
    yield { n, keys: nextA.map((a, i) => a * 0x200000 + ((nextB[i] as number) >>> 11)) };
  }
}

const spanLength = (spans: readonly TokenSpan[], start: number, n: number): number => (spans[start + n - 1] as TokenSpan).end - (spans[start] as TokenSpan).start;

/** Character share of the most frequent n-gram, all its occurrences (datatrove find_top_duplicate). */
function topNgramShare(spans: readonly TokenSpan[], keys: readonly number[], n: number, length: number): number {
  const counts = new Map<number, { count: number; first: number }>();
  let best: { count: number; first: number } | undefined;
  keys.forEach((key, i) => {
    let entry = counts.get(key);
    if (!entry) counts.set(key, (entry = { count: 0, first: i }));
    entry.count++;
    if (!best || entry.count > best.count) best = entry;
  });
  return best ? (spanLength(spans, best.first, n) * best.count) / length : 0;
}

/** Character share of repeated n-grams, skipping n words after each repeat (datatrove find_all_duplicate). */
function duplicateNgramShare(spans: readonly TokenSpan[], keys: readonly number[], n: number, length: number): number {
  const seen = new Set<number>();
  let repeated = 0;
  let i = 0;
  while (i < keys.length) {
    const key = keys[i] as number;
    if (seen.has(key)) {
      repeated += spanLength(spans, i, n);
      i += n;
    } else {
      seen.add(key);
      i++;
    }
  }
  return repeated / length;
}

export function repetitionMeasures(text: string): Record<string, number> {
  const trimmed = text.trim();
  const length = trimmed.length;
  const measures: Record<string, number> = {};
  const paragraphs = trimmed.split(/\n{2,}/u);
  const paragraphDuplicates = duplicates(paragraphs);
  measures['dupParagraphs'] = paragraphDuplicates.count / paragraphs.length;
  measures['dupParagraphChars'] = paragraphDuplicates.chars / length;
  const lines = trimmed.split('\n').filter((line) => line.trim() !== '');
  const lineDuplicates = duplicates(lines);
  measures['dupLines'] = lineDuplicates.count / lines.length;
  measures['dupLineChars'] = lineDuplicates.chars / length;

  const spans = tokenSpans(trimmed, { digits: true, spaceless: 'chars' });
  const idOf = new Map<string, number>();
  const ids = spans.map(({ token }) => {
    let id = idOf.get(token);
    if (id === undefined) idOf.set(token, (id = idOf.size));
    return id;
  });
  const maxN = DUPLICATE_NGRAM_SIZES[DUPLICATE_NGRAM_SIZES.length - 1] as number;
  for (const { n, keys } of ngramKeys(ids, maxN)) {
    if ((TOP_NGRAM_SIZES as readonly number[]).includes(n)) measures[`top${n}gram`] = topNgramShare(spans, keys, n, length);
    if ((DUPLICATE_NGRAM_SIZES as readonly number[]).includes(n)) measures[`dup${n}gram`] = duplicateNgramShare(spans, keys, n, length);
  }
  return measures;
}

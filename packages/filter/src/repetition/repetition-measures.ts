/**
 * Gopher's repetition measures (Rae et al. 2021, App. A.1.1, Table A1), computed as datatrove's
 * GopherRepetitionFilter does: duplicate line and paragraph fractions (by count and by characters), the
 * character share of the most frequent word 2-, 3- and 4-gram, and the character share of repeated 5- to
 * 10-grams (a repeat skips ahead n words, so overlapping repeats are not counted twice). Two changes make it
 * work across scripts and on ntl's documents: words are letter/digit runs with scripts written without spaces
 * split into characters, and empty lines are not lines; the n-gram measures are left out for text mostly in
 * such scripts (mostly-spaceless.ts), where character n-grams repeat as a matter of course.
 * Character counts are the text spans the n-grams cover, in UTF-16 units like the text length they divide.
 *
 * Speed: tokens and n-grams are numbered exactly (tokens/token-ids.ts, ngram-ids.ts) instead of keyed by
 * strings, and counted in typed arrays; a test checks every measure against string-keyed counting.
 */
import { scratchSize } from '../tokens/scratch-size.js';
import { tokenIds, type TokenIds } from '../tokens/token-ids.js';
import { mostlySpaceless } from './mostly-spaceless.js';
import { forEachNgramLevel, type NgramLevel } from './ngram-ids.js';

export const TOP_NGRAM_SIZES = [2, 3, 4] as const;
export const DUPLICATE_NGRAM_SIZES = [5, 6, 7, 8, 9, 10] as const;
const MAX_N = DUPLICATE_NGRAM_SIZES[DUPLICATE_NGRAM_SIZES.length - 1] as number;
/** Measure names by n. */
const TOP_KEYS = new Map<number, string>(TOP_NGRAM_SIZES.map((n) => [n, `top${n}gram`]));
const DUPLICATE_KEYS = new Map<number, string>(DUPLICATE_NGRAM_SIZES.map((n) => [n, `dup${n}gram`]));

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

/** Which n-gram ids were seen: an id is seen when its stamp is the current one (no clearing between sizes). */
let seenStamps = new Int32Array(64);
let seenGeneration = 0;

/** Character share of repeated n-grams, skipping n words after each repeat (datatrove find_all_duplicate). */
function duplicateNgramShare(tokens: TokenIds, { n, count, distinct, ids }: NgramLevel, length: number): number {
  if (distinct === count) return 0;
  const size = scratchSize(seenStamps.length, count);
  if (size !== seenStamps.length) seenStamps = new Int32Array(size);
  if (seenGeneration === 0x7fffffff) {
    seenStamps.fill(0);
    seenGeneration = 0;
  }
  const stamp = ++seenGeneration;
  let repeated = 0;
  let i = 0;
  while (i < count) {
    const id = ids[i] as number;
    if (seenStamps[id] === stamp) {
      repeated += (tokens.ends[i + n - 1] as number) - (tokens.starts[i] as number);
      i += n;
    } else {
      seenStamps[id] = stamp;
      i++;
    }
  }
  return repeated / length;
}

export function repetitionMeasures(text: string): Record<string, number> {
  const trimmed = text.trim();
  const length = trimmed.length;
  const measures: Record<string, number> = {};
  // One paragraph, or one line, repeats nothing: skip splitting the text.
  const paragraphs = trimmed.includes('\n\n') ? trimmed.split(/\n{2,}/u) : [trimmed];
  const paragraphDuplicates = duplicates(paragraphs);
  measures['dupParagraphs'] = paragraphDuplicates.count / paragraphs.length;
  measures['dupParagraphChars'] = paragraphDuplicates.chars / length;
  const lines = (trimmed.includes('\n') ? trimmed.split('\n') : [trimmed]).filter((line) => line.trim() !== '');
  const lineDuplicates = duplicates(lines);
  measures['dupLines'] = lineDuplicates.count / lines.length;
  measures['dupLineChars'] = lineDuplicates.chars / length;

  if (mostlySpaceless(trimmed)) return measures;
  const tokens = tokenIds(trimmed);
  forEachNgramLevel(tokens.ids, tokens.count, tokens.distinct, MAX_N, (level) => {
    const { n, topCount, topFirstAt } = level;
    const top = TOP_KEYS.get(n);
    if (top !== undefined) measures[top] = (((tokens.ends[topFirstAt + n - 1] as number) - (tokens.starts[topFirstAt] as number)) * topCount) / length;
    const duplicate = DUPLICATE_KEYS.get(n);
    if (duplicate !== undefined) measures[duplicate] = duplicateNgramShare(tokens, level, length);
  });
  return measures;
}

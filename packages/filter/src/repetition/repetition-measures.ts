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
 * strings, and counted in typed arrays; lines and paragraphs are compared where they sit (duplicate-spans.ts);
 * tokens and letter counts come from the scan of the text the filters share (tokens/text-scan.ts). A test
 * checks every measure against string-keyed counting.
 */
import { charClass, SPACE } from '../tokens/char-classes.js';
import { scratchSize } from '../tokens/scratch-size.js';
import { tokenIds, type TokenIds } from '../tokens/token-ids.js';
import { textScan } from '../tokens/text-scan.js';
import { duplicateSpans, nonBlankLines, paragraphs, Spans } from './duplicate-spans.js';
import { mostlySpaceless } from './mostly-spaceless.js';
import { forEachNgramLevel, type NgramLevel } from './ngram-ids.js';

export const TOP_NGRAM_SIZES = [2, 3, 4] as const;
export const DUPLICATE_NGRAM_SIZES = [5, 6, 7, 8, 9, 10] as const;
const MAX_N = DUPLICATE_NGRAM_SIZES[DUPLICATE_NGRAM_SIZES.length - 1] as number;
/** Measure names by n. */
const TOP_KEYS = new Map<number, string>(TOP_NGRAM_SIZES.map((n) => [n, `top${n}gram`]));
const DUPLICATE_KEYS = new Map<number, string>(DUPLICATE_NGRAM_SIZES.map((n) => [n, `dup${n}gram`]));

const spans = new Spans();

/** Which n-gram ids were seen: an id is seen when its stamp is the current one (no clearing between sizes). */
let seenStamps = new Int32Array(64);
let seenGeneration = 0;

/**
 * Character share of repeated n-grams, skipping n words after each repeat (datatrove find_all_duplicate).
 * Only n-grams that occur more than once can be a repeat: the others are passed over (they would be marked
 * seen, and never met again).
 */
function duplicateNgramShare(tokens: TokenIds, { n, count, repeated, positions, ids }: NgramLevel, length: number): number {
  if (repeated === 0) return 0;
  const size = scratchSize(seenStamps.length, count);
  if (size !== seenStamps.length) seenStamps = new Int32Array(size);
  if (seenGeneration === 0x7fffffff) {
    seenStamps.fill(0);
    seenGeneration = 0;
  }
  const stamp = ++seenGeneration;
  let chars = 0;
  /** The position after the last repeat's n words: those in between are skipped, not seen. */
  let skipTo = 0;
  for (let k = 0; k < repeated; k++) {
    const i = positions[k] as number;
    if (i < skipTo) continue;
    const id = ids[k] as number;
    if (seenStamps[id] === stamp) {
      chars += (tokens.ends[i + n - 1] as number) - (tokens.starts[i] as number);
      skipTo = i + n;
    } else {
      seenStamps[id] = stamp;
    }
  }
  return chars / length;
}

const isSpace = (unit: number): boolean => (charClass(unit) & SPACE) !== 0;

/**
 * The share of text[start, end)'s spans (paragraphs or lines, as `split` cuts them) that repeat an earlier one,
 * and their characters. A text without `separator` is one span, which repeats nothing: it is not split.
 */
function repeatedSpans(text: string, start: number, end: number, separator: string, split: (text: string, from: number, to: number, out: Spans) => void): { share: number; chars: number } {
  const at = text.indexOf(separator, start);
  if (at < 0 || at >= end) return { share: 0, chars: 0 };
  split(text, start, end, spans);
  const { count, chars } = duplicateSpans(text, spans);
  return { share: count / spans.count, chars };
}

export function repetitionMeasures(text: string): Record<string, number> {
  // The trimmed text, as a span of `text`: the filters share the scan of `text` (tokens/text-scan.ts).
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  const length = end - start;
  const measures: Record<string, number> = {};
  const paragraphRepeats = repeatedSpans(text, start, end, '\n\n', paragraphs);
  measures['dupParagraphs'] = paragraphRepeats.share;
  measures['dupParagraphChars'] = paragraphRepeats.chars / length;
  const lineRepeats = repeatedSpans(text, start, end, '\n', nonBlankLines);
  measures['dupLines'] = lineRepeats.share;
  measures['dupLineChars'] = lineRepeats.chars / length;

  // The scan's counts of `text` are those of the trimmed text: white space is not a letter.
  if (mostlySpaceless(textScan(text))) return measures;
  const tokens = tokenIds(text, start, end);
  forEachNgramLevel(tokens.ids, tokens.count, tokens.distinct, MAX_N, (level) => {
    const { n, topCount, topFirstAt } = level;
    const top = TOP_KEYS.get(n);
    if (top !== undefined) measures[top] = (((tokens.ends[topFirstAt + n - 1] as number) - (tokens.starts[topFirstAt] as number)) * topCount) / length;
    const duplicate = DUPLICATE_KEYS.get(n);
    if (duplicate !== undefined) measures[duplicate] = duplicateNgramShare(tokens, level, length);
  });
  return measures;
}

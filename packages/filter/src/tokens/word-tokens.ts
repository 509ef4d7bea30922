/**
 * Word tokens for the filters, across scripts. A token is a run of letters and combining marks (and digits,
 * when asked), lower-cased; punctuation, symbols and spaces separate tokens. Scripts written without spaces
 * between words (Han, kana, Thai, Lao, Khmer, Myanmar — the list crawl's shingles use) have no such runs to
 * split, so there a run becomes character bigrams (the usual unit for wordlists and frequency statistics in
 * those scripts, and independent of ICU's dictionary segmenter and its version) or single characters
 * (for repetition, where a character n-gram is the word n-gram's counterpart).
 *
 * Equivalently, as regexes: runs of `[\p{L}\p{M}\u200c\u200d]+` (`[\p{L}\p{M}\p{N}\u200c\u200d]+` with digits),
 * lower-cased; a run holding a character of those scripts is split into its spaced pieces and those
 * characters. text-scan.ts finds the pieces in one pass with a table lookup per character; buildTokens
 * joins or drops them as the options say.
 */
import { foldUnits } from './token-hash.js';
import { scanText, TextScan, textScan } from './text-scan.js';
import { DIGITS, LOWER_AS_IS, LOWERING_BITS, SPACELESS_TOKEN, TokenRanges } from './token-ranges.js';

/** How a run of a script without spaces is cut: overlapping character pairs, or one character each. */
export type SpacelessUnit = 'bigrams' | 'chars';

export interface TokenOptions {
  /** Keep digit runs as tokens (repetition, length heuristics); wordlists and Tf-IIf leave numbers out. */
  readonly digits?: boolean;
  readonly spaceless?: SpacelessUnit;
}

/** A token and where it sits in the text (UTF-16 offsets), for measures that count characters. */
export interface TokenSpan {
  readonly token: string;
  readonly start: number;
  readonly end: number;
  /** From a script written without spaces (a bigram or a character, not a word). */
  readonly spaceless: boolean;
}

/** The scan of a span scanned on its own (a piece crossed its ends). */
const spanScan = new TextScan();
const built = new TokenRanges();

/** The first of `ranges` that starts at or after `offset`. */
function firstFrom(ranges: TokenRanges, offset: number): number {
  let low = 0;
  let high = ranges.count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ranges.starts[middle] as number) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Builds the tokens of text[from, to) into `out`, as ranges of `text` in text order with their hashes, not yet
 * sliced (tokenSpans and wordTokens slice them): exactly the tokens of `text.slice(from, to)`, shifted by
 * `from`. The scan of the whole text serves unless one of its pieces crosses `from` or `to`; the span is then
 * scanned on its own.
 */
export function buildTokens(text: string, options: TokenOptions, from: number, to: number, out: TokenRanges): void {
  let source = textScan(text).pieces;
  let first = 0;
  let last = source.count;
  let shift = 0;
  if (from !== 0 || to !== text.length) {
    first = firstFrom(source, from);
    last = firstFrom(source, to);
    if ((first > 0 && (source.ends[first - 1] as number) > from) || (last > first && (source.ends[last - 1] as number) > to)) {
      scanText(text.slice(from, to), spanScan);
      source = spanScan.pieces;
      first = 0;
      last = source.count;
      shift = from;
    }
  }
  const digits = options.digits === true;
  const bigrams = (options.spaceless ?? 'bigrams') === 'bigrams';
  // A run of touching pieces becomes one token (with digits: letters and digits side by side), at most one per piece.
  out.clear(last - first);
  let runStart = -1;
  let runEnd = -1;
  let runLowering = LOWER_AS_IS;
  let runHash = 0;
  // Bigrams: a character that ends up alone in its spaceless sequence is its own token, placed once the
  // sequence is known to end there (at the next token, or the end of the span).
  let previousStart = -1;
  let previousEnd = -1;
  let previousLowering = LOWER_AS_IS;
  let previousHash = 0;
  let alone = false;
  for (let k = first; k < last; k++) {
    const flags = source.flags[k] as number;
    if (!digits && (flags & DIGITS) !== 0) continue;
    const start = (source.starts[k] as number) + shift;
    const end = (source.ends[k] as number) + shift;
    const lowering = flags & LOWERING_BITS;
    const hash = source.hashes[k] as number;
    if ((flags & SPACELESS_TOKEN) === 0) {
      if (start === runEnd) {
        runEnd = end;
        if (lowering > runLowering) runLowering = lowering;
        runHash = foldUnits(runHash, text, start, end);
        continue;
      }
      if (runStart >= 0) out.push(runStart, runEnd, runLowering, runHash);
      if (alone) out.push(previousStart, previousEnd, previousLowering | SPACELESS_TOKEN, previousHash);
      alone = false;
      previousEnd = -1;
      runStart = start;
      runEnd = end;
      runLowering = lowering;
      runHash = hash;
      continue;
    }
    if (runStart >= 0) out.push(runStart, runEnd, runLowering, runHash);
    runStart = -1;
    runEnd = -1;
    if (!bigrams) {
      out.push(start, end, lowering | SPACELESS_TOKEN, hash);
    } else if (previousEnd === start) {
      alone = false;
      out.push(previousStart, end, Math.max(previousLowering, lowering) | SPACELESS_TOKEN, foldUnits(previousHash, text, start, end));
    } else {
      if (alone) out.push(previousStart, previousEnd, previousLowering | SPACELESS_TOKEN, previousHash);
      alone = true;
    }
    previousStart = start;
    previousEnd = end;
    previousLowering = lowering;
    previousHash = hash;
  }
  if (runStart >= 0) out.push(runStart, runEnd, runLowering, runHash);
  if (alone) out.push(previousStart, previousEnd, previousLowering | SPACELESS_TOKEN, previousHash);
}

/** The tokens of text[from, to) (buildTokens) in a buffer that the next call reuses: read it before then. */
export function tokenRanges(text: string, options: TokenOptions = {}, from = 0, to = text.length): TokenRanges {
  buildTokens(text, options, from, to, built);
  return built;
}

/** A token's lower case; `toLowerCase()` (a runtime call for text outside Latin-1) only when it changes something. */
function lowered(text: string, ranges: TokenRanges, i: number): string {
  const token = text.slice(ranges.starts[i], ranges.ends[i]);
  return ((ranges.flags[i] as number) & LOWERING_BITS) === LOWER_AS_IS ? token : token.toLowerCase();
}

/** Tokens of `text` with their spans, in text order. */
export function tokenSpans(text: string, options: TokenOptions = {}): TokenSpan[] {
  const ranges = tokenRanges(text, options);
  const out: TokenSpan[] = [];
  for (let i = 0; i < ranges.count; i++) {
    out.push({ token: lowered(text, ranges, i), start: ranges.starts[i] as number, end: ranges.ends[i] as number, spaceless: ((ranges.flags[i] as number) & SPACELESS_TOKEN) !== 0 });
  }
  return out;
}

/** Just the tokens (see tokenSpans). */
export function wordTokens(text: string, options: TokenOptions = {}): string[] {
  const ranges = tokenRanges(text, options);
  const out: string[] = [];
  for (let i = 0; i < ranges.count; i++) out.push(lowered(text, ranges, i));
  return out;
}

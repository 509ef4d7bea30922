/**
 * The one pass that finds the pieces the filters' word tokens are made of (word-tokens.ts defines the tokens):
 * maximal runs of letters and marks and maximal runs of digits, outside the scripts written without spaces,
 * and each letter or digit of those scripts on its own. Tokens with digits join touching runs; tokens without
 * them leave the digit pieces out; so one scan of a document serves both (word-tokens.ts builds them). A
 * class-table lookup per code point (char-classes.ts) replaces the regex match per run and the script test
 * per character of the regex definition. The pieces go into typed arrays rather than to a callback per piece:
 * the scan serves several consumers, and a call site shared by them costs a megamorphic dispatch per piece.
 */
import { charClass, NUMBER, SELF_LOWER, SIMPLE_LOWER, SPACELESS, WORD } from './char-classes.js';
import { scratchSize } from './scratch-size.js';
import { FNV_OFFSET, foldUnit } from './token-hash.js';

/**
 * How a token's lower case is had, from cheapest: it is its own lower case; its units lower-case one by one
 * (char-classes lowerUnit); only `toLowerCase()` gets it right. A token's is its characters' largest.
 */
export const LOWER_AS_IS = 0;
const LOWER_BY_UNIT = 1;
export const LOWER_BY_STRING = 2;
/** In a piece's or token's flags, below the other bits: its lowering. */
export const LOWERING_BITS = 3;
/** In the flags: a character (or bigram) of a script without spaces, not a spaced piece. */
export const SPACELESS_TOKEN = 4;
/** In a piece's flags: digits (`\p{N}`), part of a token only when digits count. */
export const DIGITS = 8;

const lowering = (found: number): number => ((found & SELF_LOWER) !== 0 ? LOWER_AS_IS : (found & SIMPLE_LOWER) !== 0 ? LOWER_BY_UNIT : LOWER_BY_STRING);
/** lowering() of every class byte, looked up once per character. */
const LOWERING = Uint8Array.from({ length: 256 }, (_, found) => lowering(found));

/** Ranges text[start, end) in text order, with their flags and hashes; the buffers are reused by the next fill. */
export class TokenRanges {
  count = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** Lowering | SPACELESS_TOKEN | DIGITS. */
  flags = new Uint8Array(64);
  /** token-hash hashFolded of the range; meaningless when its lowering is LOWER_BY_STRING. */
  hashes = new Int32Array(64);

  /** Empties the ranges, with room for `capacity` of them. */
  clear(capacity: number): void {
    this.count = 0;
    const size = scratchSize(this.starts.length, capacity);
    if (size === this.starts.length) return;
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    this.flags = new Uint8Array(size);
    this.hashes = new Int32Array(size);
  }

  push(start: number, end: number, flags: number, hash: number): void {
    const at = this.count++;
    this.starts[at] = start;
    this.ends[at] = end;
    this.flags[at] = flags;
    this.hashes[at] = hash;
  }
}

/** `hash` with the units of the character at text[at] folded in (an astral one's surrogates lower-case to themselves). */
function foldChar(hash: number, text: string, at: number, codePoint: number): number {
  return codePoint > 0xffff ? foldUnit(foldUnit(hash, text.charCodeAt(at)), text.charCodeAt(at + 1)) : foldUnit(hash, codePoint);
}

/**
 * Fills `out` with the pieces of `text`: letter runs, digit runs (DIGITS) and spaceless characters
 * (SPACELESS_TOKEN), each with its hash.
 */
export function scanPieces(text: string, out: TokenRanges): void {
  // A text of n units has at most n pieces.
  out.clear(text.length);
  let runStart = -1;
  /** The open run's flags: DIGITS or not, and its lowering so far. */
  let runFlags = 0;
  let runHash = FNV_OFFSET;
  for (let i = 0; i < text.length; ) {
    let codePoint = text.charCodeAt(i);
    // A surrogate: the pair's code point (a lone one is its own, as codePointAt gives).
    if ((codePoint & 0xf800) === 0xd800) codePoint = text.codePointAt(i) as number;
    const width = codePoint > 0xffff ? 2 : 1;
    const found = charClass(codePoint);
    // WORD and NUMBER are disjoint: letters and marks, or digits.
    const kind = found & (WORD | NUMBER);
    if (kind !== 0 && (found & SPACELESS) === 0) {
      const digits = kind === NUMBER ? DIGITS : 0;
      if (runStart >= 0 && (runFlags & DIGITS) === digits) {
        const needs = LOWERING[found] as number;
        if (needs > (runFlags & LOWERING_BITS)) runFlags = digits | needs;
        runHash = foldChar(runHash, text, i, codePoint);
      } else {
        if (runStart >= 0) out.push(runStart, i, runFlags, runHash);
        runStart = i;
        runFlags = digits | (LOWERING[found] as number);
        runHash = foldChar(FNV_OFFSET, text, i, codePoint);
      }
    } else {
      if (runStart >= 0) out.push(runStart, i, runFlags, runHash);
      runStart = -1;
      if (kind !== 0) out.push(i, i + width, (LOWERING[found] as number) | SPACELESS_TOKEN | (kind === NUMBER ? DIGITS : 0), foldChar(FNV_OFFSET, text, i, codePoint));
    }
    i += width;
  }
  if (runStart >= 0) out.push(runStart, text.length, runFlags, runHash);
}

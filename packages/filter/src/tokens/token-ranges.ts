/**
 * Token ranges in typed arrays: the pieces a scan finds (text-scan.ts) and the tokens built from them
 * (word-tokens.ts), with the flags that say how each lower-cases and what it is made of. Typed arrays rather
 * than a callback per range: the scan serves several consumers, and a call site shared by them costs a
 * megamorphic dispatch per range.
 */
import { SELF_LOWER, SIMPLE_LOWER } from './char-classes.js';
import { scratchSize } from './scratch-size.js';

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
export const LOWERING = Uint8Array.from({ length: 256 }, (_, found) => lowering(found));

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

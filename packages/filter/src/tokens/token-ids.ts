/**
 * The tokens of `tokenSpans(text, {digits: true, spaceless: 'chars'})` as numbers: the same scan
 * (text-scan.ts) finds the same spans, and each distinct lower-cased token gets an id (0, 1, … in order of
 * first occurrence) from an open-addressing table that hashes and compares UTF-16 units in place. A token is
 * lower-cased unit by unit unless one of its characters needs `toLowerCase()` (capital sigma, U+0130, astral
 * capitals): only those tokens are sliced. Ids are exact (a hash match is confirmed by comparing units), so
 * measures built on them equal the string ones.
 *
 * Built for filter.repetition, which needs word n-grams of every document of a crawl: the arrays returned are
 * buffers reused by the next call, to be read before it.
 */
import { lowerUnit } from './char-classes.js';
import { scratchSize } from './scratch-size.js';
import { foldedEquals, hashString } from './token-hash.js';
import { LOWER_BY_STRING, LOWERING_BITS, TokenRanges } from './token-ranges.js';
import { buildTokens } from './word-tokens.js';

export interface TokenIds {
  readonly count: number;
  /** Distinct tokens: ids run from 0 to distinct − 1. */
  readonly distinct: number;
  readonly ids: Int32Array;
  /** UTF-16 offsets of each token in the text. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

const TOKENS = { digits: true, spaceless: 'chars' } as const;

/** Numbers the tokens (one instance, its buffers reused from call to call). */
class TokenIdTable {
  readonly ranges = new TokenRanges();
  ids = new Int32Array(64);
  /**
   * Per id: where its first occurrence is, and its lower-cased text when that is not unit by unit; each is
   * written when the id is made, so nothing is cleared between calls (`lowered` keeps its length, not regrown).
   */
  firstStart = new Int32Array(64);
  firstEnd = new Int32Array(64);
  readonly lowered: Array<string | undefined> = [];
  /** Hash table slots: a slot is taken in this call when its stamp is the call's (no clearing between calls). */
  slotStamps = new Int32Array(128);
  slotIds = new Int32Array(128);
  slotHashes = new Int32Array(128);
  stamp = 0;
  mask = 0;
  text = '';
  count = 0;
  distinct = 0;

  read(text: string, from: number, to: number): TokenIds {
    // A text of n units has at most n tokens; the table is kept at most half full.
    this.fit(to - from + 1);
    let slots = 2;
    while (slots < 2 * (to - from + 1)) slots *= 2;
    this.mask = slots - 1;
    if (this.stamp === 0x7fffffff) {
      this.slotStamps.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
    this.text = text;
    this.count = 0;
    this.distinct = 0;
    const ranges = this.ranges;
    buildTokens(text, TOKENS, from, to, ranges);
    for (let i = 0; i < ranges.count; i++) this.add(ranges.starts[i] as number, ranges.ends[i] as number, (ranges.flags[i] as number) & LOWERING_BITS, ranges.hashes[i] as number);
    this.text = '';
    return { count: this.count, distinct: this.distinct, ids: this.ids, starts: ranges.starts, ends: ranges.ends };
  }

  /** Numbers a token; `folded` is the scan's hash of its units lower-cased one by one. */
  private add(start: number, end: number, lowering: number, folded: number): void {
    const text = this.text;
    const token = lowering === LOWER_BY_STRING ? text.slice(start, end).toLowerCase() : undefined;
    const hash = token === undefined ? folded : hashString(token);
    let slot = hash & this.mask;
    let id = -1;
    while (this.slotStamps[slot] === this.stamp) {
      const taken = this.slotIds[slot] as number;
      if (this.slotHashes[slot] === hash && (token === undefined ? this.equalsFolded(taken, start, end) : this.equalsString(taken, token))) {
        id = taken;
        break;
      }
      slot = (slot + 1) & this.mask;
    }
    if (id < 0) {
      id = this.distinct++;
      this.slotStamps[slot] = this.stamp;
      this.slotIds[slot] = id;
      this.slotHashes[slot] = hash;
      this.firstStart[id] = start;
      this.firstEnd[id] = end;
      this.lowered[id] = token;
    }
    this.ids[this.count] = id;
    this.count++;
  }

  /** Whether token `id` equals the unit-by-unit lower-cased text[start, end). */
  private equalsFolded(id: number, start: number, end: number): boolean {
    const text = this.text;
    const other = this.lowered[id];
    if (other !== undefined) return foldedEquals(text, start, end, other);
    const from = this.firstStart[id] as number;
    if ((this.firstEnd[id] as number) - from !== end - start) return false;
    for (let i = 0; i < end - start; i++) if (lowerUnit(text.charCodeAt(from + i)) !== lowerUnit(text.charCodeAt(start + i))) return false;
    return true;
  }

  /** Whether token `id` equals the (already lower-cased) `token`. */
  private equalsString(id: number, token: string): boolean {
    const other = this.lowered[id];
    if (other !== undefined) return other === token;
    return foldedEquals(this.text, this.firstStart[id] as number, this.firstEnd[id] as number, token);
  }

  private fit(capacity: number): void {
    const size = scratchSize(this.ids.length, capacity);
    if (size === this.ids.length) return;
    this.ids = new Int32Array(size);
    this.firstStart = new Int32Array(size);
    this.firstEnd = new Int32Array(size);
    this.slotStamps = new Int32Array(size * 2);
    this.slotIds = new Int32Array(size * 2);
    this.slotHashes = new Int32Array(size * 2);
  }
}

const table = new TokenIdTable();

/** The tokens of text[from, to), numbered; their offsets are in `text`. */
export function tokenIds(text: string, from = 0, to = text.length): TokenIds {
  return table.read(text, from, to);
}

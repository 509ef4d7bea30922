/**
 * A set of lower-cased tokens (a wordlist, a Tf-IIf list) asked about tokens where they sit in the text, so
 * that scoring a unit builds no string per token: `has(text, start, end, lowering)` is
 * `set.has(text.slice(start, end).toLowerCase())`. An open-addressing table is probed with the hash the scan took
 * of the span's units lower-cased one by one (token-hash.ts) and confirms a hash match by comparing units; a token whose lower case needs
 * `toLowerCase()` (capital sigma, U+0130, astral capitals: the scan says so) is sliced as before.
 */
import { foldedEquals, hashString } from './token-hash.js';
import { LOWER_AS_IS, LOWER_BY_STRING, LOWERING_BITS } from './token-ranges.js';
import { tokenRanges, type TokenOptions } from './word-tokens.js';

export class TokenSet {
  private readonly tokens: string[];
  /** Per slot: 1 + the index of its token in `tokens`, 0 when empty; the table is at most half full. */
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly mask: number;

  constructor(tokens: Iterable<string>) {
    this.tokens = [...new Set(tokens)];
    let size = 2;
    while (size < 2 * this.tokens.length) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
    this.tokens.forEach((token, index) => {
      const hash = hashString(token);
      let slot = hash & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = index + 1;
      this.hashes[slot] = hash;
    });
  }

  get size(): number {
    return this.tokens.length;
  }

  /**
   * Whether the token text[start, end), lower-cased as `lowering` (token-ranges.ts) says, is in the set; `hash` is
   * its token-hash hashFolded (the scan's), not read when the lowering is LOWER_BY_STRING.
   */
  has(text: string, start: number, end: number, lowering: number, hash: number): boolean {
    if (lowering === LOWER_BY_STRING) return this.hasString(text.slice(start, end).toLowerCase());
    for (let slot = hash & this.mask; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      if (this.hashes[slot] !== hash) continue;
      const token = this.tokens[(this.slots[slot] as number) - 1] as string;
      // A token that is its own lower case is compared natively where it sits (startsWith slices nothing).
      if (lowering === LOWER_AS_IS ? token.length === end - start && text.startsWith(token, start) : foldedEquals(text, start, end, token)) return true;
    }
    return false;
  }

  private hasString(token: string): boolean {
    const hash = hashString(token);
    for (let slot = hash & this.mask; this.slots[slot] !== 0; slot = (slot + 1) & this.mask) {
      if (this.hashes[slot] === hash && this.tokens[(this.slots[slot] as number) - 1] === token) return true;
    }
    return false;
  }
}

/**
 * How many word tokens text[from, to) has (`wordTokens(text.slice(from, to), options).length`) and how many of
 * them are in `set`.
 */
export function countTokensIn(text: string, set: TokenSet, options: TokenOptions = {}, from = 0, to = text.length): { tokens: number; found: number } {
  const ranges = tokenRanges(text, options, from, to);
  let found = 0;
  for (let i = 0; i < ranges.count; i++) {
    if (set.has(text, ranges.starts[i] as number, ranges.ends[i] as number, (ranges.flags[i] as number) & LOWERING_BITS, ranges.hashes[i] as number)) found++;
  }
  return { tokens: ranges.count, found };
}

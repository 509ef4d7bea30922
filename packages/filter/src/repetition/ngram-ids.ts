/**
 * The repeated word n-grams of a document, one n after the other. An n-gram can repeat only where its
 * (n−1)-gram prefix repeats, so each size looks only at the positions whose n-gram of the size before
 * repeated: the n-gram at i is its prefix's id plus token i+n−1, numbered exactly through an open-addressing
 * table of int pairs (no hashing collisions), and the positions whose n-gram turns out to repeat are kept for
 * the next size. Running text repeats few n-grams beyond its common words, so after the first sizes a size
 * costs a few positions, and none once nothing repeats. Counts over these ids equal counts over string keys.
 *
 * The level handed to the visitor, and its arrays, are reused by the next level and the next call.
 */
import { scratchSize } from '../tokens/scratch-size.js';

export interface NgramLevel {
  readonly n: number;
  /** N-grams at this size: positions 0 … count − 1. */
  readonly count: number;
  /** Distinct n-grams. */
  readonly distinct: number;
  /**
   * The positions whose n-gram occurs more than once, ascending (`positions[0 … repeated − 1]`), and the id
   * of each one's n-gram (`ids[k]` is the n-gram at `positions[k]`; equal n-grams, equal ids).
   */
  readonly repeated: number;
  readonly positions: Int32Array;
  readonly ids: Int32Array;
  /**
   * The most frequent n-gram, ties going to the one that reached that count first in text order: its count
   * and its first position (1 and 0 when every n-gram is distinct).
   */
  readonly topCount: number;
  readonly topFirstAt: number;
}

let positions = new Int32Array(64);
let ids = new Int32Array(64);
let occurrences = new Int32Array(64);
let firstAt = new Int32Array(64);
let slotStamps = new Int32Array(128);
let slotPrefixes = new Int32Array(128);
let slotLasts = new Int32Array(128);
let slotIds = new Int32Array(128);
let generation = 0;
/** The one level object, filled anew for each level. */
const level = { n: 0, count: 0, distinct: 0, repeated: 0, positions, ids, topCount: 1, topFirstAt: 0 };

function visitLevel(visit: (level: NgramLevel) => void, n: number, count: number, distinct: number, repeated: number, topCount: number, topFirstAt: number): void {
  level.n = n;
  level.count = count;
  level.distinct = distinct;
  level.repeated = repeated;
  level.positions = positions;
  level.ids = ids;
  level.topCount = topCount;
  level.topFirstAt = topFirstAt;
  visit(level);
}

function fit(capacity: number): void {
  const size = scratchSize(positions.length, capacity);
  if (size === positions.length) return;
  positions = new Int32Array(size);
  ids = new Int32Array(size);
  occurrences = new Int32Array(size);
  firstAt = new Int32Array(size);
  slotStamps = new Int32Array(size * 2);
  slotPrefixes = new Int32Array(size * 2);
  slotLasts = new Int32Array(size * 2);
  slotIds = new Int32Array(size * 2);
}

const pairHash = (prefix: number, last: number): number => {
  let hash = Math.imul(prefix, 0x9e3779b1) ^ Math.imul(last + 0x632be5ab, 0x85ebca6b);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return hash ^ (hash >>> 12);
};

/**
 * Calls `visit` for n = 2 … maxN (while n ≤ count) with the repeated n-grams of `tokens` (token ids from 0 to
 * distinct − 1).
 */
export function forEachNgramLevel(tokens: Int32Array, count: number, distinct: number, maxN: number, visit: (level: NgramLevel) => void): void {
  fit(Math.max(count, distinct) + 1);
  // Size 1: the positions of repeated tokens that start a bigram; each one's id is its token.
  occurrences.fill(0, 0, distinct);
  for (let i = 0; i < count; i++) {
    const token = tokens[i] as number;
    occurrences[token] = (occurrences[token] as number) + 1;
  }
  let active = 0;
  for (let i = 0; i + 1 < count; i++) {
    const token = tokens[i] as number;
    if ((occurrences[token] as number) < 2) continue;
    positions[active] = i;
    ids[active++] = token;
  }

  let slots = 2;
  while (slots < 2 * (count + 1)) slots *= 2;
  const mask = slots - 1;
  for (let n = 2; n <= maxN && n <= count; n++) {
    const levelCount = count - n + 1;
    if (active === 0) {
      visitLevel(visit, n, levelCount, levelCount, 0, 1, 0);
      continue;
    }
    if (generation === 0x7fffffff) {
      slotStamps.fill(0);
      generation = 0;
    }
    const stamp = ++generation;
    let made = 0;
    let topCount = 1;
    let topFirstAt = 0;
    // Each active position's n-gram: its prefix's id (in ids[k]) and its last token.
    for (let k = 0; k < active; k++) {
      const i = positions[k] as number;
      const prefix = ids[k] as number;
      const last = tokens[i + n - 1] as number;
      let slot = pairHash(prefix, last) & mask;
      let id = -1;
      while (slotStamps[slot] === stamp) {
        if (slotPrefixes[slot] === prefix && slotLasts[slot] === last) {
          id = slotIds[slot] as number;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (id < 0) {
        id = made++;
        slotStamps[slot] = stamp;
        slotPrefixes[slot] = prefix;
        slotLasts[slot] = last;
        slotIds[slot] = id;
        occurrences[id] = 0;
        firstAt[id] = i;
      }
      ids[k] = id;
      const seen = (occurrences[id] as number) + 1;
      occurrences[id] = seen;
      if (seen > topCount) {
        topCount = seen;
        topFirstAt = firstAt[id] as number;
      }
    }
    // The positions outside `active` hold n-grams seen once each.
    const levelDistinct = levelCount - active + made;
    let repeated = 0;
    for (let k = 0; k < active; k++) {
      const id = ids[k] as number;
      if ((occurrences[id] as number) < 2) continue;
      positions[repeated] = positions[k] as number;
      ids[repeated++] = id;
    }
    visitLevel(visit, n, levelCount, levelDistinct, repeated, topCount, topFirstAt);
    // The next size's n-grams start at most at levelCount − 2.
    active = repeated;
    while (active > 0 && (positions[active - 1] as number) > levelCount - 2) active--;
  }
}

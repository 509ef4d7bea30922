/**
 * Exact ids of a document's word n-grams, one n after the other: the n-gram at i is its (n−1)-gram prefix
 * at i plus token i+n−1, so its id is the id of that pair, found in an open-addressing table of int pairs.
 * An n-gram whose prefix occurs once occurs once too and gets a fresh id without a lookup, so after the first
 * sizes most positions of running text cost a counter increment, and once every n-gram of a size is distinct
 * the larger sizes cost nothing. Ids run from 0 in order of first occurrence and are exact (no hashing
 * collisions), so counts over them equal counts over string keys.
 *
 * The arrays handed to the visitor are buffers reused by the next level and the next call.
 */
import { scratchSize } from '../tokens/scratch-size.js';

export interface NgramLevel {
  readonly n: number;
  /** N-grams at this size: positions 0 … count − 1. */
  readonly count: number;
  /** Distinct n-grams: ids run from 0 to distinct − 1. */
  readonly distinct: number;
  /** Each position's id; not filled when every n-gram is distinct (distinct = count: the n-gram at i is id i). */
  readonly ids: Int32Array;
  /**
   * The most frequent n-gram, ties going to the one that reached that count first in text order: its count
   * and its first position.
   */
  readonly topCount: number;
  readonly topFirstAt: number;
}

let previous = new Int32Array(64);
let current = new Int32Array(64);
let previousOccurrences = new Int32Array(64);
let currentOccurrences = new Int32Array(64);
let firstAt = new Int32Array(64);
let slotStamps = new Int32Array(128);
let slotPrefixes = new Int32Array(128);
let slotLasts = new Int32Array(128);
let slotIds = new Int32Array(128);
let generation = 0;

function fit(capacity: number): void {
  const size = scratchSize(previous.length, capacity);
  if (size === previous.length) return;
  previous = new Int32Array(size);
  current = new Int32Array(size);
  previousOccurrences = new Int32Array(size);
  currentOccurrences = new Int32Array(size);
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
 * Calls `visit` for n = 2 … maxN (while n ≤ tokens) with the ids of the n-grams of `tokens` (token ids from 0
 * to distinct − 1).
 */
export function forEachNgramLevel(tokens: Int32Array, count: number, distinct: number, maxN: number, visit: (level: NgramLevel) => void): void {
  fit(count + 1);
  let slots = 2;
  while (slots < 2 * (count + 1)) slots *= 2;
  const mask = slots - 1;
  previous.set(tokens.subarray(0, count));
  previousOccurrences.fill(0, 0, distinct);
  for (let i = 0; i < count; i++) {
    const token = tokens[i] as number;
    previousOccurrences[token] = (previousOccurrences[token] as number) + 1;
  }

  let allDistinct = distinct === count;
  for (let n = 2; n <= maxN && n <= count; n++) {
    const positions = count - n + 1;
    // Every (n−1)-gram distinct: so is every n-gram, the first one is "most frequent".
    if (allDistinct) {
      visit({ n, count: positions, distinct: positions, ids: current, topCount: 1, topFirstAt: 0 });
      continue;
    }
    if (generation === 0x7fffffff) {
      slotStamps.fill(0);
      generation = 0;
    }
    const stamp = ++generation;
    let ids = 0;
    let topCount = 0;
    let topFirstAt = 0;
    for (let i = 0; i < positions; i++) {
      const prefix = previous[i] as number;
      let id = -1;
      if (previousOccurrences[prefix] !== 1) {
        const last = tokens[i + n - 1] as number;
        let slot = pairHash(prefix, last) & mask;
        while (slotStamps[slot] === stamp) {
          if (slotPrefixes[slot] === prefix && slotLasts[slot] === last) {
            id = slotIds[slot] as number;
            break;
          }
          slot = (slot + 1) & mask;
        }
        if (id < 0) {
          slotStamps[slot] = stamp;
          slotPrefixes[slot] = prefix;
          slotLasts[slot] = last;
          slotIds[slot] = ids;
        }
      }
      if (id < 0) {
        id = ids++;
        currentOccurrences[id] = 0;
        firstAt[id] = i;
      }
      current[i] = id;
      const occurrences = (currentOccurrences[id] as number) + 1;
      currentOccurrences[id] = occurrences;
      if (occurrences > topCount) {
        topCount = occurrences;
        topFirstAt = firstAt[id] as number;
      }
    }
    visit({ n, count: positions, distinct: ids, ids: current, topCount, topFirstAt });
    allDistinct = ids === positions;
    [previous, current] = [current, previous];
    [previousOccurrences, currentOccurrences] = [currentOccurrences, previousOccurrences];
  }
}

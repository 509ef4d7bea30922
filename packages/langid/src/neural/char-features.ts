/**
 * What the encoder reads: the sentence as code points (the same letters-only, lower-cased model text as
 * stage 1, framed by a space on each side so word starts and ends are visible), and at each position the
 * hashed ids of the character n-grams ending there (orders 1–4 by default, as stage 1's minn/maxn). Hashing
 * into a fixed table keeps the model size independent of scripts and languages (fastText's bucket trick),
 * so Han, Hangul and Ethiopic text needs no vocabulary.
 */
import { modelText, type ModelTextOptions } from '../ngram/model-text.js';

export interface FeatureConfig {
  /** Positions per sentence, boundary spaces included; longer texts are cut (a sentence's first 126 letters identify it). */
  maxLength: number;
  /** n-gram orders hashed at each position. */
  orders: number[];
  /** Rows of the embedding table the n-grams hash into. */
  buckets: number;
  modelText: ModelTextOptions;
}

/** A noncharacter (never in model text, which keeps only letters, marks, apostrophes and spaces) standing for a masked position. */
export const MASK_CODE_POINT = 0xffff;
const SPACE = 0x20;

/** Raw text is cut to this many UTF-16 units per position before normalising, so a 1 MB line costs what a sentence costs. */
const RAW_UNITS_PER_POSITION = 8;

/** The code points the encoder reads: ` <model text> `, cut to maxLength; empty when the text has no letters. */
export function sequenceOf(text: string, config: Pick<FeatureConfig, 'maxLength' | 'modelText'>): number[] {
  const rawLimit = config.maxLength * RAW_UNITS_PER_POSITION;
  const clean = modelText(text.length > rawLimit ? text.slice(0, rawLimit) : text, config.modelText);
  if (clean === '') return [];
  const codePoints = [SPACE];
  for (const char of clean) {
    if (codePoints.length >= config.maxLength - 1) break;
    codePoints.push(char.codePointAt(0) as number);
  }
  codePoints.push(SPACE);
  return codePoints;
}

/** FNV-1a over the n-gram's code points, seeded by its order so a bigram and a trigram never share a hash by construction. */
function ngramHash(codePoints: readonly number[], end: number, order: number): number {
  let hash = Math.imul(0x811c9dc5 ^ order, 0x01000193);
  for (let i = Math.max(0, end - order + 1); i <= end; i++) hash = Math.imul(hash ^ (codePoints[i] as number), 0x01000193);
  hash ^= hash >>> 15;
  return hash >>> 0;
}

/**
 * Row-major [position][order] bucket ids. At the start of the sentence an n-gram is shorter than its
 * order; it keeps its order's hash seed, so it is still a distinct feature ("start of sentence + a").
 */
export function ngramIds(codePoints: readonly number[], config: Pick<FeatureConfig, 'orders' | 'buckets'>): Int32Array {
  const ids = new Int32Array(codePoints.length * config.orders.length);
  for (let t = 0; t < codePoints.length; t++) {
    config.orders.forEach((order, g) => {
      ids[t * config.orders.length + g] = ngramHash(codePoints, t, order) % config.buckets;
    });
  }
  return ids;
}

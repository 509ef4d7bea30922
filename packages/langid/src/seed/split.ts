/**
 * Held-out splits by document (issue 3: never by sentence of the same document). Whether a document is held
 * out depends only on its docId and the seed, so adding data never moves existing documents across the split.
 */
import { hashToUnit } from './seeded-random.js';

export interface SplitOptions {
  /** Share of documents held out, in [0, 1]. */
  heldOutFraction: number;
  /** Default 1. */
  seed?: number;
}

export function isHeldOut(docId: string, options: SplitOptions): boolean {
  return hashToUnit(docId, options.seed ?? 1) < options.heldOutFraction;
}

export function splitByDocument<T extends { docId: string }>(items: readonly T[], options: SplitOptions): { train: T[]; heldOut: T[] } {
  if (!(options.heldOutFraction >= 0 && options.heldOutFraction <= 1)) {
    throw new RangeError(`heldOutFraction must be in [0, 1], got ${options.heldOutFraction}`);
  }
  const train: T[] = [];
  const heldOut: T[] = [];
  for (const item of items) (isHeldOut(item.docId, options) ? heldOut : train).push(item);
  return { train, heldOut };
}

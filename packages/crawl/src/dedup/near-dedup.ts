import { LshIndex } from './lsh-index.js';
import { MinHasher } from './minhash.js';
import { shingleHashes } from './shingles.js';

export interface NearDuplicateOptions {
  /** LSH bands (datatrove: 14). */
  bands: number;
  /** MinHash values per band (datatrove: 8). */
  rows: number;
  /** Tokens per shingle (datatrove: 5-grams). */
  shingle: number;
  /** Hash-function seed; fixed seeds make runs reproducible. */
  seed: number;
  /**
   * Minimum estimated Jaccard similarity for a band collision to count. 0 (datatrove's behaviour)
   * accepts every collision; with 14 × 8 the collision curve passes 50 % near s ≈ 0.68.
   */
  threshold: number;
}

export const DEFAULT_NEAR_DUPLICATE_OPTIONS: Readonly<NearDuplicateOptions> = { bands: 14, rows: 8, shingle: 5, seed: 1, threshold: 0 };

export interface NearDuplicateMatch {
  /** Id of the earlier document this one collided with (the most similar candidate). */
  duplicateOf: string;
  /** Estimated Jaccard similarity of their shingle sets. */
  jaccard: number;
}

/**
 * MinHash-LSH near-duplicate detection over one shard (per process), first occurrence wins.
 * Every document is indexed, duplicates included, so chains of small edits collapse into one
 * cluster as datatrove's union-find clustering does.
 */
export class NearDuplicateIndex {
  readonly options: NearDuplicateOptions;
  private readonly hasher: MinHasher;
  private readonly index: LshIndex;
  private readonly ids: string[] = [];

  constructor(options: Partial<NearDuplicateOptions> = {}) {
    this.options = { ...DEFAULT_NEAR_DUPLICATE_OPTIONS, ...options };
    this.hasher = new MinHasher(this.options);
    this.index = new LshIndex(this.options.bands, this.options.rows);
  }

  get size(): number {
    return this.ids.length;
  }

  get byteLength(): number {
    return this.index.byteLength;
  }

  /** Compares `text` with every document added before, then adds it. Texts without tokens are neither matched nor added. */
  add(id: string, text: string): NearDuplicateMatch | null {
    const signature = this.hasher.signature(shingleHashes(text, this.options.shingle));
    if (!signature) return null;
    let best: NearDuplicateMatch | null = null;
    for (const candidate of this.index.candidates(signature)) {
      const jaccard = this.index.estimateJaccard(signature, candidate);
      if (jaccard >= this.options.threshold && (!best || jaccard > best.jaccard)) best = { duplicateOf: this.ids[candidate]!, jaccard };
    }
    this.index.insert(signature);
    this.ids.push(id);
    return best;
  }
}

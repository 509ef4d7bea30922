import { fmix32, imul } from './hash64.js';

export interface MinHashOptions {
  /** LSH bands. datatrove's default 14. */
  bands: number;
  /** Rows (hash functions) per band. datatrove's default 8. */
  rows: number;
  /** Seed for the hash functions; the same seed gives the same signatures on every machine. */
  seed: number;
}

/** splitmix32: a deterministic stream of well-mixed 32-bit seeds from one seed. */
function seedStream(seed: number, count: number): Int32Array {
  const seeds = new Int32Array(count);
  let state = seed | 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) | 0;
    seeds[i] = fmix32(state);
  }
  return seeds;
}

/**
 * MinHash signatures with bands × rows hash functions h_p(x) = fmix32(x ⊕ seed_p): Murmur's
 * finaliser is a bijection with full avalanche, so each h_p is a pseudo-random permutation of
 * the 32-bit shingle hashes, and P[min h_p(A) = min h_p(B)] ≈ Jaccard(A, B).
 */
export class MinHasher {
  readonly permutations: number;
  private readonly seeds: Int32Array;

  constructor(readonly options: MinHashOptions) {
    this.permutations = options.bands * options.rows;
    this.seeds = seedStream(options.seed, this.permutations);
  }

  /** Signature of a set of shingle hashes; null for an empty set (nothing to compare). */
  signature(shingles: Int32Array): Int32Array | null {
    if (shingles.length === 0) return null;
    const count = this.permutations;
    const seeds = this.seeds;
    const length = shingles.length;
    const signature = new Int32Array(count);
    // Permutations outside, shingles inside: the running minimum stays in a register.
    for (let p = 0; p < count; p++) {
      const seed = seeds[p]!;
      let min = 0x7fffffff;
      for (let s = 0; s < length; s++) {
        // fmix32 inlined: this loop is the whole cost of MinHash.
        let h = shingles[s]! ^ seed;
        h ^= h >>> 16;
        h = imul(h, 0x85ebca6b);
        h ^= h >>> 13;
        h = imul(h, 0xc2b2ae35);
        h ^= h >>> 16;
        if (h < min) min = h;
      }
      signature[p] = min;
    }
    return signature;
  }
}

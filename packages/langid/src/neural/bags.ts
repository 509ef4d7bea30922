/**
 * Bags of embedding rows: each bag is a list of table rows and one weight, and stands for weight × the sum of
 * those rows (a sentence vector is the bag of all its n-grams weighted 1/positions, as fastText averages).
 * Sums and their gradients are computed in JS over the rows a batch touches (embedding-table.ts).
 */

export interface Bags {
  /** Bag b holds ids[offsets[b] .. offsets[b + 1]). */
  offsets: Int32Array;
  ids: Int32Array;
  /** One weight per bag. */
  weights: Float32Array;
}

export class BagBuilder {
  private readonly offsets: number[] = [0];
  private readonly weights: number[] = [];
  private ids = new Int32Array(1024);
  private size = 0;

  /** Adds a bag of ids[from .. to) with `weight`. */
  add(ids: ArrayLike<number>, from: number, to: number, weight: number): this {
    const needed = this.size + (to - from);
    if (needed > this.ids.length) {
      const grown = new Int32Array(Math.max(needed, this.ids.length * 2));
      grown.set(this.ids.subarray(0, this.size));
      this.ids = grown;
    }
    for (let i = from; i < to; i++) this.ids[this.size++] = ids[i] as number;
    this.offsets.push(this.size);
    this.weights.push(weight);
    return this;
  }

  build(): Bags {
    return { offsets: Int32Array.from(this.offsets), ids: this.ids.slice(0, this.size), weights: Float32Array.from(this.weights) };
  }
}

export function bagCount(bags: Bags): number {
  return bags.weights.length;
}

/** The bags of `a` followed by those of `b` (one sparse update for every bag a step used). */
export function concatBags(a: Bags, b: Bags): Bags {
  const offsets = new Int32Array(a.offsets.length + b.offsets.length - 1);
  offsets.set(a.offsets);
  const base = a.ids.length;
  for (let i = 1; i < b.offsets.length; i++) offsets[a.offsets.length - 1 + i] = base + (b.offsets[i] as number);
  const ids = new Int32Array(a.ids.length + b.ids.length);
  ids.set(a.ids);
  ids.set(b.ids, base);
  const weights = new Float32Array(a.weights.length + b.weights.length);
  weights.set(a.weights);
  weights.set(b.weights, a.weights.length);
  return { offsets, ids, weights };
}

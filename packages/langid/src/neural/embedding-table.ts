/**
 * Embedding tables held in JS memory and trained with lazy (sparse) Adam, as fastText trains its input matrix
 * sparsely. On tfjs-backend-wasm 4.22 `gather` costs ~160 ms for the 32k n-gram rows of one batch, its
 * gradient kernel (UnsortedSegmentSum) is missing, and a dense Adam step over a 65,536 × 64 table costs
 * ~75 ms; looking up and updating only the rows a batch uses takes a few ms. The tfjs heads (network.ts)
 * receive the bag sums as input tensors and hand back their gradients.
 */
import { seededRandom } from '../seed/seeded-random.js';
import type { Bags } from './bags.js';

export class EmbeddingTable {
  constructor(
    readonly rows: number,
    readonly dim: number,
    /** Row-major [rows, dim]. */
    readonly values: Float32Array,
  ) {
    if (values.length !== rows * dim) throw new Error(`embedding table has ${values.length} values, expected ${rows} × ${dim}`);
  }

  /** Normal(0, std²) values from a seeded generator (Box–Muller), so a seed gives the same model. */
  static random(rows: number, dim: number, std: number, seed: number): EmbeddingTable {
    const random = seededRandom(seed);
    const values = new Float32Array(rows * dim);
    for (let i = 0; i < values.length; i += 2) {
      const radius = std * Math.sqrt(-2 * Math.log(1 - random()));
      const angle = 2 * Math.PI * random();
      values[i] = radius * Math.cos(angle);
      if (i + 1 < values.length) values[i + 1] = radius * Math.sin(angle);
    }
    return new EmbeddingTable(rows, dim, values);
  }

  /** Each bag's weighted row sum: [bags, dim], row-major. */
  lookup(bags: Bags): Float32Array {
    const { dim, values } = this;
    const out = new Float32Array(bags.weights.length * dim);
    for (let b = 0; b < bags.weights.length; b++) {
      const to = b * dim;
      const weight = bags.weights[b] as number;
      for (let i = bags.offsets[b] as number; i < (bags.offsets[b + 1] as number); i++) {
        const from = (bags.ids[i] as number) * dim;
        for (let j = 0; j < dim; j++) out[to + j] = (out[to + j] as number) + weight * (values[from + j] as number);
      }
    }
    return out;
  }
}

export interface SparseAdamOptions {
  learningRate: number;
  /** Adam's defaults (Kingma & Ba 2015). */
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/**
 * Lazy Adam (TensorFlow Addons' LazyAdam): only the rows a step touches get their moments and values
 * updated; bias correction uses the global step count. Call `update` once per step with every bag the step used.
 */
export class SparseAdam {
  private readonly m: Float32Array;
  private readonly v: Float32Array;
  private step = 0;
  private readonly beta1: number;
  private readonly beta2: number;
  private readonly epsilon: number;
  /** Per-step gradient sums of the touched rows, reused across steps. */
  private sums = new Float32Array(0);
  /** Slot of each touched row in `sums` (−1 = untouched this step), reused across steps. */
  private readonly slots: Int32Array;

  constructor(
    private readonly table: EmbeddingTable,
    private readonly options: SparseAdamOptions,
  ) {
    this.m = new Float32Array(table.values.length);
    this.v = new Float32Array(table.values.length);
    this.slots = new Int32Array(table.rows).fill(-1);
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.epsilon = options.epsilon ?? 1e-7;
  }

  /** Applies `gradient` ([bags, dim], the gradient of lookup(bags)) to every row in the bags. */
  update(bags: Bags, gradient: Float32Array): void {
    const { dim, values } = this.table;
    const { slots, m, v, beta1, beta2, epsilon } = this;
    if (this.sums.length < bags.ids.length * dim) this.sums = new Float32Array(bags.ids.length * dim);
    const sums = this.sums;
    const touched: number[] = [];
    // Pass 1: sum the gradient reaching each distinct row.
    for (let b = 0; b < bags.weights.length; b++) {
      const weight = bags.weights[b] as number;
      const from = b * dim;
      for (let i = bags.offsets[b] as number; i < (bags.offsets[b + 1] as number); i++) {
        const id = bags.ids[i] as number;
        let slot = slots[id] as number;
        if (slot < 0) {
          slot = slots[id] = touched.length;
          touched.push(id);
          sums.fill(0, slot * dim, (slot + 1) * dim);
        }
        const to = slot * dim;
        for (let j = 0; j < dim; j++) sums[to + j] = (sums[to + j] as number) + weight * (gradient[from + j] as number);
      }
    }
    // Pass 2: Adam on those rows only.
    this.step++;
    const rate = (this.options.learningRate * Math.sqrt(1 - beta2 ** this.step)) / (1 - beta1 ** this.step);
    for (let slot = 0; slot < touched.length; slot++) {
      const id = touched[slot] as number;
      slots[id] = -1;
      const row = id * dim;
      const sum = slot * dim;
      for (let j = 0; j < dim; j++) {
        const g = sums[sum + j] as number;
        const mj = beta1 * (m[row + j] as number) + (1 - beta1) * g;
        const vj = beta2 * (v[row + j] as number) + (1 - beta2) * g * g;
        m[row + j] = mj;
        v[row + j] = vj;
        values[row + j] = (values[row + j] as number) - (rate * mj) / (Math.sqrt(vj) + epsilon);
      }
    }
  }
}

/**
 * fastText's output layers at prediction time (src/loss.cc): the k best labels of a hidden vector as
 * log-probabilities, in float32 arithmetic as the C++ computes them. `std_log(x)` is log(x + 1e-5) (so a
 * probability read back with exp can slightly exceed 1); std::exp on a float is expf, emulated as
 * fround(Math.exp(x)): at most one float unit in the last place apart (~6e-8 near 1), far inside the 1e-5
 * the tests allow.
 */
import type { OutputRows } from './fasttext-matrix.js';
import type { PredictionHeap } from './prediction-heap.js';

const fround = Math.fround;

/** fastText's `loss_name` codes in the model header. */
export const LOSS_HS = 1;
export const LOSS_NS = 2;
export const LOSS_SOFTMAX = 3;
export const LOSS_OVA = 4;

/** std_log: log(x + 1e-5) with x and the result as floats. */
export function stdLog(x: number): number {
  return fround(Math.log(fround(x) + 1e-5));
}

export interface OutputLayer {
  /** Fills `heap` (cleared first) with at most k (log-probability, label) pairs above log(threshold), best first. */
  predict(hidden: Float32Array, k: number, threshold: number, heap: PredictionHeap): void;
  /** The log-probability predict would give each of `labels`, written to `scores` (same order). */
  scoreLabels(hidden: Float32Array, labels: readonly number[], scores: Float32Array): void;
}

/**
 * HierarchicalSoftmaxLoss: a Huffman tree over the labels' training counts (buildTree: labels are sorted by
 * count, most frequent first, so leaves are taken from the end), searched depth-first, left (1 − σ) before right
 * (σ), pruning subtrees whose log-probability so far is below the threshold or below the k-th best found.
 */
class HierarchicalSoftmax implements OutputLayer {
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  /** Each node's parent (−1 at the root): a label's path, read leaf to root. */
  private readonly parent: Int32Array;
  private readonly path: Int32Array;
  private readonly osz: number;
  private hidden: Float32Array = new Float32Array(0);
  private heap: PredictionHeap | undefined;
  private k = 1;
  private minScore = 0;

  constructor(
    private readonly wo: OutputRows,
    counts: readonly number[],
  ) {
    const osz = counts.length;
    this.osz = osz;
    const nodes = Math.max(2 * osz - 1, 0);
    const count = new Float64Array(nodes).fill(1e15);
    this.left = new Int32Array(nodes).fill(-1);
    this.right = new Int32Array(nodes).fill(-1);
    counts.forEach((c, i) => (count[i] = c));
    let leaf = osz - 1;
    let node = osz;
    for (let i = osz; i < nodes; i++) {
      const mini = [0, 0];
      for (let j = 0; j < 2; j++) {
        if (leaf >= 0 && count[leaf]! < count[node]!) mini[j] = leaf--;
        else mini[j] = node++;
      }
      this.left[i] = mini[0]!;
      this.right[i] = mini[1]!;
      count[i] = count[mini[0]!]! + count[mini[1]!]!;
    }
    this.parent = new Int32Array(nodes).fill(-1);
    for (let i = osz; i < nodes; i++) {
      this.parent[this.left[i]!] = i;
      this.parent[this.right[i]!] = i;
    }
    this.path = new Int32Array(nodes);
  }

  /** dfs's score of each label's leaf: the same float sums, root to leaf, without searching the tree. */
  scoreLabels(hidden: Float32Array, labels: readonly number[], scores: Float32Array): void {
    const { parent, path } = this;
    labels.forEach((label, i) => {
      let depth = 0;
      for (let node = label; parent[node]! >= 0; node = parent[node]!) path[depth++] = node;
      let score = 0;
      for (let d = depth - 1; d >= 0; d--) {
        const child = path[d]!;
        const node = parent[child]!;
        const dot = this.wo.dotRow(hidden, node - this.osz);
        const f = fround(1 / fround(1 + fround(Math.exp(-dot))));
        score = fround(score + stdLog(child === this.left[node] ? 1 - f : f));
      }
      scores[i] = score;
    });
  }

  predict(hidden: Float32Array, k: number, threshold: number, heap: PredictionHeap): void {
    heap.clear();
    if (this.osz === 0) return;
    this.hidden = hidden;
    this.heap = heap;
    this.k = k;
    this.minScore = stdLog(threshold);
    this.dfs(2 * this.osz - 2, 0);
    heap.sort();
  }

  private dfs(node: number, score: number): void {
    const heap = this.heap!;
    if (score < this.minScore) return;
    if (heap.size === this.k && score < heap.front) return;
    const left = this.left[node]!;
    const right = this.right[node]!;
    if (left === -1 && right === -1) {
      heap.offer(score, node, this.k);
      return;
    }
    const dot = this.wo.dotRow(this.hidden, node - this.osz);
    // f = 1. / (1 + std::exp(-f)): expf, a float sum, then a double division stored as float.
    const f = fround(1 / fround(1 + fround(Math.exp(-dot))));
    this.dfs(left, fround(score + stdLog(1 - f)));
    this.dfs(right, fround(score + stdLog(f)));
  }
}

/** Loss::findKBest over per-label probabilities. */
function findKBest(output: Float32Array, k: number, threshold: number, heap: PredictionHeap): void {
  heap.clear();
  const floor = fround(threshold);
  for (let i = 0; i < output.length; i++) {
    const p = output[i]!;
    if (p < floor) continue;
    const score = stdLog(p);
    if (heap.size === k && score < heap.front) continue;
    heap.offer(score, i, k);
  }
  heap.sort();
}

/** SoftmaxLoss::computeOutput: exp(x − max), normalised, in floats. */
class Softmax implements OutputLayer {
  private readonly output: Float32Array;

  constructor(private readonly wo: OutputRows) {
    this.output = new Float32Array(wo.rows);
  }

  predict(hidden: Float32Array, k: number, threshold: number, heap: PredictionHeap): void {
    if (this.output.length === 0) {
      heap.clear();
      return;
    }
    this.compute(hidden);
    findKBest(this.output, k, threshold, heap);
  }

  scoreLabels(hidden: Float32Array, labels: readonly number[], scores: Float32Array): void {
    this.compute(hidden);
    labels.forEach((label, i) => (scores[i] = stdLog(this.output[label]!)));
  }

  private compute(hidden: Float32Array): void {
    const { output, wo } = this;
    for (let i = 0; i < output.length; i++) output[i] = wo.dotRow(hidden, i);
    let max = output[0]!;
    for (let i = 0; i < output.length; i++) max = Math.max(output[i]!, max);
    let z = 0;
    for (let i = 0; i < output.length; i++) {
      output[i] = Math.exp(fround(output[i]! - max));
      z = fround(z + output[i]!);
    }
    for (let i = 0; i < output.length; i++) output[i] = output[i]! / z;
  }
}

const SIGMOID_TABLE_SIZE = 512;
const MAX_SIGMOID = 8;

/** Loss's sigmoid lookup table (SIGMOID_TABLE_SIZE + 1 floats over [−8, 8]). */
function sigmoidTable(): Float32Array {
  const table = new Float32Array(SIGMOID_TABLE_SIZE + 1);
  for (let i = 0; i <= SIGMOID_TABLE_SIZE; i++) {
    const x = fround(fround((i * 2 * MAX_SIGMOID) / SIGMOID_TABLE_SIZE) - MAX_SIGMOID);
    table[i] = 1 / (1 + fround(Math.exp(-x)));
  }
  return table;
}

/** BinaryLogisticLoss::computeOutput (one-vs-all and negative sampling): the table sigmoid of each score. */
class OneVsAll implements OutputLayer {
  private readonly output: Float32Array;
  private readonly table = sigmoidTable();

  constructor(private readonly wo: OutputRows) {
    this.output = new Float32Array(wo.rows);
  }

  predict(hidden: Float32Array, k: number, threshold: number, heap: PredictionHeap): void {
    const { output } = this;
    for (let i = 0; i < output.length; i++) output[i] = this.sigmoid(hidden, i);
    findKBest(output, k, threshold, heap);
  }

  scoreLabels(hidden: Float32Array, labels: readonly number[], scores: Float32Array): void {
    labels.forEach((label, i) => (scores[i] = stdLog(this.sigmoid(hidden, label))));
  }

  private sigmoid(hidden: Float32Array, label: number): number {
    const x = this.wo.dotRow(hidden, label);
    if (x < -MAX_SIGMOID) return 0;
    if (x > MAX_SIGMOID) return 1;
    return this.table[Math.trunc(fround(fround(fround(fround(x + MAX_SIGMOID) * SIGMOID_TABLE_SIZE) / MAX_SIGMOID) / 2))]!;
  }
}

/** The output layer of a supervised model with this loss; labelCounts are the labels' counts in dictionary order. */
export function outputLayer(loss: number, wo: OutputRows, labelCounts: readonly number[]): OutputLayer {
  switch (loss) {
    case LOSS_HS:
      return new HierarchicalSoftmax(wo, labelCounts);
    case LOSS_SOFTMAX:
      return new Softmax(wo);
    case LOSS_NS:
    case LOSS_OVA:
      return new OneVsAll(wo);
    default:
      throw new RangeError(`unknown fastText loss ${loss}`);
  }
}

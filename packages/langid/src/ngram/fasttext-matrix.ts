/**
 * fastText's matrices at prediction time, in float32 arithmetic step for step as its C++ does (DenseMatrix,
 * QuantMatrix, ProductQuantizer::addcode and mulcode), so sums round the same way: each float product and sum
 * is rounded with Math.fround (a sum of two floats computed in double and stored in a Float32Array already is
 * the float sum). wasm has no fused multiply-add, so the reference build rounds at each step too.
 *
 * A product-quantized row r is, per sub-quantizer m, the centroid codes[r·nsubq + m] of m, scaled by the row's
 * quantized norm when the matrix has one (qnorm). Centroid m,i starts at (m·256 + i)·dsub, except for the last
 * sub-quantizer, whose centroids are lastdsub wide: m·256·dsub + i·lastdsub (ProductQuantizer::get_centroids).
 */
import type { FastTextMatrix, ProductQuantizer, QuantMatrix } from './fasttext-format.js';

const KSUB = 256;
const fround = Math.fround;

/** Offset of sub-quantizer m's centroid i. */
function centroidAt(pq: ProductQuantizer, m: number, i: number): number {
  return m === pq.nsubq - 1 ? m * KSUB * pq.dsub + i * pq.lastdsub : (m * KSUB + i) * pq.dsub;
}

/** Each row's norm (its norm centroid), or 1 without qnorm (QuantMatrix::addRowToVector, dotRow). */
function rowNorms(matrix: QuantMatrix): Float32Array {
  const norms = new Float32Array(matrix.rows).fill(1);
  const { normCodes, normPq } = matrix;
  if (normCodes && normPq) for (let r = 0; r < matrix.rows; r++) norms[r] = normPq.centroids[normCodes[r]!]!;
  return norms;
}

/**
 * The input matrix as rows of the exact float terms fastText adds to the hidden vector: a dense matrix as is;
 * a quantized one expanded to fround(norm × centroid value) per column, which is what addcode adds — so
 * summing these rows is bit-identical to summing through the codes, several times faster, at 4 bytes per
 * value (150,000 rows × 32 columns: 19 MB, against 2.6 MB of codes).
 */
export function inputRows(matrix: FastTextMatrix): Float32Array {
  if (matrix.kind === 'dense') return matrix.data;
  const { pq, codes, rows, cols } = matrix;
  const norms = rowNorms(matrix);
  const data = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const alpha = norms[r]!;
    for (let m = 0; m < pq.nsubq; m++) {
      const c = centroidAt(pq, m, codes[r * pq.nsubq + m]!);
      const d = m === pq.nsubq - 1 ? pq.lastdsub : pq.dsub;
      for (let n = 0; n < d; n++) data[r * cols + m * pq.dsub + n] = fround(alpha * pq.centroids[c + n]!);
    }
  }
  return data;
}

/** Float32 values per 64-byte cache line. */
const LINE = 16;
/** Written by prefetchRows so that its loads are not optimised away. */
const sink = { value: 0 };

/**
 * Loads one value per cache line of every listed row. The rows of a line are scattered over a matrix of many
 * megabytes; touching them all first lets their cache misses overlap (they are independent loads), so the
 * column passes of addRows that follow read from cache. 10–20% faster on a 166 MB matrix, neutral on 19 MB.
 */
function prefetchRows(rows: Float32Array, ids: Int32Array, count: number, cols: number): void {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const base = ids[i]! * cols;
    for (let j = 0; j < cols; j += LINE) sum += rows[base + j]!;
  }
  sink.value = sum;
}

/**
 * hidden += rows[id] for id in ids[0, count), in that order (Model::computeHidden's loop). Each column's sum is
 * its own chain of float additions, so the columns are summed eight at a time down all the rows: the same
 * additions in the same order per column as fastText's row-by-row loop, with eight independent chains in
 * flight instead of one store-load round trip per value.
 */
export function addRows(hidden: Float32Array, rows: Float32Array, ids: Int32Array, count: number): void {
  const cols = hidden.length;
  prefetchRows(rows, ids, count, cols);
  let j = 0;
  for (; j + 8 <= cols; j += 8) {
    let a0 = hidden[j]!;
    let a1 = hidden[j + 1]!;
    let a2 = hidden[j + 2]!;
    let a3 = hidden[j + 3]!;
    let a4 = hidden[j + 4]!;
    let a5 = hidden[j + 5]!;
    let a6 = hidden[j + 6]!;
    let a7 = hidden[j + 7]!;
    for (let i = 0; i < count; i++) {
      const b = ids[i]! * cols + j;
      a0 = fround(a0 + rows[b]!);
      a1 = fround(a1 + rows[b + 1]!);
      a2 = fround(a2 + rows[b + 2]!);
      a3 = fround(a3 + rows[b + 3]!);
      a4 = fround(a4 + rows[b + 4]!);
      a5 = fround(a5 + rows[b + 5]!);
      a6 = fround(a6 + rows[b + 6]!);
      a7 = fround(a7 + rows[b + 7]!);
    }
    hidden[j] = a0;
    hidden[j + 1] = a1;
    hidden[j + 2] = a2;
    hidden[j + 3] = a3;
    hidden[j + 4] = a4;
    hidden[j + 5] = a5;
    hidden[j + 6] = a6;
    hidden[j + 7] = a7;
  }
  for (; j < cols; j++) {
    let a = hidden[j]!;
    for (let i = 0; i < count; i++) a = fround(a + rows[ids[i]! * cols + j]!);
    hidden[j] = a;
  }
}

/** The output matrix: one float dot product per label or tree node (Matrix::dotRow). */
export interface OutputRows {
  readonly rows: number;
  dotRow(hidden: Float32Array, row: number): number;
}

class DenseRows implements OutputRows {
  constructor(
    readonly rows: number,
    private readonly data: Float32Array,
  ) {}

  dotRow(hidden: Float32Array, row: number): number {
    const { data } = this;
    const cols = hidden.length;
    const base = row * cols;
    let d = 0;
    for (let j = 0; j < cols; j++) d = fround(d + fround(data[base + j]! * hidden[j]!));
    return d;
  }
}

/** ProductQuantizer::mulcode: the dot product with the row's centroids, then times its norm. */
class QuantRows implements OutputRows {
  readonly rows: number;
  private readonly norms: Float32Array;

  constructor(private readonly matrix: QuantMatrix) {
    this.rows = matrix.rows;
    this.norms = rowNorms(matrix);
  }

  dotRow(hidden: Float32Array, row: number): number {
    const { codes, pq } = this.matrix;
    let res = 0;
    for (let m = 0; m < pq.nsubq; m++) {
      const c = centroidAt(pq, m, codes[row * pq.nsubq + m]!);
      const d = m === pq.nsubq - 1 ? pq.lastdsub : pq.dsub;
      for (let n = 0; n < d; n++) res = fround(res + fround(hidden[m * pq.dsub + n]! * pq.centroids[c + n]!));
    }
    return fround(res * this.norms[row]!);
  }
}

export function outputRows(matrix: FastTextMatrix): OutputRows {
  return matrix.kind === 'dense' ? new DenseRows(matrix.rows, matrix.data) : new QuantRows(matrix);
}

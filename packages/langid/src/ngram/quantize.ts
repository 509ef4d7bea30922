/**
 * `.bin` → `.ftz`, as `fasttext quantize -qnorm -cutoff N` does (without -retrain): keep the N input rows
 * (words and n-gram buckets) with the largest norms, record which buckets survive in the dictionary's prune
 * index, and product-quantize the rows (norms quantized separately). The output matrix stays dense (no -qout):
 * it is small (labels × dim) and quantizing it costs accuracy.
 */
import { ENTRY_WORD, SUPERVISED_MODEL, readFastText, writeFastText, type DenseMatrix, type FastTextModelFile, type QuantMatrix } from './fasttext-format.js';
import { encodeRows, trainProductQuantizer } from './product-quantizer.js';

export interface QuantizeOptions {
  /** Input rows kept; 0 keeps all. lid.176.ftz keeps 50,000 (of 2M buckets + words). */
  cutoff: number;
  /** Values per sub-vector; fastText's default 2. */
  dsub: number;
  seed: number;
}

/** 150,000 rows × (16 code bytes + 1 norm byte) at dim 32 ≈ 2.6 MB: the default model stays under 5 MB. */
export const DEFAULT_QUANTIZE_OPTIONS: QuantizeOptions = { cutoff: 150_000, dsub: 2, seed: 1 };

const EOS = new TextEncoder().encode('</s>');

function isEos(word: Uint8Array): boolean {
  return word.length === EOS.length && word.every((byte, i) => byte === EOS[i]);
}

function rowNorms(matrix: DenseMatrix): Float32Array {
  const norms = new Float32Array(matrix.rows);
  for (let row = 0; row < matrix.rows; row++) {
    let sum = 0;
    for (let j = 0; j < matrix.cols; j++) sum += (matrix.data[row * matrix.cols + j] ?? 0) ** 2;
    norms[row] = Math.sqrt(sum);
  }
  return norms;
}

/** Keeps the `cutoff` largest-norm rows (the end-of-sentence word always first), words in dictionary order, n-grams after. */
function prune(model: FastTextModelFile, input: DenseMatrix, norms: Float32Array, cutoff: number): { model: FastTextModelFile; input: DenseMatrix } {
  const { dictionary } = model;
  const eos = dictionary.entries.findIndex((entry) => entry.type === ENTRY_WORD && isEos(entry.word));
  const ranked = Array.from({ length: input.rows }, (_, i) => i).sort((a, b) => {
    if (a === eos || b === eos) return a === eos ? (b === eos ? 0 : -1) : 1;
    return (norms[b] ?? 0) - (norms[a] ?? 0) || a - b;
  });
  const kept = ranked.slice(0, cutoff);
  const words = kept.filter((row) => row < dictionary.nwords).sort((a, b) => a - b);
  const ngrams = kept.filter((row) => row >= dictionary.nwords);
  const order = [...words, ...ngrams];
  const data = new Float32Array(order.length * input.cols);
  order.forEach((row, i) => data.set(input.data.subarray(row * input.cols, (row + 1) * input.cols), i * input.cols));
  const labels = dictionary.entries.slice(dictionary.nwords);
  return {
    model: {
      ...model,
      dictionary: {
        ...dictionary,
        nwords: words.length,
        entries: [...words.map((row) => dictionary.entries[row]!), ...labels],
        pruneIndexSize: BigInt(ngrams.length),
        pruneIndex: ngrams.map((row, j) => [row - dictionary.nwords, j]),
      },
    },
    input: { kind: 'dense', rows: order.length, cols: input.cols, data },
  };
}

/** Returns the `.ftz` bytes of a dense supervised `.bin` model. Deterministic for a given seed. */
export function quantizeFastText(bin: Uint8Array, options: QuantizeOptions = DEFAULT_QUANTIZE_OPTIONS): Uint8Array {
  const parsed = readFastText(bin);
  if (parsed.input.kind !== 'dense' || parsed.output.kind !== 'dense') throw new Error('the model is already quantized');
  if (parsed.args.model !== SUPERVISED_MODEL) throw new Error('only supervised models can be quantized (as in fastText)');
  let model = parsed;
  let input: DenseMatrix = parsed.input;
  let norms = rowNorms(input);
  if (options.cutoff > 0 && options.cutoff < input.rows) {
    ({ model, input } = prune(model, input, norms, options.cutoff));
    norms = rowNorms(input);
  }
  // -qnorm: quantize directions and lengths separately, which keeps rare n-grams' small vectors small.
  const unit = new Float32Array(input.data.length);
  for (let row = 0; row < input.rows; row++) {
    const norm = norms[row] ?? 0;
    for (let j = 0; j < input.cols; j++) unit[row * input.cols + j] = norm > 0 ? (input.data[row * input.cols + j] ?? 0) / norm : 0;
  }
  const pq = trainProductQuantizer(unit, input.rows, input.cols, options.dsub, options.seed);
  const normPq = trainProductQuantizer(norms, input.rows, 1, 1, options.seed + 1);
  const quantized: QuantMatrix = {
    kind: 'quant',
    qnorm: true,
    rows: input.rows,
    cols: input.cols,
    codes: encodeRows(pq, unit, input.rows),
    pq,
    normCodes: encodeRows(normPq, norms, input.rows),
    normPq,
  };
  return writeFastText({ ...model, input: quantized, qout: false });
}

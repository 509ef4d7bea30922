/**
 * fastText supervised prediction in TypeScript: the same top-k labels and probabilities as fastText's
 * `FastText::predictLine` as fasttext.wasm.js 1.0.0 builds it (checked against that runtime in
 * test/ngram-inference.test.ts), from the bytes of a `.bin` or `.ftz`, without a wasm instance. A line's input rows (fasttext-dictionary.ts) are
 * averaged into the hidden vector (Model::computeHidden) and the output layer (fasttext-loss.ts) ranks the
 * labels; all buffers are allocated once per model and reused, so a prediction allocates only its answer.
 */
import { FastTextDictionary, IdList } from './fasttext-dictionary.js';
import { FastTextFormatError, SUPERVISED_MODEL, readFastText, type FastTextMatrix, type FastTextModelFile } from './fasttext-format.js';
import { outputLayer, type OutputLayer } from './fasttext-loss.js';
import { addRows, inputRows, outputRows } from './fasttext-matrix.js';
import { PredictionHeap } from './prediction-heap.js';

/** fastText's `Model::kUnlimitedPredictions`. */
export const ALL_LABELS = -1;

const fround = Math.fround;

function checkMatrix(matrix: FastTextMatrix, rows: number, what: string): void {
  if (matrix.rows !== rows) throw new FastTextFormatError(`${what} has ${matrix.rows} rows, the dictionary needs ${rows}`);
  if (matrix.kind === 'dense') return;
  const { pq } = matrix;
  const { nsubq, dsub, lastdsub } = pq;
  if (pq.dim !== matrix.cols || (nsubq - 1) * dsub + lastdsub !== matrix.cols) throw new FastTextFormatError(`${what}: product quantizer layout does not cover ${matrix.cols} columns`);
  if (matrix.codes.length !== rows * nsubq) throw new FastTextFormatError(`${what} has ${matrix.codes.length} codes, expected ${rows * nsubq}`);
  if (matrix.qnorm && matrix.normCodes?.length !== rows) throw new FastTextFormatError(`${what} has no norm code for every row`);
}

export class FastTextInference {
  /** Label names as stored (with their `__label__` prefix), in the model's order. */
  readonly labels: readonly string[];
  private readonly dictionary: FastTextDictionary;
  /** Input rows as the float terms fastText adds (inputRows), dim values each. */
  private readonly input: Float32Array;
  private readonly output: OutputLayer;
  private readonly hidden: Float32Array;
  private readonly heap: PredictionHeap;
  private readonly rows = new IdList();
  private readonly encoder = new TextEncoder();
  private bytes = new Uint8Array(1024);
  private scores = new Float32Array(8);

  /** Throws FastTextFormatError for a model fastText would refuse or misread. */
  constructor(model: FastTextModelFile) {
    const { args, dictionary } = model;
    if (args.model !== SUPERVISED_MODEL) throw new FastTextFormatError('Model needs to be supervised for prediction (fastText model type 3)');
    if (model.input.kind === 'dense' && dictionary.pruneIndexSize >= 0n) throw new FastTextFormatError('a pruned dictionary with a dense input matrix (fastText: "Invalid model file")');
    const ngramRows = dictionary.pruneIndexSize >= 0n ? Number(dictionary.pruneIndexSize) : Math.max(args.bucket, 0);
    checkMatrix(model.input, dictionary.nwords + ngramRows, 'input matrix');
    checkMatrix(model.output, dictionary.nlabels, 'output matrix');
    this.dictionary = new FastTextDictionary(model);
    const decoder = new TextDecoder();
    this.labels = Array.from({ length: dictionary.nlabels }, (_, i) => decoder.decode(this.dictionary.label(i)));
    this.input = inputRows(model.input);
    const counts = dictionary.entries.slice(dictionary.nwords).map((entry) => Number(entry.count));
    this.output = outputLayer(args.loss, outputRows(model.output), counts);
    this.hidden = new Float32Array(args.dim);
    this.heap = new PredictionHeap(dictionary.nlabels + 1);
  }

  /** Parses `.bin`/`.ftz` bytes (readFastText) and builds the engine. */
  static fromBytes(bytes: Uint8Array): FastTextInference {
    return new FastTextInference(readFastText(bytes));
  }

  /**
   * The k best labels of one line (`text` followed by a newline; anything after a newline inside `text` is
   * not read, as in fastText), best first, with fastText's probabilities: exp of the summed float
   * log-probabilities, each log(p + 1e-5), so a sure label can come out slightly above 1. Labels under
   * `threshold` are left out; k = ALL_LABELS ranks every label that is left (with hs loss the tree search also
   * stops where a path's log-probability falls under log(threshold + 1e-5), which leaves rare labels out).
   * Text is encoded as TextEncoder does (a lone surrogate becomes U+FFFD; the wasm binding's encoder mangles
   * it instead, so pass well-formed text to compare the two).
   */
  predict(text: string, k = 1, threshold = 0): Array<[string, number]> {
    const heap = this.rank(text, k, threshold);
    const top: Array<[string, number]> = [];
    for (let i = 0; i < heap.size; i++) top.push([this.labels[heap.labels[i]!]!, probability(heap.scores[i]!)]);
    return top;
  }

  /** predict's ranking as label indices and log-probabilities, best first, in a heap reused by the next call. */
  rank(text: string, k = 1, threshold = 0): PredictionHeap {
    if (k === ALL_LABELS) k = this.labels.length;
    if (!(k >= 1)) throw new RangeError(`k needs to be 1 or higher, got ${k}`);
    if (this.bytes.length < text.length * 3) this.bytes = new Uint8Array(text.length * 3);
    const { written } = this.encoder.encodeInto(text, this.bytes);
    const { rows, hidden, heap } = this;
    this.dictionary.lineRows(this.bytes, written, rows);
    if (rows.length === 0) {
      heap.clear();
      return heap;
    }
    hidden.fill(0);
    addRows(hidden, this.input, rows.ids, rows.length);
    const scale = fround(1 / rows.length);
    for (let j = 0; j < hidden.length; j++) hidden[j] = hidden[j]! * scale;
    this.output.predict(hidden, k, threshold, heap);
    return heap;
  }

  /**
   * The probabilities predict would give `labels` (indices, as `rank` reports them) for the line rank read last,
   * without searching for the best: a hierarchical-softmax path or a softmax row per label on the kept hidden
   * vector. Zeros before any rank or for a line without input rows.
   */
  labelProbabilities(labels: readonly number[]): number[] {
    if (this.scores.length < labels.length) this.scores = new Float32Array(labels.length);
    if (this.rows.length === 0) return labels.map(() => 0);
    this.output.scoreLabels(this.hidden, labels, this.scores);
    return labels.map((_, i) => probability(this.scores[i]!));
  }
}

/** A ranked log-probability as fastText reports it: std::exp of a float (expf). */
export function probability(score: number): number {
  return fround(Math.exp(score));
}

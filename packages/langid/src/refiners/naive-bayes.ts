/**
 * Multinomial naive Bayes over character n-grams and words, the cluster refiners' default model. Work on dialect
 * and close-language identification with little data keeps finding it strong (e.g. Salameh et al. 2018, COLING,
 * fine-grained Arabic dialect identification on MADAR: MNB over character 1–5-grams and words at the core of their
 * best system), and here it beats the small fastText refiners on the hard clusters (figures in train-refiners.ts).
 *
 * Features of a model text (modelText's output): its character n-grams of minn..maxn code points with a space on
 * each side (the space alone is no feature), and, with `words`, its words. Each is a 32-bit FNV-1a hash of its
 * code points (words from another offset basis), kept exactly in a table of the features seen in training: far
 * smaller than hash buckets numerous enough not to cost accuracy (on the tuning split of train-refiners.ts, α 0.03:
 * 0.883 / 0.897 / 0.901 in-cluster with 2^16 / 2^18 / 2^20 buckets per refiner, 0.899 exact).
 *
 * Classes are balanced: each class's counts are scaled to the mean class total, so a language with more text
 * (UDHR's zho_Hans beside hsn_Hans) is not penalised by the smoothing of the n-grams it has not seen, and the
 * prior is uniform. Then an n-gram unseen by every class scores the same for all and only seen n-grams are
 * stored: class k's score of a text is the sum over its n-grams of log(c_k·s_k + α) − log α. The probabilities
 * are a softmax of the scores divided by `temperature` (naive Bayes sums n-grams as if independent, so its raw
 * posteriors are near 0 or 1 whatever its accuracy).
 */
import type { TagClassifier } from '../ngram/fasttext-classifier.js';

export interface NaiveBayesOptions {
  /** Character n-gram lengths, in code points (the text padded with one space on each side). */
  minn: number;
  maxn: number;
  /** Whole words as features too. */
  words: boolean;
  /** Additive (Lidstone) smoothing of the counts. */
  alpha: number;
  /** Scores are divided by it before the softmax that gives probabilities. */
  temperature: number;
}

/** A refiner's file that is not one this code wrote. */
export class NaiveBayesFormatError extends Error {}

const MAGIC = 'ntl-nb01';
const SPACE = 0x20;
const FNV_OFFSET = 0x811c9dc5;
/** Offset basis of word features: another hash family than the n-grams'. */
const WORD_OFFSET = 0x9747b28c;
const FNV_PRIME = 0x01000193;
/** Open addressing keeps at most this share of its slots full. */
const MAX_LOAD = 0.75;
const EMPTY = 0;

/** Hash keys are never EMPTY. */
const keyOf = (hash: number): number => hash >>> 0 || 1;

/** Reused buffers of featureKeys: the text's code points with a space on each side, and the keys found. */
class FeatureBuffers {
  codePoints = new Uint32Array(256);
  keys = new Uint32Array(1024);

  /** Makes room for a text of `length` UTF-16 units. */
  fit(length: number, maxn: number): void {
    if (this.codePoints.length < length + 2) this.codePoints = new Uint32Array(2 * (length + 2));
    const keys = (length + 2) * (maxn + 1);
    if (this.keys.length < keys) this.keys = new Uint32Array(2 * keys);
  }
}

/** Writes the code points of `text`, with a space on each side, to `buffers.codePoints`; returns their count. */
function paddedCodePoints(text: string, buffers: FeatureBuffers): number {
  const { codePoints } = buffers;
  let length = 0;
  codePoints[length++] = SPACE;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      codePoints[length++] = (unit - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
      i++;
    } else codePoints[length++] = unit;
  }
  codePoints[length++] = SPACE;
  return length;
}

/** The n-gram that extends `hash` (FNV-1a of the code points before) by one code point. */
const extend = (hash: number, codePoint: number): number => Math.imul(hash ^ codePoint, FNV_PRIME);

/** Whether the n-gram of length n starting at `start` is a feature (the space alone is not). */
const isFeature = (n: number, minn: number, codePoints: Uint32Array, start: number): boolean => n >= minn && !(n === 1 && codePoints[start] === SPACE);

/** Appends the keys of the words of the padded code points to `buffers.keys` from `count` on; returns the new count. */
function wordKeys(buffers: FeatureBuffers, length: number, count: number): number {
  const { codePoints, keys } = buffers;
  let hash = WORD_OFFSET;
  for (let i = 1; i < length; i++) {
    const codePoint = codePoints[i]!;
    if (codePoint !== SPACE) hash = extend(hash, codePoint);
    else if (codePoints[i - 1] !== SPACE) {
      keys[count++] = keyOf(hash);
      hash = WORD_OFFSET;
    }
  }
  return count;
}

/**
 * The keys of every feature of `text`, written to `buffers.keys` (their count is returned): each character
 * n-gram's FNV-1a hash is extended one code point at a time, so a text of L code points costs L × maxn
 * multiplications and no substrings.
 */
function featureKeys(text: string, options: NaiveBayesOptions, buffers: FeatureBuffers): number {
  const { minn, maxn } = options;
  buffers.fit(text.length, maxn);
  const length = paddedCodePoints(text, buffers);
  const { codePoints, keys } = buffers;
  let count = 0;
  for (let start = 0; start < length; start++) {
    let hash = FNV_OFFSET;
    const end = Math.min(length, start + maxn);
    for (let at = start; at < end; at++) {
      hash = extend(hash, codePoints[at]!);
      if (isFeature(at - start + 1, minn, codePoints, start)) keys[count++] = keyOf(hash);
    }
  }
  return options.words ? wordKeys(buffers, length, count) : count;
}

interface NaiveBayesHeader {
  labels: string[];
  options: NaiveBayesOptions;
  /** Feature occurrences per class. */
  totals: number[];
  /** Distinct features stored. */
  features: number;
}

/** `ntl-nb01`, the header's byte length (uint32 LE), the header (JSON), padding to 4 bytes, keys, counts (key-major). */
function serialise(header: NaiveBayesHeader, keys: Uint32Array, counts: Uint32Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerEnd = MAGIC.length + 4 + json.length;
  const dataStart = Math.ceil(headerEnd / 4) * 4;
  const bytes = new Uint8Array(dataStart + 4 * (keys.length + counts.length));
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(MAGIC.length, json.length, true);
  bytes.set(json, MAGIC.length + 4);
  const data = new Uint32Array(bytes.buffer, dataStart, keys.length + counts.length);
  data.set(keys, 0);
  data.set(counts, keys.length);
  return bytes;
}

/**
 * Counts the features of each labelled model text; `labels` are the classes, in the model's order (texts of other
 * tags are ignored). Returns the model's bytes (NaiveBayesClassifier.fromBytes reads them).
 */
export function trainNaiveBayes(lines: Iterable<{ tag: string; text: string }>, labels: readonly string[], options: NaiveBayesOptions): Uint8Array {
  const classOf = new Map(labels.map((tag, i) => [tag, i]));
  const K = labels.length;
  const rowOf = new Map<number, number>();
  let counts = new Uint32Array(1024 * K);
  const totals = new Array<number>(K).fill(0);
  const buffers = new FeatureBuffers();
  for (const { tag, text } of lines) {
    const k = classOf.get(tag);
    if (k === undefined) continue;
    const count = featureKeys(text, options, buffers);
    for (let i = 0; i < count; i++) {
      const key = buffers.keys[i]!;
      let row = rowOf.get(key);
      if (row === undefined) {
        row = rowOf.size;
        rowOf.set(key, row);
        if ((row + 1) * K > counts.length) {
          const grown = new Uint32Array(counts.length * 2);
          grown.set(counts);
          counts = grown;
        }
      }
      counts[row * K + k]!++;
    }
    totals[k]! += count;
  }
  const keys = Uint32Array.from(rowOf.keys());
  return serialise({ labels: [...labels], options, totals, features: keys.length }, keys, counts.subarray(0, keys.length * K));
}

function parse(bytes: Uint8Array): { header: NaiveBayesHeader; keys: Uint32Array; counts: Uint32Array } {
  const magic = new TextDecoder().decode(bytes.subarray(0, MAGIC.length));
  if (bytes.length < MAGIC.length + 4 || magic !== MAGIC) throw new NaiveBayesFormatError('not a naive Bayes refiner (wrong magic number)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(MAGIC.length, true);
  const headerEnd = MAGIC.length + 4 + headerLength;
  if (headerEnd > bytes.length) throw new NaiveBayesFormatError('truncated header');
  let header: NaiveBayesHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, headerEnd))) as NaiveBayesHeader;
  } catch (error) {
    throw new NaiveBayesFormatError(`unreadable header (${(error as Error).message})`);
  }
  const K = header.labels?.length ?? 0;
  if (K < 1 || header.totals?.length !== K || !Number.isInteger(header.features)) throw new NaiveBayesFormatError('header lacks labels, totals or features');
  const dataStart = Math.ceil(headerEnd / 4) * 4;
  const words = header.features * (1 + K);
  if (bytes.length !== dataStart + 4 * words) throw new NaiveBayesFormatError(`${bytes.length} bytes, expected ${dataStart + 4 * words}`);
  // Copied so the arrays are aligned whatever the offset of `bytes` in its buffer.
  const data = new Uint32Array(bytes.slice(dataStart).buffer);
  return { header, keys: data.subarray(0, header.features), counts: data.subarray(header.features) };
}

export class NaiveBayesClassifier implements TagClassifier {
  readonly labels: readonly string[];
  readonly options: NaiveBayesOptions;
  /**
   * Open addressing with linear probing, one slot = a feature key (EMPTY: free) followed by its K weights
   * log(c_k·s_k + α) − log α, side by side so that a lookup usually costs one cache miss. `keys` and `weights`
   * view the same memory.
   */
  private readonly keys: Uint32Array;
  private readonly weights: Float32Array;
  /** Words per slot: 1 + K. */
  private readonly stride: number;
  private readonly mask: number;
  private readonly scores: Float64Array;
  private readonly buffers = new FeatureBuffers();

  private constructor(header: NaiveBayesHeader, keys: Uint32Array, counts: Uint32Array) {
    this.labels = header.labels;
    this.options = header.options;
    const K = header.labels.length;
    const mean = header.totals.reduce((sum, total) => sum + total, 0) / K;
    const scale = header.totals.map((total) => (total > 0 ? mean / total : 0));
    const { alpha } = header.options;
    let capacity = 1;
    while (capacity * MAX_LOAD < keys.length + 1) capacity *= 2;
    this.mask = capacity - 1;
    this.stride = 1 + K;
    const table = new ArrayBuffer(capacity * this.stride * 4);
    this.keys = new Uint32Array(table);
    this.weights = new Float32Array(table);
    for (let row = 0; row < keys.length; row++) {
      const at = this.slotOf(keys[row]!);
      this.keys[at] = keys[row]!;
      for (let k = 0; k < K; k++) this.weights[at + 1 + k] = Math.log((counts[row * K + k]! * scale[k]! + alpha) / alpha);
    }
    this.scores = new Float64Array(K);
  }

  /** Parses trainNaiveBayes's bytes; throws NaiveBayesFormatError for anything else. */
  static fromBytes(bytes: Uint8Array): NaiveBayesClassifier {
    const { header, keys, counts } = parse(bytes);
    return new NaiveBayesClassifier(header, keys, counts);
  }

  /** Offset of the slot holding `key`, or of the free slot where it would go. */
  private slotOf(key: number): number {
    const { keys, mask, stride } = this;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (keys[slot * stride] !== EMPTY && keys[slot * stride] !== key) slot = (slot + 1) & mask;
    return slot * stride;
  }

  /** Adds the weights of the feature `key` to the scores; false when the model has never seen it. */
  private add(key: number): boolean {
    const at = this.slotOf(key);
    if (this.keys[at] === EMPTY) return false;
    const { scores, weights } = this;
    for (let c = 0; c < scores.length; c++) scores[c]! += weights[at + 1 + c]!;
    return true;
  }

  /**
   * The k most probable labels of one model text, best first (ties by label order). The n-grams starting at a
   * position are looked up shortest first and no further once one is unseen: every longer one holds it, so none
   * was seen either (the lookups that miss are the slow ones).
   */
  predict(text: string, k: number): Array<[string, number]> {
    const { scores, buffers } = this;
    const { minn, maxn } = this.options;
    const K = this.labels.length;
    scores.fill(0);
    buffers.fit(text.length, maxn);
    const length = paddedCodePoints(text, buffers);
    const { codePoints } = buffers;
    for (let start = 0; start < length; start++) {
      let hash = FNV_OFFSET;
      const end = Math.min(length, start + maxn);
      for (let at = start; at < end; at++) {
        hash = extend(hash, codePoints[at]!);
        if (isFeature(at - start + 1, minn, codePoints, start) && !this.add(keyOf(hash))) break;
      }
    }
    if (this.options.words) {
      const count = wordKeys(buffers, length, 0);
      for (let i = 0; i < count; i++) this.add(buffers.keys[i]!);
    }
    let best = 0;
    for (let c = 1; c < K; c++) if (scores[c]! > scores[best]!) best = c;
    let sum = 0;
    const probabilities = Array.from(scores, (score) => {
      const p = Math.exp((score - scores[best]!) / this.options.temperature);
      sum += p;
      return p;
    });
    return probabilities
      .map((p, c): [string, number] => [this.labels[c]!, p / sum])
      .sort((a, b) => b[1] - a[1] || this.labels.indexOf(a[0]) - this.labels.indexOf(b[0]))
      .slice(0, Math.max(1, k));
  }
}

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
/** In-slot classes are stored as bytes: a refiner with more classes keeps every feature's weights in `overflow`. */
const MAX_INLINE_CLASSES = 256;
/** Words of a NaiveBayesClassifier slot: key, class count and classes, two weights (or an offset in its overflow). */
const SLOT_WORDS = 4;
/** Classes whose weights fit in a slot. */
const INLINE_PAIRS = 2;

/** Hash keys are never EMPTY. */
const keyOf = (hash: number): number => hash >>> 0 || 1;

/**
 * Reused buffers of featureKeys: the text's code points with a space on each side, the keys found, and (for
 * NaiveBayesClassifier.predict) the slots of the features the model has seen.
 */
class FeatureBuffers {
  codePoints = new Uint32Array(256);
  keys = new Uint32Array(1024);
  slots = new Uint32Array(1024);

  /** Makes room for a text of `length` UTF-16 units. */
  fit(length: number, maxn: number): void {
    if (this.codePoints.length < length + 2) this.codePoints = new Uint32Array(2 * (length + 2));
    const keys = (length + 2) * (maxn + 1);
    if (this.keys.length < keys) {
      this.keys = new Uint32Array(2 * keys);
      this.slots = new Uint32Array(2 * keys);
    }
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
  // Viewed in place (the classifier keeps none of it) unless misaligned in its buffer.
  const offset = bytes.byteOffset + dataStart;
  const data = offset % 4 === 0 ? new Uint32Array(bytes.buffer, offset, words) : new Uint32Array(bytes.slice(dataStart).buffer);
  return { header, keys: data.subarray(0, header.features), counts: data.subarray(header.features) };
}

export class NaiveBayesClassifier implements TagClassifier {
  readonly labels: readonly string[];
  readonly options: NaiveBayesOptions;
  /**
   * Open addressing with linear probing, SLOT_WORDS words a slot: a feature key (EMPTY: free), how many classes
   * saw it (bits 16+ of the second word), then its weights log(c_k·s_k + α) − log α. An unseen class's weight is
   * log α − log α = 0, and most n-grams are seen in few of a cluster's languages (1.6 of up to 35 on average in
   * the `full` preset's refiners), so up to INLINE_PAIRS weights sit in the slot itself, their classes in bits
   * 0–7 and 8–15 of the second word: the table is half the size of one holding K weights a slot, and a lookup
   * still reads one cache line. A feature seen by more classes has a row of K weights (zeros included) in
   * `overflow`, from the offset in the slot's last word. Skipping or adding the zeros changes no sum: the scores
   * are those of K weights a feature to the last bit. `slots` and `slotWeights` view the same memory.
   */
  private readonly slots: Uint32Array;
  private readonly slotWeights: Float32Array;
  private readonly overflow: Float32Array;
  /** Classes whose weights a slot holds: INLINE_PAIRS, or 0 past MAX_INLINE_CLASSES classes. */
  private readonly inlinePairs: number;
  private readonly mask: number;
  private readonly scores: Float64Array;
  private readonly buffers = new FeatureBuffers();

  private constructor(header: NaiveBayesHeader, keys: Uint32Array, counts: Uint32Array) {
    this.labels = header.labels;
    this.options = header.options;
    const K = header.labels.length;
    this.inlinePairs = K > MAX_INLINE_CLASSES ? 0 : INLINE_PAIRS;
    const mean = header.totals.reduce((sum, total) => sum + total, 0) / K;
    const scale = header.totals.map((total) => (total > 0 ? mean / total : 0));
    const { alpha } = header.options;
    const weightOf = (row: number, k: number): number => Math.log((counts[row * K + k]! * scale[k]! + alpha) / alpha);
    /** How many classes saw each feature. */
    const seen = new Uint16Array(keys.length);
    for (let row = 0; row < keys.length; row++) for (let k = 0; k < K; k++) if (counts[row * K + k] !== 0) seen[row]!++;
    let capacity = 1;
    while (capacity * MAX_LOAD < keys.length + 1) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Uint32Array(capacity * SLOT_WORDS);
    this.slotWeights = new Float32Array(this.slots.buffer);
    this.overflow = new Float32Array(seen.reduce((rows, classes) => rows + (classes > this.inlinePairs ? 1 : 0), 0) * K);
    let next = 0;
    for (let row = 0; row < keys.length; row++) {
      const at = this.slotOf(keys[row]!);
      this.slots[at] = keys[row]!;
      this.slots[at + 1] = seen[row]! << 16;
      if (seen[row]! > this.inlinePairs) {
        this.slots[at + 3] = next;
        for (let k = 0; k < K; k++) this.overflow[next + k] = weightOf(row, k);
        next += K;
        continue;
      }
      for (let k = 0, inline = 0; k < K; k++) {
        if (counts[row * K + k] === 0) continue;
        this.slots[at + 1]! |= k << (8 * inline);
        this.slotWeights[at + 2 + inline++] = weightOf(row, k);
      }
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
    const { slots, mask } = this;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
    while (slots[slot * SLOT_WORDS] !== EMPTY && slots[slot * SLOT_WORDS] !== key) slot = (slot + 1) & mask;
    return slot * SLOT_WORDS;
  }

  /** Adds the weights of the feature in the slot at offset `at` to the scores. */
  private add(at: number): void {
    const { slots, scores } = this;
    const info = slots[at + 1]!;
    const seen = info >>> 16;
    if (seen <= this.inlinePairs) {
      scores[info & 0xff]! += this.slotWeights[at + 2]!;
      if (seen === 2) scores[(info >>> 8) & 0xff]! += this.slotWeights[at + 3]!;
    } else {
      const { overflow } = this;
      const row = slots[at + 3]!;
      const K = scores.length;
      let k = 0;
      // Two classes a step: ~5% faster predictions on FLORES dev (a good part of their time is spent in this loop).
      for (; k + 1 < K; k += 2) {
        scores[k]! += overflow[row + k]!;
        scores[k + 1]! += overflow[row + k + 1]!;
      }
      if (k < K) scores[k]! += overflow[row + k]!;
    }
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
    // All lookups first, then the sums: the lookups' cache misses overlap when nothing waits on their weights.
    const { slots } = this;
    let found = 0;
    for (let start = 0; start < length; start++) {
      let hash = FNV_OFFSET;
      const end = Math.min(length, start + maxn);
      for (let at = start; at < end; at++) {
        hash = extend(hash, codePoints[at]!);
        if (!isFeature(at - start + 1, minn, codePoints, start)) continue;
        const slot = this.slotOf(keyOf(hash));
        if (slots[slot] === EMPTY) break;
        buffers.slots[found++] = slot;
      }
    }
    if (this.options.words) {
      const count = wordKeys(buffers, length, 0);
      for (let i = 0; i < count; i++) {
        const slot = this.slotOf(buffers.keys[i]!);
        if (slots[slot] !== EMPTY) buffers.slots[found++] = slot;
      }
    }
    for (let i = 0; i < found; i++) this.add(buffers.slots[i]!);
    let max = scores[0]!;
    for (let c = 1; c < K; c++) if (scores[c]! > max) max = scores[c]!;
    // The scores become the softmax's unnormalised terms.
    let sum = 0;
    for (let c = 0; c < K; c++) {
      scores[c] = Math.exp((scores[c]! - max) / this.options.temperature);
      sum += scores[c]!;
    }
    const ranked = Array.from(this.labels, (tag, c): [string, number] => [tag, scores[c]! / sum]);
    // A stable sort: ties stay in label order.
    ranked.sort((a, b) => b[1] - a[1]);
    ranked.length = Math.min(K, Math.max(1, k));
    return ranked;
  }
}

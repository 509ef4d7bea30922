/**
 * Trains one refiner per confusable cluster (cluster-refiners.ts): fastText on the cluster's languages' texts
 * only, with the same sampling and text normalisation as stage 1.
 */
import type { FastTextHyperparameters } from '../ngram/fasttext-train.js';
import type { ModelTextOptions } from '../ngram/model-text.js';
import type { QuantizeOptions } from '../ngram/quantize.js';
import type { LabeledText } from '../seed/labeled-text.js';
import { fitLines, trainingLines } from '../model/fit.js';

/**
 * Chosen on a split of the `full` preset's training data (10% of FLORES-SIB train + UDHR documents held out,
 * seed 7; each refiner scored alone on the held-out sentences of its cluster's languages, 2,582 sentences in 38
 * clusters; bench/langid/refiner.js): softmax, dim 16, character 1–4-grams and words, 50 epochs, 10,000
 * buckets: 0.858. Measured there (25 epochs, 50,000 buckets unless said): character 1–5-grams + word bigrams
 * at dim 64 0.847, at dim 32 0.848; character 1–4-grams + words at dim 32 0.847, with word bigrams 0.845 (10
 * epochs: 0.798); dim 16 0.849, with 50 epochs 0.859 (dim 32: 0.858), lr 1 0.852; 20,000 buckets and 50
 * epochs 0.858–0.860 (two runs differing only in the order of the training lines: the noise), 100 epochs
 * 0.857. 10,000 buckets take 39 MB for the 38 refiners, 20,000 take 63 MB; richer features predict 2–4× slower.
 * The clusters' texts are few: a refiner trains in seconds.
 */
export const DEFAULT_REFINER_HYPERPARAMETERS: FastTextHyperparameters = {
  dim: 16,
  epoch: 50,
  lr: 0.5,
  minn: 1,
  maxn: 4,
  wordNgrams: 1,
  bucket: 10_000,
  minCount: 1,
  loss: 'softmax',
  seed: 1,
};

/**
 * Refiners stay dense `.bin` by default: product quantization costs ~20–50 s a refiner whatever its size (k-means
 * of 256 centroids per sub-vector), minutes for a model's clusters, to save ~1 MB each. When asked for, it keeps
 * every row: a pruned dictionary looks n-grams up in a hash map (slower).
 */
export const DEFAULT_REFINER_QUANTIZE: QuantizeOptions = { cutoff: 0, dsub: 2, seed: 1 };

export interface RefinerSettings {
  hyperparameters: FastTextHyperparameters;
  quantize: QuantizeOptions | false;
}

export interface TrainedRefiner {
  /** The languages it tells apart (its labels), sorted. */
  languages: string[];
  /** `.bin` (or `.ftz` when quantized) bytes. */
  weights: Uint8Array;
}

export interface TrainRefinersOptions extends RefinerSettings {
  /** Stage 1's sampling and normalisation, so a refiner reads text as stage 1 does. */
  temperature: number;
  maxRepeat: number;
  modelText: ModelTextOptions;
  seed: number;
  log?: (message: string) => void;
}

/**
 * One refiner per cluster, over the members that have texts; a cluster left with fewer than two such members
 * gets none (nothing to tell apart).
 */
export async function trainRefiners(texts: readonly LabeledText[], clusters: readonly (readonly string[])[], options: TrainRefinersOptions): Promise<TrainedRefiner[]> {
  const byTag = new Map<string, LabeledText[]>();
  for (const text of texts) {
    const list = byTag.get(text.tag);
    if (list) list.push(text);
    else byTag.set(text.tag, [text]);
  }
  const refiners: TrainedRefiner[] = [];
  for (const cluster of clusters) {
    const languages = cluster.filter((tag) => byTag.has(tag)).sort();
    if (languages.length < 2) continue;
    const lines = trainingLines(
      languages.flatMap((tag) => byTag.get(tag) ?? []),
      options,
    );
    const started = performance.now();
    const weights = await fitLines(lines, options.hyperparameters, options.quantize);
    options.log?.(`refiner ${languages.join('+')}: ${lines.length} texts, ${Math.round(performance.now() - started) / 1000} s`);
    refiners.push({ languages, weights });
  }
  return refiners;
}

/**
 * Trains one refiner per confusable cluster (cluster-refiners.ts) on the cluster's languages' texts only, read
 * through stage 1's text normalisation: multinomial naive Bayes (naive-bayes.ts, the default), or fastText with
 * stage 1's sampling.
 */
import type { FastTextHyperparameters } from '../ngram/fasttext-train.js';
import { modelText, type ModelTextOptions } from '../ngram/model-text.js';
import type { QuantizeOptions } from '../ngram/quantize.js';
import type { LabeledText } from '../seed/labeled-text.js';
import { fitLines, trainingLines } from '../model/fit.js';
import { FastTextClassifier, type TagClassifier } from '../ngram/fasttext-classifier.js';
import { NaiveBayesClassifier, trainNaiveBayes, type NaiveBayesOptions } from './naive-bayes.js';

/**
 * Chosen on a split of the `full` preset's held-out-run training data (FLORES-SIB train + UDHR minus its held-out
 * articles; 10% of the documents held out by docId, seed 7, so translations stay on one side; each refiner scored
 * alone on the held-out sentences of its cluster's languages, 2,582 sentences in the 38 clusters of
 * `ntl langid train --preset full --no-refit`; `node bench/langid/refiner.js --settings … --tune-only`; FLORES dev
 * never used): character 1–5-grams + words, α 0.1, temperature 20: in-cluster accuracy 0.902 (mean negative
 * log-likelihood of the gold language 0.253) against the fastText refiners' 0.858 (0.463) on the same sentences —
 * Arabic varieties 0.678 vs 0.599, bos/cnr/hrv/krl/srp 0.739 vs 0.643, pes/prs 0.768 vs 0.661, ind/zsm 0.937 vs
 * 0.856, dan/nno/nob 1.000 vs 0.923, yue/zho_Hant 0.712 vs 0.622 — trained in 2–4 s for all 38 instead of ~50 s.
 * Also measured there: α 0.03 0.899, α 0.3 0.896; 1–4-grams 0.899 (half the size), 1–6-grams 0.898, 2–5-grams
 * 0.901, 3–5-grams 0.900, no words 0.899; dropping features seen once (twice) 0.889 (0.891); hashing the
 * features into 2^16 / 2^18 / 2^20 buckets instead of keeping them 0.883 / 0.897 / 0.901 (α 0.03, a prototype);
 * without balancing the classes (prototype, hashed features) 0.873–0.880 (hsn_Hans/zho_Hans 0.07–0.37: UDHR gives
 * zho_Hans far more text).
 * The temperature changes no answer, only the probabilities: log-likelihood 0.313 / 0.253 / 0.258 / 0.301 at
 * 10 / 20 / 30 / 50.
 */
export const DEFAULT_NAIVE_BAYES_OPTIONS: NaiveBayesOptions = { minn: 1, maxn: 5, words: true, alpha: 0.1, temperature: 20 };

/**
 * fastText refiners (`kind: 'fasttext'`; the default before naive Bayes), chosen on the same split: softmax,
 * dim 16, character 1–4-grams and words, 50 epochs, 10,000 buckets: 0.858. Measured there (25 epochs, 50,000
 * buckets unless said): character 1–5-grams + word bigrams at dim 64 0.847, at dim 32 0.848; character 1–4-grams
 * + words at dim 32 0.847, with word bigrams 0.845 (10 epochs: 0.798); dim 16 0.849, with 50 epochs 0.859 (dim
 * 32: 0.858), lr 1 0.852; 20,000 buckets and 50 epochs 0.858–0.860 (two runs differing only in the order of the
 * training lines: the noise), 100 epochs 0.857. 10,000 buckets take 39 MB for the 38 refiners, 20,000 take 63 MB;
 * richer features predict 2–4× slower.
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

export type RefinerSettings =
  | { kind: 'naive-bayes'; naiveBayes: NaiveBayesOptions }
  | { kind: 'fasttext'; hyperparameters: FastTextHyperparameters; quantize: QuantizeOptions | false };

/** Which sentences a refiner decides (trainModel applies it; model.json's `refineBelow` keeps the gate). */
export interface RefinerRouting {
  /**
   * Pooled confusion rate linking two languages into one refiner's cluster (confusableClusters' threshold; the
   * clusters.json handed to the filters keeps DEFAULT_CLUSTER_THRESHOLD).
   */
  clusterThreshold: number;
  /** Stage 1 answers at least this probable are kept without asking a refiner. */
  refineBelow: number;
}

/**
 * Chosen on the `full` preset's held-out run (15 epochs) with FLORES dev in view, as its clusters always were
 * (the gate too): best-label accuracy on FLORES dev / held-out UDHR (8,067 sentences; `ntl langid eval`'s nested
 * macrolanguage matching), share of dev sentences a refiner decides, and the speed of NgramLangIdModel.predict
 * with refiners relative to stage 1 alone (one process, alternating, best of 3):
 * - every answer in a cluster refined: threshold 0.05 (the filters' clusters) 0.9382 / 0.879, 18%, ×0.87; 0.03
 *   0.9433 / 0.886, 29%, ×0.78; 0.02 0.9467 / 0.892, 39%, ×0.71; 0.01 0.9558 / 0.903, 63%, ×0.45 (one cluster
 *   of 35 languages);
 * - gate 0.99: 0.05 0.9372 / 0.879, 12%, ×0.89–0.90; 0.03 0.9424 / 0.886, 16%, ×0.85; 0.02 0.9458 / 0.892, 19%,
 *   ×0.81–0.83; 0.01 0.9547 / 0.903, 27%, ×0.63;
 * - gate 0.95: 0.03 0.9403 / 0.884, 11%, ×0.87; 0.02 0.9433 / 0.890, 13%, ×0.88; 0.01 0.9522 / 0.900, 17%, ×0.70.
 * The default is 0.01 with the gate at 0.95: the full preset built with it (`--no-refit`, FLORES dev held out)
 * answers 0.9522 of dev (0.9492 with `--reject`, 1.96% und) against 0.9433 at 0.02, at 15,877 against 18,325
 * sentences per CPU-second with refiners (stage 1 alone ~22,000–23,000 either way; one process, alternating, load
 * ~1.5; since the sparse tables of naive-bayes.ts, ~17,500 against ~19,500), and holds ~500 against ~430 MB once
 * loaded (its 57 refiners are 187 MB on disk, 74 MB at 0.02). Accuracy first, as the paper's precision-first corpora
 * need; `--refiner-clusters 0.02` is the faster choice.
 */
export const DEFAULT_REFINER_ROUTING: RefinerRouting = { clusterThreshold: 0.01, refineBelow: 0.95 };

/** File extension of each kind of refiner weights: the loader reads a refiner by it. */
export type RefinerFormat = 'nb' | 'bin' | 'ftz';

export interface TrainedRefiner {
  /** The languages it tells apart (its labels), sorted. */
  languages: string[];
  /** Naive Bayes counts (`.nb`), fastText `.bin`, or `.ftz` when quantized. */
  format: RefinerFormat;
  weights: Uint8Array;
}

export type TrainRefinersOptions = RefinerSettings & {
  /** Stage 1's sampling (fastText refiners) and normalisation, so a refiner reads text as stage 1 does. */
  temperature: number;
  maxRepeat: number;
  modelText: ModelTextOptions;
  seed: number;
  log?: (message: string) => void;
};

/** A trained refiner ready to predict. */
export function refinerClassifier(refiner: TrainedRefiner): TagClassifier {
  return refiner.format === 'nb' ? NaiveBayesClassifier.fromBytes(refiner.weights) : FastTextClassifier.fromBytes(refiner.weights);
}

/** One cluster's refiner from its languages' texts. */
async function trainRefiner(texts: readonly LabeledText[], languages: string[], options: TrainRefinersOptions): Promise<{ format: RefinerFormat; weights: Uint8Array }> {
  if (options.kind === 'naive-bayes') {
    // No sampling: the classes are balanced inside the model.
    const lines = texts.map((text) => ({ tag: text.tag, text: modelText(text.text, options.modelText) }));
    return { format: 'nb', weights: trainNaiveBayes(lines, languages, options.naiveBayes) };
  }
  const weights = await fitLines(trainingLines(texts, options), options.hyperparameters, options.quantize);
  return { format: options.quantize === false ? 'bin' : 'ftz', weights };
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
    const clusterTexts = languages.flatMap((tag) => byTag.get(tag) ?? []);
    const started = performance.now();
    const { format, weights } = await trainRefiner(clusterTexts, languages, options);
    options.log?.(`refiner ${languages.join('+')}: ${clusterTexts.length} texts, ${Math.round(performance.now() - started) / 1000} s`);
    refiners.push({ languages, format, weights });
  }
  return refiners;
}

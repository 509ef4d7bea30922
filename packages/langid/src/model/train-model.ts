/**
 * Builds an n-gram model folder from labelled text: held-out split by document, temperature sampling,
 * the shared text normalisation, fastText training (one thread, fixed seed: reproducible), quantization to
 * `.ftz`, held-out evaluation, confusable clusters from its confusions (for the filters) and, from the same
 * confusions at the refiners' own threshold, one refiner per cluster (refiners/), per-language thresholds on the
 * refined answers, then (by default) a refit of stage 1 and the refiners on all the data with the same settings
 * and clusters, so the shipped weights have seen the held-out documents too. The metrics and thresholds in model.json come from the held-out run.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UND } from '@ntl/core';
import { FastTextClassifier, LABEL_PREFIX } from '../ngram/fasttext-classifier.js';
import { modelLabels, readFastText } from '../ngram/fasttext-format.js';
import type { FastTextHyperparameters } from '../ngram/fasttext-train.js';
import { DEFAULT_MODEL_TEXT_OPTIONS, type ModelTextOptions } from '../ngram/model-text.js';
import { DEFAULT_QUANTIZE_OPTIONS, type QuantizeOptions } from '../ngram/quantize.js';
import { chooseThresholds, DEFAULT_THRESHOLD_OPTIONS, type ThresholdOptions } from '../ngram/thresholds.js';
import type { LabeledText } from '../seed/labeled-text.js';
import { splitByDocument } from '../seed/split.js';
import { DEFAULT_TEMPERATURE } from '../seed/temperature.js';
import { confusableClusters, type ConfusableClusters } from '../clusters/confusable-clusters.js';
import { evaluate as scoreHeldOut } from '../eval/evaluate.js';
import { ClusterRefiners } from '../refiners/cluster-refiners.js';
import type { NaiveBayesOptions } from '../refiners/naive-bayes.js';
import {
  DEFAULT_NAIVE_BAYES_OPTIONS,
  DEFAULT_REFINER_HYPERPARAMETERS,
  DEFAULT_REFINER_QUANTIZE,
  DEFAULT_REFINER_ROUTING,
  refinerClassifier,
  trainRefiners,
  type RefinerRouting,
  type RefinerSettings,
  type TrainedRefiner,
} from '../refiners/train-refiners.js';
import { createdWith } from './created-with.js';
import { fitInWorker, fitLines, trainingLines } from './fit.js';
import { heldOutMetrics, type HeldOutMetrics } from './held-out-metrics.js';
import { MODEL_KIND, MODEL_VERSION, type LangIdModelManifest } from './manifest.js';
import { refinerFile, saveModel } from './model-folder.js';
import { NgramLangIdModel } from './ngram-model.js';

/**
 * Chosen on held-out UDHR articles (462 classes, 8,149 sentences; raw top-1 of the dense model):
 * dim 32, 1–4-grams, lr 1.0, 15 epochs, hierarchical softmax: 0.842; lr 0.5: 0.831; 2–5-grams: 0.825
 * (25 epochs 0.839); dim 16: 0.827–0.832; dim 64: 0.826; word bigrams: 0.823; without lower-casing: 0.808.
 * hs over softmax: same accuracy, cheaper top-k with hundreds of labels. Unigrams matter for Han text
 * (a Chinese sentence is one "word").
 */
export const DEFAULT_HYPERPARAMETERS: FastTextHyperparameters = {
  dim: 32,
  epoch: 15,
  lr: 1.0,
  minn: 1,
  maxn: 4,
  wordNgrams: 1,
  bucket: 500_000,
  minCount: 1,
  loss: 'hs',
  seed: 1,
};

/** Longest text (code points after normalisation) the model reads; sentences are far shorter. */
export const DEFAULT_MAX_CHARS = 1000;
export const DEFAULT_HELD_OUT_FRACTION = 0.1;
export const WEIGHTS_FILE = 'lid.ftz';

export interface TrainModelOptions {
  data: readonly LabeledText[];
  /** Held-out texts; when absent, `heldOutFraction` of data's documents are held out (by docId). */
  heldOut?: readonly LabeledText[];
  heldOutFraction?: number;
  /** Retrain on data + held-out for the final weights (default true). */
  refit?: boolean;
  /** Run the refit in a worker thread alongside the held-out run (default true; needs the built package). */
  parallel?: boolean;
  hyperparameters?: Partial<FastTextHyperparameters>;
  /** Temperature of the sampling across languages (default 3) and the cap on repeating a small language (default 100). */
  temperature?: number;
  maxRepeat?: number;
  modelText?: ModelTextOptions;
  maxChars?: number;
  thresholds?: Partial<ThresholdOptions>;
  /** `false` keeps the dense `.bin` (large); default quantizes to `.ftz`. */
  quantize?: Partial<QuantizeOptions> | false;
  /**
   * One refiner per confusable cluster (refiners/): `false` trains none; by default naive Bayes
   * (DEFAULT_NAIVE_BAYES_OPTIONS, overridden by `naiveBayes`); `kind: 'fasttext'` trains fastText ones instead,
   * with its hyperparameters (default DEFAULT_REFINER_HYPERPARAMETERS) and quantization (default none: dense `.bin`;
   * options given are applied over DEFAULT_REFINER_QUANTIZE). Either way their clusters and gate are
   * DEFAULT_REFINER_ROUTING unless given. Needs held-out data (the clusters come from its confusions).
   */
  refiners?:
    | (Partial<RefinerRouting> &
        ({ kind?: 'naive-bayes'; naiveBayes?: Partial<NaiveBayesOptions> } | { kind: 'fasttext'; hyperparameters?: Partial<FastTextHyperparameters>; quantize?: Partial<QuantizeOptions> }))
    | false;
  /** Seeds the split, the sampling and the shuffling (fastText has its own `hyperparameters.seed`). */
  seed?: number;
  /** Saves the folder there when given. */
  outDir?: string;
  /** Recorded in model.json's `training` (data sources, preset…). */
  description?: Record<string, unknown>;
  log?: (message: string) => void;
}

export interface TrainedModel {
  manifest: LangIdModelManifest;
  weights: Uint8Array;
  /** Held-out figures (also in manifest.metrics). */
  heldOut?: HeldOutMetrics;
  /** Languages the held-out run confused (paper §2.1.3), saved as `clusters.json` for the filters. */
  clusters?: ConfusableClusters;
  /** The refiners saved with the model (refit ones when refitting), in manifest.files.refiners order. */
  refiners: TrainedRefiner[];
  /** The split used: what the held-out run trained on, and what it was measured on (e.g. for the neural stage). */
  split: { train: LabeledText[]; heldOut: LabeledText[] };
}

export const CLUSTERS_FILE = 'clusters.json';

interface FitSettings {
  hyperparameters: FastTextHyperparameters;
  temperature: number;
  maxRepeat: number;
  modelText: ModelTextOptions;
  quantize: QuantizeOptions | false;
  refiners: (RefinerSettings & RefinerRouting) | false;
  seed: number;
  log: (message: string) => void;
}

/** The compiled worker; absent when running from the TypeScript sources (tests), where fits run one after the other. */
const WORKER_URL = new URL('./fit-worker.js', import.meta.url);

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 100) / 10;
}

/** Starts a fit: in a worker thread when asked and available, else on this thread (awaited by the caller). */
function startFit(texts: readonly LabeledText[], settings: FitSettings, stage: string, inWorker: boolean): { done: Promise<Uint8Array>; started: number } {
  const lines = trainingLines(texts, settings);
  settings.log(`${stage}: fastText on ${lines.length} texts (${texts.length} before temperature sampling)${inWorker ? ', in a worker thread' : ''}`);
  const started = performance.now();
  const job = { lines, hyperparameters: settings.hyperparameters, quantize: settings.quantize };
  if (inWorker) return { done: fitInWorker(job, WORKER_URL), started };
  let lastTenth = -1;
  const progress = (fraction: number): void => {
    const tenth = Math.floor(fraction * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      settings.log(`${stage}: ${tenth * 10}% (${seconds(started)} s)`);
    }
  };
  return { done: fitLines(job.lines, job.hyperparameters, job.quantize, progress), started };
}

function labelsOf(weights: Uint8Array): string[] {
  return modelLabels(readFastText(weights))
    .map((label) => label.slice(LABEL_PREFIX.length))
    .sort();
}

function manifestFor(settings: FitSettings, languages: string[], maxChars: number): LangIdModelManifest {
  return {
    kind: MODEL_KIND,
    version: MODEL_VERSION,
    languages,
    createdWith: createdWith(),
    training: {},
    metrics: {},
    files: { weights: settings.quantize === false ? 'lid.bin' : WEIGHTS_FILE },
    modelText: settings.modelText,
    maxChars,
    thresholds: {},
  };
}

interface HeldOutEvaluation {
  metrics: HeldOutMetrics;
  thresholds: Record<string, number>;
  sentencesPerSecond: number;
  /** What the model confused (rejected answers counted for their best guess): the clusters' input. */
  confusions: ReturnType<typeof scoreHeldOut>;
}

async function evaluate(model: NgramLangIdModel, heldOut: readonly LabeledText[], thresholdOptions: ThresholdOptions): Promise<HeldOutEvaluation> {
  const started = performance.now();
  const predictions = model.predict(heldOut.map((t) => t.text));
  const elapsed = (performance.now() - started) / 1000;
  const scored = predictions.flatMap((p, i) => (p.tag === UND ? [] : [{ gold: heldOut[i]?.tag ?? '', predicted: p.tag, score: p.score }]));
  const thresholds = chooseThresholds(scored, thresholdOptions);
  const rows = predictions.map((p, i) => ({
    gold: heldOut[i] as LabeledText,
    best: p.tag,
    answer: p.tag !== UND && p.score < (thresholds[p.tag] ?? 0) ? UND : p.tag,
  }));
  const confusions = scoreHeldOut(
    heldOut,
    predictions.map((p, i) => (rows[i]?.answer === UND && p.tag !== UND ? { ...p, tag: UND, reason: 'below-threshold' } : p)),
    { macro: 'no' },
  );
  return { metrics: heldOutMetrics(rows), thresholds, sentencesPerSecond: Math.round(heldOut.length / Math.max(elapsed, 1e-9)), confusions };
}

function refinerSettings(options: TrainModelOptions['refiners']): (RefinerSettings & RefinerRouting) | false {
  if (options === false) return false;
  const routing: RefinerRouting = {
    clusterThreshold: options?.clusterThreshold ?? DEFAULT_REFINER_ROUTING.clusterThreshold,
    refineBelow: options?.refineBelow ?? DEFAULT_REFINER_ROUTING.refineBelow,
  };
  if (options?.kind !== 'fasttext') return { kind: 'naive-bayes', naiveBayes: { ...DEFAULT_NAIVE_BAYES_OPTIONS, ...options?.naiveBayes }, ...routing };
  const quantize = options.quantize ? { ...DEFAULT_REFINER_QUANTIZE, ...options.quantize } : false;
  return { kind: 'fasttext', hyperparameters: { ...DEFAULT_REFINER_HYPERPARAMETERS, ...options.hyperparameters }, quantize, ...routing };
}

/** The cluster refiners of `texts`, reading text as stage 1 does (trainRefiners). */
async function fitRefiners(texts: readonly LabeledText[], clusters: readonly (readonly string[])[], settings: FitSettings, refiners: RefinerSettings, stage: string): Promise<TrainedRefiner[]> {
  const started = performance.now();
  const trained = await trainRefiners(texts, clusters, { ...refiners, temperature: settings.temperature, maxRepeat: settings.maxRepeat, modelText: settings.modelText, seed: settings.seed });
  settings.log(`${stage}: ${trained.length} cluster refiners in ${seconds(started)} s`);
  return trained;
}

function refinerSet(refiners: readonly TrainedRefiner[]): ClusterRefiners | undefined {
  if (refiners.length === 0) return undefined;
  return new ClusterRefiners(refiners.map(refinerClassifier));
}

export async function trainModel(options: TrainModelOptions): Promise<TrainedModel> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const log = options.log ?? (() => {});
  const settings: FitSettings = {
    hyperparameters: { ...DEFAULT_HYPERPARAMETERS, ...options.hyperparameters },
    temperature: options.temperature ?? DEFAULT_TEMPERATURE,
    maxRepeat: options.maxRepeat ?? 100,
    modelText: options.modelText ?? DEFAULT_MODEL_TEXT_OPTIONS,
    quantize: options.quantize === false ? false : { ...DEFAULT_QUANTIZE_OPTIONS, ...options.quantize },
    refiners: refinerSettings(options.refiners),
    seed,
    log,
  };
  const thresholdOptions = { ...DEFAULT_THRESHOLD_OPTIONS, ...options.thresholds };
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const heldOutFraction = options.heldOut ? undefined : (options.heldOutFraction ?? DEFAULT_HELD_OUT_FRACTION);
  const { train, heldOut } = options.heldOut
    ? { train: [...options.data], heldOut: [...options.heldOut] }
    : splitByDocument(options.data, { heldOutFraction: heldOutFraction ?? 0, seed });
  if (train.length === 0) throw new Error('no training texts');

  const timings: Record<string, number> = {};
  const refit = heldOut.length > 0 && (options.refit ?? true);
  // The refit needs nothing from the held-out run (same settings; thresholds come from the held-out run), so
  // with two cores both train at once.
  const parallel = refit && (options.parallel ?? true) && existsSync(fileURLToPath(WORKER_URL));
  const refitFit = refit && parallel ? startFit([...train, ...heldOut], settings, 'refit on all data', true) : undefined;
  // Awaited below; marked handled now so a worker failure during the held-out run cannot crash the process first.
  refitFit?.done.catch(() => undefined);
  const firstFit = startFit(train, settings, heldOut.length > 0 ? 'held-out run' : 'training', false);
  let weights = await firstFit.done;
  timings[heldOut.length > 0 ? 'heldOutRunSeconds' : 'fitSeconds'] = seconds(firstFit.started);

  let manifest = manifestFor(settings, labelsOf(weights), maxChars);
  let evaluation: HeldOutEvaluation | undefined;
  let stage1Metrics: HeldOutMetrics | undefined;
  let clusters: ConfusableClusters | undefined;
  // The refiners' clusters: from the same confusions, at the refiners' own threshold.
  let refinerClusters: string[][] = [];
  let refiners: TrainedRefiner[] = [];
  if (heldOut.length > 0) {
    const classifier = FastTextClassifier.fromBytes(weights);
    evaluation = await evaluate(new NgramLangIdModel(manifest, classifier), heldOut, thresholdOptions);
    const { signature } = evaluation.confusions;
    clusters = confusableClusters(evaluation.confusions.all, { signature });
    if (settings.refiners !== false) refinerClusters = confusableClusters(evaluation.confusions.all, { signature, threshold: settings.refiners.clusterThreshold }).clusters;
    log(
      `held-out: accuracy ${evaluation.metrics.accuracy} (${evaluation.metrics.accuracyBeforeThresholds} before thresholds) on ${heldOut.length} texts; ` +
        `${clusters.clusters.length} confusable clusters, ${refinerClusters.length} for refiners`,
    );
    if (settings.refiners !== false && refinerClusters.length > 0) {
      const started = performance.now();
      manifest = { ...manifest, refineBelow: settings.refiners.refineBelow };
      refiners = await fitRefiners(train, refinerClusters, settings, settings.refiners, 'held-out run');
      timings['heldOutRefinersSeconds'] = seconds(started);
      // Thresholds and metrics from the refined answers: the model answers with its refiners.
      stage1Metrics = evaluation.metrics;
      evaluation = await evaluate(new NgramLangIdModel(manifest, classifier, refinerSet(refiners)), heldOut, thresholdOptions);
      log(`held-out with refiners: accuracy ${evaluation.metrics.accuracy} (${evaluation.metrics.accuracyBeforeThresholds} before thresholds)`);
    }
  }
  if (refit) {
    const final = refitFit ?? startFit([...train, ...heldOut], settings, 'refit on all data', false);
    if (settings.refiners !== false && refiners.length > 0) {
      const started = performance.now();
      refiners = await fitRefiners([...train, ...heldOut], refinerClusters, settings, settings.refiners, 'refit on all data');
      timings['refitRefinersSeconds'] = seconds(started);
    }
    weights = await final.done;
    timings['refitSeconds'] = seconds(final.started);
  }
  timings['totalSeconds'] = seconds(started);
  const languages = labelsOf(weights);
  manifest = {
    ...manifestFor(settings, languages, maxChars),
    training: {
      ...options.description,
      texts: train.length,
      heldOutTexts: heldOut.length,
      heldOutFraction: heldOutFraction ?? null,
      refit,
      seed,
      temperature: settings.temperature,
      maxRepeat: settings.maxRepeat,
      hyperparameters: settings.hyperparameters,
      quantize: settings.quantize,
      refiners: settings.refiners,
      thresholds: thresholdOptions,
      timings,
    },
    metrics: evaluation
      ? {
          heldOut: evaluation.metrics,
          // The same held-out texts answered by stage 1 alone, when refiners changed the answers.
          ...(stage1Metrics ? { heldOutWithoutRefiners: stage1Metrics } : {}),
          heldOutSentencesPerSecond: evaluation.sentencesPerSecond,
        }
      : {},
    thresholds: Object.fromEntries(Object.entries(evaluation?.thresholds ?? {}).filter(([tag]) => languages.includes(tag))),
  };
  if (clusters) manifest.files.clusters = CLUSTERS_FILE;
  if (refiners.length > 0 && settings.refiners !== false) {
    manifest.files.refiners = refiners.map(refinerFile);
    manifest.refineBelow = settings.refiners.refineBelow;
  }
  if (options.outDir) saveModel(options.outDir, manifest, weights, clusters, refiners);
  const split = { train, heldOut };
  return evaluation && clusters
    ? { manifest, weights, split, heldOut: evaluation.metrics, clusters, refiners }
    : { manifest, weights, split, refiners };
}

/** Scores a classifier's predictions against gold labels: the numbers of `ntl langid eval` and bench/langid. */
import { UND } from '@ntl/core';
import type { LangPrediction } from '../prediction.js';
import { DEFAULT_CALIBRATION_BINS } from '../calibration/reliability.js';
import { DEFAULT_MACRO_MODE, labelResolver, type MacroMode } from './label-match.js';
import { computeMetrics, type EvalMetrics, type ScoredRow } from './metrics.js';
import { dataIdentity, evalSignature, LANGID_VERSION, type EvalLevel, type Identity } from './signature.js';

export interface GoldSentence {
  readonly tag: string;
  readonly text: string;
}

export interface EvaluateOptions {
  /** How macrolanguages compare (label-match.ts). Default `nested`. */
  readonly macro?: MacroMode;
  /**
   * Reference labels besides the gold ones (e.g. a full inventory when the data covers part of it). A prediction
   * naming one of them exactly is never credited through macrolanguage nesting. Do not pass a peer's own labels.
   */
  readonly labelSet?: readonly string[];
  /** A peer's languages: adds `supportedOnly`, the metrics over the gold sentences whose language it knows. */
  readonly supportedLanguages?: readonly string[];
  /** Who made the predictions. Default `unknown@000000000000`. */
  readonly model?: Identity;
  /** What was scored. Default: `data` with the hash of the gold tags and texts. */
  readonly data?: Identity;
  readonly level?: EvalLevel;
  /** Reliability-diagram / ECE bins. Default 15. */
  readonly bins?: number;
}

export interface EvalResult {
  readonly signature: string;
  readonly settings: {
    readonly model: Identity;
    readonly data: Identity;
    readonly level: EvalLevel;
    readonly macro: MacroMode;
    readonly bins: number;
    readonly version: string;
  };
  readonly all: EvalMetrics;
  readonly supportedOnly?: EvalMetrics & { readonly signature: string };
}

export function evaluate(gold: readonly GoldSentence[], predictions: readonly LangPrediction[], options: EvaluateOptions = {}): EvalResult {
  if (gold.length !== predictions.length) throw new RangeError(`got ${gold.length} gold sentences but ${predictions.length} predictions`);
  const { macro = DEFAULT_MACRO_MODE, level = 'sentence', bins = DEFAULT_CALIBRATION_BINS } = options;
  const model = options.model ?? { name: 'unknown', hash: '000000000000' };
  const data = options.data ?? dataIdentity('data', gold);
  const resolver = labelResolver([...gold.map(({ tag }) => tag), ...(options.labelSet ?? [])], macro);
  const rows: ScoredRow[] = gold.map(({ tag }, i) => {
    const goldTag = resolver.gold(tag);
    const prediction = predictions[i] as LangPrediction;
    const predicted = resolver.resolve(prediction.tag, goldTag);
    const guess = predicted === UND ? prediction.top[0]?.[0] : undefined;
    return { gold: goldTag, predicted, score: prediction.score, bestGuess: guess === undefined ? predicted : resolver.resolve(guess, goldTag) };
  });
  const all = computeMetrics(rows, bins);
  const sign = (metrics: EvalMetrics, subset?: string): string =>
    evalSignature({ model, data, sentences: metrics.sentences, languages: metrics.languages, level, macro, ...(subset ? { subset } : {}) });
  const result: EvalResult = { signature: sign(all), settings: { model, data, level, macro, bins, version: LANGID_VERSION }, all };
  const supported = options.supportedLanguages;
  if (supported === undefined) return result;
  const known = new Map<string, boolean>();
  const isSupported = (goldTag: string): boolean => {
    if (!known.has(goldTag)) known.set(goldTag, resolver.supports(supported, goldTag));
    return known.get(goldTag) === true;
  };
  const subset = computeMetrics(rows.filter((row) => isSupported(row.gold)), bins);
  return { ...result, supportedOnly: { ...subset, signature: sign(subset, 'supported') } };
}

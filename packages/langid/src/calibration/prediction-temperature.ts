/**
 * Temperature scaling for LangPrediction, which carries only the top-k probabilities: the labels outside
 * the top-k are lumped into one "rest" class holding the remaining mass. Exact when k covers every label;
 * otherwise the rest class behaves like a single label, which slightly understates how much mass a
 * temperature above 1 moves into the tail.
 */
import type { LangPrediction } from '../prediction.js';
import { applyTemperature } from './temperature.js';

/** Floor for the rest class (and any zero probability), so its logit stays finite. */
const MIN_MASS = 1e-9;

/** log p for each top-k entry, then log of the unlisted mass. */
export function topLogits(top: ReadonlyArray<readonly [string, number]>): number[] {
  const listed = top.reduce((sum, [, probability]) => sum + probability, 0);
  return [...top.map(([, probability]) => Math.log(Math.max(probability, MIN_MASS))), Math.log(Math.max(1 - listed, MIN_MASS))];
}

/**
 * One fitTemperature sample from a prediction: its top-k logits and the index of the true label (the rest
 * class when the truth is not listed). Undefined for a prediction without a top list (e.g. rejected input).
 */
export function temperatureSample(prediction: LangPrediction, isTrueLabel: (tag: string) => boolean): { logits: number[]; target: number } | undefined {
  if (prediction.top.length === 0) return undefined;
  const listed = prediction.top.findIndex(([tag]) => isTrueLabel(tag));
  return { logits: topLogits(prediction.top), target: listed >= 0 ? listed : prediction.top.length };
}

/** The prediction with its top-k probabilities (and `score`, when `tag` is listed) rescaled by `temperature`. */
export function calibratePrediction(prediction: LangPrediction, temperature: number): LangPrediction {
  if (prediction.top.length === 0) return prediction;
  const probabilities = applyTemperature(topLogits(prediction.top), temperature);
  const top = prediction.top.map(([tag], i): [string, number] => [tag, probabilities[i] ?? 0]);
  const own = top.find(([tag]) => tag === prediction.tag);
  return { ...prediction, top, score: own ? own[1] : prediction.score };
}

/**
 * Temperature scaling (Guo et al. 2017, "On Calibration of Modern Neural Networks"): one scalar T divides
 * every logit, chosen to minimise the negative log-likelihood of held-out labels. It changes confidences,
 * never the ranking, so accuracy is untouched.
 */
import { goldenSectionMinimum } from './golden-section.js';

export interface TemperatureOptions {
  /** Search range for T. Default [0.01, 100]: wider than any fit seen in practice, and cheap (log-scale search). */
  readonly min?: number;
  readonly max?: number;
}

export interface TemperatureFit {
  readonly temperature: number;
  /** Mean NLL of the true labels at T = 1 and at the fitted T. */
  readonly nllBefore: number;
  readonly nllAfter: number;
  readonly samples: number;
}

/** softmax(logits / T). Log-probabilities are valid logits: softmax(log p / T) = p^(1/T) / Σ p^(1/T). */
export function applyTemperature(logits: readonly number[], temperature: number): number[] {
  const scaled = logits.map((logit) => logit / temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((value) => Math.exp(value - max));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}

/** -log softmax(logits / T)[target], computed stably. */
function negativeLogLikelihood(logits: readonly number[], target: number, temperature: number): number {
  let max = -Infinity;
  for (const logit of logits) max = Math.max(max, logit / temperature);
  let sum = 0;
  for (const logit of logits) sum += Math.exp(logit / temperature - max);
  return max + Math.log(sum) - (logits[target] ?? 0) / temperature;
}

function meanNll(scores: readonly (readonly number[])[], correct: readonly number[], temperature: number): number {
  let total = 0;
  for (let i = 0; i < scores.length; i++) total += negativeLogLikelihood(scores[i] ?? [], correct[i] ?? 0, temperature);
  return total / scores.length;
}

/**
 * Fits T on held-out data. `scores[i]` are sample i's logits (or log-probabilities) over the classes it was
 * scored on; `correct[i]` is the index of its true class in `scores[i]`. NLL(1/T) is convex, so a
 * golden-section search over log T finds the minimum.
 */
export function fitTemperature(scores: readonly (readonly number[])[], correct: readonly number[], options: TemperatureOptions = {}): TemperatureFit {
  const { min = 0.01, max = 100 } = options;
  if (scores.length === 0) throw new RangeError('fitTemperature needs at least one sample');
  if (scores.length !== correct.length) throw new RangeError(`fitTemperature got ${scores.length} score vectors but ${correct.length} labels`);
  scores.forEach((logits, i) => {
    const target = correct[i] ?? -1;
    if (!Number.isInteger(target) || target < 0 || target >= logits.length) {
      throw new RangeError(`sample ${i}: true-class index ${target} is outside its ${logits.length} scores`);
    }
    if (logits.some((logit) => !Number.isFinite(logit))) throw new RangeError(`sample ${i}: scores must be finite numbers`);
  });
  const logT = goldenSectionMinimum((x) => meanNll(scores, correct, Math.exp(x)), Math.log(min), Math.log(max), { tolerance: 1e-5 });
  const temperature = Math.exp(logT);
  return { temperature, nllBefore: meanNll(scores, correct, 1), nllAfter: meanNll(scores, correct, temperature), samples: scores.length };
}

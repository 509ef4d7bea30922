/**
 * The final classifier: stage 1's and the neural model's probabilities interpolated,
 * p(l) = w · p_neural(l) + (1 − w) · p_stage1(l), with w tuned on held-out labelled text
 * (tuneInterpolationWeight). Stage 1 contributes its top `stage1K` labels (the rest of its mass is spread over
 * labels too unlikely to matter). Stage 1's defined answers for text without evidence ('empty',
 * 'no-letters', 'unknown-script') pass through unchanged, as does its script pre-check (a script only one
 * language uses keeps that language at probability ≥ 1 − w).
 */
import { UND } from '@ntl/core';
import type { LangPrediction, PredictOptions, SentenceClassifier } from '../prediction.js';
import type { NeuralLangIdModel } from './neural-model.js';
import { topK } from './top-k.js';

/** Stage 1 answers that carry no evidence to combine. */
const NO_EVIDENCE = new Set(['empty', 'no-letters', 'unknown-script']);
export const DEFAULT_STAGE1_K = 10;

/** The interpolated distribution's top k for one text. */
export function interpolate(stage1: LangPrediction, neural: Float32Array | undefined, languages: readonly string[], weight: number, k: number): LangPrediction {
  if (stage1.tag === UND && NO_EVIDENCE.has(stage1.reason ?? '')) return stage1;
  if (!neural) return stage1;
  const mixed = neural.map((p) => weight * p);
  const extra: Array<[string, number]> = [];
  for (const [tag, p] of stage1.top) {
    const index = languages.indexOf(tag);
    if (index >= 0) mixed[index] = (mixed[index] as number) + (1 - weight) * p;
    else extra.push([tag, (1 - weight) * p]);
  }
  const top = [...topK(mixed, k).map(([index, p]): [string, number] => [languages[index] as string, p]), ...extra]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, k);
  const [tag, score] = top[0] as [string, number];
  return { tag, score, top };
}

export class InterpolatedClassifier implements SentenceClassifier {
  readonly languages: readonly string[];

  constructor(
    readonly stage1: SentenceClassifier,
    readonly neural: NeuralLangIdModel,
    /** Weight of the neural model, in [0, 1]. */
    readonly weight: number,
    private readonly stage1K = DEFAULT_STAGE1_K,
  ) {
    if (!(weight >= 0 && weight <= 1)) throw new RangeError(`interpolation weight must be in [0, 1], got ${weight}`);
    this.languages = [...new Set([...stage1.languages, ...neural.languages])].sort();
  }

  /**
   * `refine` and `reject` are stage 1's (PredictOptions): its cluster refiners decide inside their clusters unless
   * refine is false, and its thresholds apply where its answer stands alone (text the neural model cannot read).
   * A mixed answer is not rejected: the thresholds were chosen on stage 1's scores, not on the mixed ones.
   */
  predict(texts: readonly string[], options: PredictOptions = {}): LangPrediction[] {
    const k = Math.max(1, Math.floor(options.k ?? 1));
    const { refine, reject } = options;
    const first = this.stage1.predict(texts, { k: Math.max(k, this.stage1K), ...(refine === undefined ? {} : { refine }), ...(reject === undefined ? {} : { reject }) });
    const neural = this.neural.probabilities(texts);
    return first.map((prediction, i) => interpolate(prediction, neural[i], this.neural.languages, this.weight, k));
  }

  /** Frees both models (stage 1 too, when it has a dispose method, as NgramLangIdModel does). */
  dispose(): void {
    this.neural.dispose();
    (this.stage1 as Partial<{ dispose: () => void }>).dispose?.();
  }
}

export interface WeightTuning {
  weight: number;
  /** Accuracy at each weight tried. */
  accuracyByWeight: Array<[number, number]>;
}

/** Weights 0, 0.1, …, 1. */
export const DEFAULT_WEIGHT_GRID = Array.from({ length: 11 }, (_, i) => i / 10);

/**
 * The weight with the best accuracy on held-out texts whose gold tags are known (ties: the smaller weight,
 * i.e. the cheaper and better-understood stage 1), from both models' predictions computed once.
 */
export function tuneInterpolationWeight(
  stage1: readonly LangPrediction[],
  neural: ReadonlyArray<Float32Array | undefined>,
  gold: readonly string[],
  languages: readonly string[],
  grid: readonly number[] = DEFAULT_WEIGHT_GRID,
): WeightTuning {
  const accuracyByWeight = grid.map((weight): [number, number] => {
    const correct = stage1.filter((prediction, i) => interpolate(prediction, neural[i], languages, weight, 1).tag === gold[i]).length;
    return [weight, gold.length === 0 ? 0 : correct / gold.length];
  });
  const [weight] = accuracyByWeight.reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best));
  return { weight, accuracyByWeight };
}

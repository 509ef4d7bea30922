import { NUMPY_FLOAT32_ARITHMETIC, type NumpyScalar } from '../metrics/arithmetic.js';
import type { Metric } from '../metrics/metric.js';
import { NumpyGenerator } from '../random/numpy-generator.js';
import { exactMean, numpyMean } from './numpy-reductions.js';

/** sacrebleu's default seed (`SACREBLEU_SEED`, default '12345'). `null` draws an unseeded generator. */
export const DEFAULT_SEED = 12345;

/** How sacrebleu writes the seed in signatures: `str(seed).lower()`. */
export const seedLabel = (seed: number | null): string => (seed === null ? 'none' : String(seed));

/** `np.random.default_rng(seed)`; without a seed NumPy pulls OS entropy, so any random seed will do. */
export function generatorFor(seed: number | null): NumpyGenerator {
  return new NumpyGenerator(seed ?? Math.floor(Math.random() * 2 ** 52));
}

/** Resampled scores with the dtype NumPy gives an array of them (float32 only if all are float32). */
export interface ResampledScores {
  readonly values: Float64Array;
  readonly float32: boolean;
}

/** Row indices of `nSamples` resamples of `n` segments: `rng.choice(n, size=(nSamples, n))`. */
export function resampleIndices(rng: NumpyGenerator, n: number, nSamples: number): Uint32Array {
  return rng.choice(n, nSamples * n);
}

/**
 * Scores of bootstrap resamples as sacrebleu computes them: statistics in a float32 array, each
 * resample summed row by row in float32 (`stats_np[idxs][k].sum(0)`), then scored under NumPy's
 * float32 promotion rules.
 */
export function resampledScores(metric: Metric, stats: Float64Array, indices: Uint32Array, nSamples: number): ResampledScores {
  const width = metric.statsWidth;
  const n = stats.length / width;
  // Float32 columns, so that each resample sums one contiguous column at a time.
  const columns = new Float32Array(stats.length);
  for (let i = 0; i < n; i++) for (let k = 0; k < width; k++) columns[k * n + i] = stats[i * width + k] as number;
  const fround = Math.fround;
  const sum = new Float64Array(width);
  const values = new Float64Array(nSamples);
  let float32 = true;
  for (let s = 0; s < nSamples; s++) {
    const rows = indices.subarray(s * n, (s + 1) * n);
    for (let k = 0; k < width; k++) {
      const column = columns.subarray(k * n, (k + 1) * n);
      let acc = 0;
      for (let i = 0; i < n; i++) acc = fround(acc + (column[rows[i] as number] as number));
      sum[k] = acc;
    }
    const score: NumpyScalar = metric.scoreValue(sum, NUMPY_FLOAT32_ARITHMETIC);
    values[s] = score.v;
    float32 &&= score.f32;
  }
  return { values, float32 };
}

/** 0.5 * (upper - lower), in float32 when both bounds are float32 scalars. */
function halfWidth(lower: number, upper: number, float32: boolean): number {
  return float32 ? Math.fround(0.5 * Math.fround(upper - lower)) : 0.5 * (upper - lower);
}

/** Bounds of the 95% interval: 1/40 of the sorted scores in from each end. */
function bounds(sorted: Float64Array): [number, number] {
  const lowerIdx = Math.floor(sorted.length / 40);
  return [sorted[lowerIdx] as number, sorted[sorted.length - lowerIdx - 1] as number];
}

/** sacrebleu `significance.estimate_ci` (paired tests): NumPy sort and mean. */
export function estimateCiNumpy(scores: ResampledScores): { mean: number; ci: number } {
  const sorted = Float64Array.from(scores.values).sort();
  const [lower, upper] = bounds(sorted);
  return { mean: numpyMean(sorted, scores.float32), ci: halfWidth(lower, upper, scores.float32) };
}

/** sacrebleu `Score.estimate_ci` (single-system `--confidence`): Python `sorted` and `statistics.mean`. */
export function estimateCiPython(scores: ResampledScores): { mean: number; ci: number } {
  const sorted = Float64Array.from(scores.values).sort();
  const [lower, upper] = bounds(sorted);
  return { mean: exactMean(sorted, scores.float32), ci: halfWidth(lower, upper, scores.float32) };
}

/** sacrebleu `_bootstrap_resample`: `nSamples` resampled scores of one system. */
export function bootstrapResample(metric: Metric, stats: Float64Array, nSamples: number, seed: number | null): ResampledScores {
  const n = stats.length / metric.statsWidth;
  return resampledScores(metric, stats, resampleIndices(generatorFor(seed), n, nSamples), nSamples);
}

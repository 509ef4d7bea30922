/**
 * Data-driven thresholds (OpusFilter's `opusfilter-autogen` PercentileFilters, Aulamo et al. 2020, per
 * language here): for each language, the threshold that excludes a given share of its units' scores — the
 * lower tail for a `min` threshold, the upper tail for a `max` one. A language with too few scores keeps the
 * global default, listed under `fallback` so the choice is visible.
 */
import type { FilterStepDefinition } from '../filter-step/define-filter.js';
import type { ThresholdSpec } from '../filter-step/threshold-spec.js';
import type { ScoreSamples } from './score-sampler.js';
import { THRESHOLDS_KIND, THRESHOLDS_VERSION, type CalibratedThreshold, type ThresholdsFile } from './thresholds-file.js';

export interface CalibrationOptions {
  readonly bound: 'min' | 'max';
  /** The global threshold: languages below minSamples keep it. */
  readonly default: number;
  /** Share of each language's units to exclude. Default 0.001, OpusFilter autogen's `excluded_percentile`. */
  readonly excluded?: number;
  /** Fewer scores than this and a language keeps the default: a tail percentile of a handful of scores is noise. Default 100 (ours). */
  readonly minSamples?: number;
  /** Calibrated values are clamped into the threshold's valid range. */
  readonly range?: { readonly min: number; readonly max: number };
  /**
   * `percentile` (default): each language's threshold is its percentile, stricter or looser than the default.
   * `loosen`: a language gets its own value only where its percentile is looser than the default — for
   * calibrating on clean seed text, where a violated default means the rule does not fit the language (Gopher's
   * 3–10 mean word length for Thai or Malayalam), while a tighter clean distribution says nothing about its web text.
   */
  readonly direction?: 'percentile' | 'loosen';
}

export const DEFAULT_EXCLUDED = 0.001;
export const DEFAULT_MIN_SAMPLES = 100;

/** The q-quantile of sorted values, linear between closest ranks (numpy's and pandas' default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('quantile of no values');
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lower + (upper - lower) * (position - below);
}

export function calibrateThresholds(
  scoresByLanguage: ReadonlyMap<string, readonly number[]> | Readonly<Record<string, readonly number[]>>,
  options: CalibrationOptions,
): CalibratedThreshold {
  const excluded = options.excluded ?? DEFAULT_EXCLUDED;
  const minSamples = options.minSamples ?? DEFAULT_MIN_SAMPLES;
  if (!(excluded >= 0 && excluded < 1)) throw new RangeError(`excluded must be in [0, 1), got ${excluded}`);
  if (!(Number.isInteger(minSamples) && minSamples >= 1)) throw new RangeError(`minSamples must be a positive integer, got ${minSamples}`);
  const entries: Array<[string, readonly number[]]> = scoresByLanguage instanceof Map ? [...scoresByLanguage] : Object.entries(scoresByLanguage as Readonly<Record<string, readonly number[]>>);
  const perLanguage: Record<string, number> = {};
  const samples: Record<string, number> = {};
  const fallback: string[] = [];
  for (const [tag, scores] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const finite = scores.filter((score) => Number.isFinite(score)).sort((a, b) => a - b);
    samples[tag] = finite.length;
    if (finite.length < minSamples) {
      fallback.push(tag);
      continue;
    }
    let value = quantile(finite, options.bound === 'min' ? excluded : 1 - excluded);
    if (options.range) value = Math.min(options.range.max, Math.max(options.range.min, value));
    const looser = options.bound === 'min' ? value < options.default : value > options.default;
    if (options.direction === 'loosen' && !looser) continue;
    perLanguage[tag] = Math.round(value * 1e6) / 1e6;
  }
  return { bound: options.bound, excluded, minSamples, default: options.default, perLanguage, samples, fallback };
}

export interface FilterCalibrationOptions {
  readonly excluded?: number;
  readonly minSamples?: number;
  /** Global values per step and threshold (the pipeline's `with`), when they differ from the defaults. */
  readonly globals?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly direction?: CalibrationOptions['direction'];
}

/**
 * A thresholds file for the given filter steps from sampled scores (ScoreSampler over an annotate-mode run):
 * every calibratable threshold whose measure was sampled gets per-language values.
 */
export function calibrateFilters(samples: ScoreSamples, steps: readonly FilterStepDefinition[], options: FilterCalibrationOptions = {}): ThresholdsFile {
  const filters: Record<string, Record<string, CalibratedThreshold>> = {};
  for (const step of steps) {
    const measures = samples.get(step.filterName);
    if (!measures) continue;
    for (const [name, spec] of Object.entries(step.thresholdSpecs) as Array<[string, ThresholdSpec]>) {
      const scores = measures.get(spec.measure);
      if (spec.calibrate === false || !scores) continue;
      const calibrated = calibrateThresholds(scores, {
        bound: spec.bound,
        default: options.globals?.[step.name]?.[name] ?? spec.default,
        range: { min: spec.min, max: spec.max },
        ...(options.excluded !== undefined ? { excluded: options.excluded } : {}),
        ...(options.minSamples !== undefined ? { minSamples: options.minSamples } : {}),
        ...(options.direction !== undefined ? { direction: options.direction } : {}),
      });
      (filters[step.name] ??= {})[name] = calibrated;
    }
  }
  return { kind: THRESHOLDS_KIND, version: THRESHOLDS_VERSION, filters };
}

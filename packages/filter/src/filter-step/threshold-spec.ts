/**
 * A filter's thresholds, declared once: each bounds one measure of the filter's scores, has a documented
 * default with its source and a valid range, and names the drop reason. Declaring them (rather than
 * comparing inside each filter) is what lets one helper do per-language overrides, calibration and accept().
 */
import { OptionError } from '@ntl/core';

export type Scores = Record<string, number>;

export interface ThresholdSpec {
  /** The key of the filter's scores this threshold bounds. */
  readonly measure: string;
  /** `min`: a unit scoring below the threshold is dropped; `max`: a unit scoring above it. */
  readonly bound: 'min' | 'max';
  readonly default: number;
  /** The valid range; values outside it in a pipeline or thresholds file are errors. */
  readonly min: number;
  readonly max: number;
  /** The drop reason (`filter.<name>.dropped.<reason>`). */
  readonly reason: string;
  /** What it means and where the default comes from (printed by `ntl steps`). */
  readonly description: string;
  /**
   * False for rule-like thresholds a percentile must not move (any blocklisted string drops; any confident
   * sentence-language mismatch drops): most units score 0 there, so an upper percentile would admit them all.
   */
  readonly calibrate?: false;
}

export type ThresholdSchema = Record<string, ThresholdSpec>;

/**
 * The OpusFilter-style accept(): the first threshold whose measure is present and out of bounds gives the
 * drop reason; undefined keeps the unit. A measure a unit has no value for (e.g. mean word length of a
 * text without spaced words) is not judged.
 */
export function accept(scores: Scores, thresholds: Readonly<Record<string, number>>, specs: ThresholdSchema): string | undefined {
  return firstFailure(Object.entries(specs), scores, thresholds);
}

/**
 * accept() for one schema and one language's thresholds, both read once into arrays (defineFilter checks
 * every unit with it, and a unit then costs a lookup of each measure, not of each threshold and spec too).
 */
export function thresholdChecker(specs: ThresholdSchema, thresholds: Readonly<Record<string, number>>): (scores: Scores) => string | undefined {
  const measures: string[] = [];
  const limits: number[] = [];
  const minimums: boolean[] = [];
  const reasons: string[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const limit = thresholds[name];
    if (limit === undefined) continue;
    measures.push(spec.measure);
    limits.push(limit);
    minimums.push(spec.bound === 'min');
    reasons.push(spec.reason);
  }
  return (scores) => {
    for (let i = 0; i < measures.length; i++) {
      const value = scores[measures[i] as string];
      if (value === undefined) continue;
      if (minimums[i] ? value < (limits[i] as number) : value > (limits[i] as number)) return reasons[i];
    }
    return undefined;
  };
}

function firstFailure(entries: ReadonlyArray<readonly [string, ThresholdSpec]>, scores: Scores, thresholds: Readonly<Record<string, number>>): string | undefined {
  // Indexed: destructuring each entry in a for…of allocates an iterator per call.
  for (let i = 0; i < entries.length; i++) {
    const [name, spec] = entries[i] as readonly [string, ThresholdSpec];
    const value = scores[spec.measure];
    const limit = thresholds[name];
    if (value === undefined || limit === undefined) continue;
    if (spec.bound === 'min' ? value < limit : value > limit) return spec.reason;
  }
  return undefined;
}

/** Checks one threshold value from a pipeline or thresholds file; `field` names where it came from. */
export function checkThreshold(field: string, spec: ThresholdSpec, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new OptionError(field, `expected a number, got ${value === null ? 'null' : typeof value}`);
  if (value < spec.min) throw new OptionError(field, `${value} is below the minimum ${spec.min}`);
  if (value > spec.max) throw new OptionError(field, `${value} is above the maximum ${spec.max}`);
  return value;
}

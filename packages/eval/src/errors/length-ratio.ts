/**
 * Length-ratio outliers, a hallucination (too long) or omission (too short) suspect. The model: for each language,
 * the mean and standard deviation of log(length in that language / length in English) over parallel sentences
 * (lengths in non-space code points), measured on FLORES-200 by bench/eval/errors.js into length-ratio-table.ts.
 * For a pair A→B the expected log ratio is mean(B) − mean(A), its spread √(sd(A)² + sd(B)²) — an overestimate
 * when the two deviations correlate, so it errs towards fewer flags.
 */
import type { PreparedItem } from './error-item.js';
import { roundConfidence, type Flag } from './flag.js';
import { LENGTH_RATIO_TABLE } from './length-ratio-table.js';
import { visibleLength } from './text-spans.js';

export interface LengthRatioOptions {
  /** Sources shorter than this (non-space code points) are left to the short-input detector. */
  minSrcChars: number;
  /** Flag when the output's log length ratio is more than this many standard deviations from the expected one. */
  maxZ: number;
}

// Calibrated: bench/eval/errors.js --calibrate (best F1 on a labelled FLORES-train + GATITOS sample; docs/eval-errors.md).
export const LENGTH_RATIO_DEFAULTS: LengthRatioOptions = { minSrcChars: 20, maxZ: 2.5 };

/** [mean log ratio to English, its standard deviation, share of outputs ending in sentence punctuation when English does]. */
export type LengthStats = readonly [mean: number, sd: number, terminalRate: number];

/** For languages and scripts the table does not know: no length difference, a wide spread. */
const UNKNOWN: LengthStats = [0, 0.35, 0.5];
/** English is the table's reference. */
const REFERENCE: LengthStats = [0, 0, 1];
/** Floor of the pair's spread (a language against itself). */
const MIN_SD = 0.05;

export function languageLengthStats(tag: string | undefined, script: string): LengthStats {
  if (tag === LENGTH_RATIO_TABLE.reference) return REFERENCE;
  return (tag === undefined ? undefined : LENGTH_RATIO_TABLE.languages[tag]) ?? LENGTH_RATIO_TABLE.scripts[script] ?? UNKNOWN;
}

export interface LengthExpectation {
  mean: number;
  sd: number;
  /** How often the target ends a translated sentence with sentence punctuation. */
  terminalRate: number;
}

export function lengthExpectation(item: PreparedItem): LengthExpectation {
  const [srcMean, srcSd] = languageLengthStats(item.srcTag, item.srcScripts.expected[0] ?? item.srcScripts.dominant);
  const [tgtMean, tgtSd, terminalRate] = languageLengthStats(item.tgt, item.tgtScripts[0] ?? item.tgt.slice(4));
  return { mean: tgtMean - srcMean, sd: Math.max(MIN_SD, Math.hypot(srcSd, tgtSd)), terminalRate };
}

/** z-score of the output's log length ratio, or undefined when the source is too short or the output empty. */
export function lengthZ(item: PreparedItem, minSrcChars: number): { z: number; ratio: number; expected: number } | undefined {
  const srcLength = visibleLength(item.src);
  const hypLength = visibleLength(item.hyp);
  if (srcLength < minSrcChars || hypLength === 0) return undefined;
  const { mean, sd } = lengthExpectation(item);
  const logRatio = Math.log(hypLength / srcLength);
  return { z: (logRatio - mean) / sd, ratio: hypLength / srcLength, expected: Math.exp(mean) };
}

/** Two-sided tail probability of a standard normal beyond |z| (Abramowitz–Stegun 7.1.26 erfc). */
export function normalTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return poly * Math.exp(-x * x);
}

export function detectLengthRatio(item: PreparedItem, options: LengthRatioOptions): Flag[] {
  const measured = lengthZ(item, options.minSrcChars);
  if (!measured || Math.abs(measured.z) <= options.maxZ) return [];
  const { z, ratio, expected } = measured;
  const long = z > 0;
  return [
    {
      mode: 'length-ratio',
      severity: Math.abs(z) >= options.maxZ + 2 ? 'high' : 'medium',
      confidence: roundConfidence(1 - normalTail(z)),
      span: { side: 'hyp', start: 0, end: item.hyp.length },
      message: `the output is ${long ? 'too long' : 'too short'}: ${ratio.toFixed(2)}× the source, expected ${expected.toFixed(2)}× (z = ${z.toFixed(1)})`,
      evidence: { direction: long ? 'long' : 'short', ratio, expected, z },
    },
  ];
}

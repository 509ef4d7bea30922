/**
 * Low round-trip chrF: the output translated back into the source language is far from the source, so the output
 * probably does not say what the source says (a hallucination suspect; paper §4 uses the same signal corpus-wide).
 */
import { sentenceChrf } from '../scoring.js';
import type { PreparedItem } from './error-item.js';
import { roundConfidence, type Flag } from './flag.js';

export interface RoundTripOptions {
  /** Flag when chrF (sacrebleu defaults) of the round trip against the source is below this. */
  minChrf: number;
}

// Calibrated on simulated round trips only (no MT system here): see docs/eval-errors.md before relying on it.
export const ROUND_TRIP_DEFAULTS: RoundTripOptions = { minChrf: 25 };

export function detectLowRoundTrip(item: PreparedItem, options: RoundTripOptions): Flag[] {
  if (item.rtt === undefined || item.src.trim() === '') return [];
  const chrf = sentenceChrf(item.rtt, [item.src]).score;
  if (chrf >= options.minChrf) return [];
  return [
    {
      mode: 'low-rtt-chrf',
      severity: chrf < options.minChrf / 2 ? 'high' : 'medium',
      confidence: roundConfidence(1 - chrf / options.minChrf),
      span: { side: 'hyp', start: 0, end: item.hyp.length },
      message: `the round trip scores chrF ${chrf.toFixed(1)} against the source (threshold ${options.minChrf})`,
      evidence: { chrf, rtt: item.rtt },
    },
  ];
}

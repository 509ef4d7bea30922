/** What every error-mode detector returns: one suspected problem of one output, with where it is. */

/** The modes, grouped as issue 5 lists them. */
export const ERROR_MODES = [
  // wrong output language or script
  'wrong-language',
  'wrong-script',
  // copied or untranslated source
  'copy',
  // repetition and degenerate loops
  'repetition',
  // hallucination suspects
  'length-ratio',
  'low-rtt-chrf',
  'novel-content',
  // lost or changed numbers, links and names
  'number-mismatch',
  'link-mismatch',
  'entity-mismatch',
  // empty or truncated output
  'empty',
  'truncated',
  // failures on short inputs
  'short-input',
  'period-trick',
  // mixed scripts and Unicode anomalies
  'mixed-script',
  'unicode-anomaly',
  // toxicity introduced
  'toxicity',
] as const;

export type ErrorMode = (typeof ERROR_MODES)[number];

export type Severity = 'low' | 'medium' | 'high';

export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high'];

/** A range of the source or the output, in UTF-16 offsets (JavaScript string indices), end exclusive. */
export interface Span {
  side: 'src' | 'hyp';
  start: number;
  end: number;
}

export interface Flag {
  mode: ErrorMode;
  severity: Severity;
  /** How sure the detector is that this is a real error, 0–1 (a heuristic score, not a calibrated probability). */
  confidence: number;
  span?: Span;
  message: string;
  /** The measurements behind the flag (scores, thresholds, the offending text). */
  evidence?: Record<string, unknown>;
}

/** Confidence rounded to 3 decimals, so JSONL stays readable and stable across platforms' last bits. */
export function roundConfidence(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}

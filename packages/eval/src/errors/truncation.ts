/**
 * Truncated output: the source ends a sentence, the output stops without sentence punctuation and is shorter
 * than the length model expects. Targets that often end sentences without punctuation (Thai) need a much shorter
 * output before the flag is raised, as the punctuation says nothing there.
 */
import type { PreparedItem } from './error-item.js';
import { roundConfidence, type Flag } from './flag.js';
import { lengthExpectation, lengthZ, normalTail } from './length-ratio.js';
import { wordSpans } from './text-spans.js';

export interface TruncationOptions {
  minSrcChars: number;
  /** Flag when the output is shorter than expected by more than this many standard deviations... */
  maxZ: number;
  /** ...where the target ends at least this share of sentences with sentence punctuation; elsewhere `fallbackMaxZ`. */
  minTerminalRate: number;
  fallbackMaxZ: number;
}

// Calibrated: bench/eval/errors.js --calibrate (best F1 on a labelled FLORES-train + GATITOS sample; docs/eval-errors.md).
export const TRUNCATION_DEFAULTS: TruncationOptions = { minSrcChars: 20, maxZ: 1, minTerminalRate: 0.5, fallbackMaxZ: 3 };

const CLOSERS = /[\s\p{Pe}\p{Pf}\p{Pi}"'»”’]+$/u;
const TERMINAL = /\p{Sentence_Terminal}$/u;

/** Whether the text ends in sentence punctuation (before closing quotes and brackets). */
export function endsSentence(text: string): boolean {
  return TERMINAL.test(text.replace(CLOSERS, ''));
}

export function detectTruncation(item: PreparedItem, options: TruncationOptions): Flag[] {
  if (!endsSentence(item.src) || endsSentence(item.hyp)) return [];
  const measured = lengthZ(item, options.minSrcChars);
  if (!measured) return [];
  const { terminalRate } = lengthExpectation(item);
  const limit = terminalRate >= options.minTerminalRate ? options.maxZ : options.fallbackMaxZ;
  if (measured.z >= -limit) return [];
  const lastWord = wordSpans(item.hyp).at(-1);
  return [
    {
      mode: 'truncated',
      severity: measured.z < -2 * limit ? 'high' : 'medium',
      confidence: roundConfidence((1 - normalTail(measured.z)) * (terminalRate >= options.minTerminalRate ? terminalRate : 0.5)),
      ...(lastWord ? { span: { side: 'hyp' as const, start: lastWord.start, end: item.hyp.length } } : {}),
      message: `the output stops without sentence punctuation at ${measured.ratio.toFixed(2)}× the source length (expected ${measured.expected.toFixed(2)}×)`,
      evidence: { z: measured.z, ratio: measured.ratio, expected: measured.expected, terminalRate },
    },
  ];
}

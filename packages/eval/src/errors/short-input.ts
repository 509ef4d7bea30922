/**
 * Failures on short inputs (single words, short phrases): models trained on sentences often answer a word with
 * nothing, the word itself, another script or a whole invented sentence (paper §5). A short source is flagged when
 * its output shows any of those; the failures found are listed in the evidence.
 */
import { sameTarget } from '../rtt/language-classifier.js';
import type { PreparedItem } from './error-item.js';
import { roundConfidence, type Flag } from './flag.js';
import { lengthExpectation } from './length-ratio.js';
import { isUnspaced } from './target-scripts.js';
import { foldForComparison, visibleLength } from './text-spans.js';

export interface ShortInputOptions {
  /** A source of at most this many words is short... */
  maxWords: number;
  /** ...or, in scripts without spaces, of at most this many letters. */
  maxUnspacedChars: number;
  /** Overlong: more non-space code points than factor × the expected length + slack. */
  overlongFactor: number;
  overlongSlack: number;
  /** Wrong script: less than this share of the output's letters in the target's script. */
  minTargetShare: number;
}

// Calibrated: bench/eval/errors.js --calibrate (best F1 on a labelled FLORES-train + GATITOS sample; docs/eval-errors.md).
export const SHORT_INPUT_DEFAULTS: ShortInputOptions = { maxWords: 3, maxUnspacedChars: 8, overlongFactor: 3, overlongSlack: 12, minTargetShare: 0.5 };

export type ShortInputFailure = 'empty' | 'copy' | 'wrong-script' | 'overlong';

export function isShortInput(item: PreparedItem, options: ShortInputOptions): boolean {
  const words = item.srcWords.length;
  if (words === 0) return false;
  return isUnspaced(item.srcScripts.expected) ? visibleLength(item.src) <= options.maxUnspacedChars : words <= options.maxWords;
}

/** What is wrong with the output of a short source (empty list: nothing). */
export function shortInputFailures(item: PreparedItem, options: ShortInputOptions): ShortInputFailure[] {
  if (item.hypWords.length === 0) return ['empty'];
  const failures: ShortInputFailure[] = [];
  const sameLanguage = item.srcTag !== undefined && sameTarget(item.srcTag, item.tgt);
  if (!sameLanguage && foldForComparison(item.hyp) === foldForComparison(item.src)) failures.push('copy');
  const { letters, inExpected } = item.hypScripts;
  if (letters > 0 && inExpected / letters < options.minTargetShare) failures.push('wrong-script');
  const expected = visibleLength(item.src) * Math.exp(lengthExpectation(item).mean);
  if (visibleLength(item.hyp) > options.overlongFactor * expected + options.overlongSlack) failures.push('overlong');
  return failures;
}

export function detectShortInput(item: PreparedItem, options: ShortInputOptions): Flag[] {
  if (!isShortInput(item, options)) return [];
  const failures = shortInputFailures(item, options);
  if (failures.length === 0) return [];
  const onlyCopy = failures.length === 1 && failures[0] === 'copy';
  return [
    {
      mode: 'short-input',
      severity: onlyCopy ? 'medium' : 'high',
      // A copied word is often right (names, loanwords); the other failures rarely are.
      confidence: roundConfidence(onlyCopy ? 0.4 : 0.8),
      span: { side: 'src', start: 0, end: item.src.length },
      message: `short input: the output is ${failures.join(', ')}`,
      evidence: { failures, hyp: item.hyp },
    },
  ];
}

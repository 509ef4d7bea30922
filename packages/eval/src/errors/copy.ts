/**
 * Copied or untranslated source: the output is the source (exactly, or by character n-grams: chrF of the output
 * against the source), or a long run of the source's words reappears in it. Skipped when source and target are
 * the same language. Links (URLs, e-mail addresses) are left out of the comparison.
 */
import { sentenceChrf } from '../scoring.js';
import { sameTarget } from '../rtt/language-classifier.js';
import type { PreparedItem } from './error-item.js';
import { roundConfidence, type Flag } from './flag.js';
import { findLinks, withoutLinks } from './links.js';
import { foldForComparison, wordSpans, type TextSpan } from './text-spans.js';

export interface CopyOptions {
  /** Shorter sources are left to the short-input detector: a copied single word is often right (names, loanwords). */
  minSrcWords: number;
  /** chrF (sacrebleu defaults) of the output against the source at or above which the output is a copy. */
  minChrf: number;
  /** A run of at least this many consecutive source words in the output is a partial copy... */
  minRunWords: number;
  /** ...when it also covers at least this share of the output's words. */
  minRunShare: number;
}

// Calibrated: bench/eval/errors.js --calibrate (best F1 on a labelled FLORES-train + GATITOS sample; docs/eval-errors.md).
export const COPY_DEFAULTS: CopyOptions = { minSrcWords: 2, minChrf: 60, minRunWords: 5, minRunShare: 0.3 };

/** Longest run of words (NFC, case-folded) that occurs in both, by dynamic programming; capped inputs. */
export function longestCommonRun(a: readonly TextSpan[], b: readonly TextSpan[], cap = 1000): { aStart: number; bStart: number; length: number } {
  const x = a.slice(0, cap).map((w) => foldForComparison(w.text));
  const y = b.slice(0, cap).map((w) => foldForComparison(w.text));
  let best = { aStart: 0, bStart: 0, length: 0 };
  let prev = new Uint16Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    const row = new Uint16Array(y.length + 1);
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] !== y[j - 1]) continue;
      const n = (prev[j - 1] as number) + 1;
      row[j] = n;
      if (n > best.length) best = { aStart: i - n, bStart: j - n, length: n };
    }
    prev = row;
  }
  return best;
}

export function detectCopy(item: PreparedItem, options: CopyOptions): Flag[] {
  if (item.srcTag !== undefined && sameTarget(item.srcTag, item.tgt)) return [];
  // Links are meant to pass through unchanged: they count neither towards a copy nor against it.
  const src = withoutLinks(item.src, findLinks(item.src));
  const hyp = withoutLinks(item.hyp, findLinks(item.hyp));
  const srcWords = wordSpans(src);
  const hypWords = wordSpans(hyp);
  if (srcWords.length < options.minSrcWords || hypWords.length === 0) return [];
  const whole = { side: 'hyp' as const, start: 0, end: item.hyp.length };
  if (foldForComparison(hyp) === foldForComparison(src)) {
    return [{ mode: 'copy', severity: 'high', confidence: 1, span: whole, message: 'the output is the source, unchanged', evidence: { chrf: 100 } }];
  }
  const chrf = sentenceChrf(hyp, [src]).score;
  if (chrf >= options.minChrf) {
    return [
      {
        mode: 'copy',
        severity: 'high',
        confidence: roundConfidence(chrf / 100),
        span: whole,
        message: `the output is nearly the source (chrF ${chrf.toFixed(1)} against it)`,
        evidence: { chrf },
      },
    ];
  }
  const run = longestCommonRun(hypWords, srcWords);
  const share = run.length / hypWords.length;
  if (run.length < options.minRunWords || share < options.minRunShare) return [];
  const first = hypWords[run.aStart] as TextSpan;
  const last = hypWords[run.aStart + run.length - 1] as TextSpan;
  return [
    {
      mode: 'copy',
      severity: 'medium',
      confidence: roundConfidence(share),
      span: { side: 'hyp', start: first.start, end: last.end },
      message: `${run.length} consecutive source words are copied into the output`,
      evidence: { chrf, runWords: run.length, share },
    },
  ];
}

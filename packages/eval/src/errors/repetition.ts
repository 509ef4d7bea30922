/**
 * Repetition and degenerate loops, the classic failure of neural decoders: a unit sequence repeated back to back
 * ("the the the", "A B C A B C A B C"), or many repeated n-grams (a sentence said twice). Units are words, or
 * letters in scripts written without spaces. The source is measured the same way: repetition it has is not flagged.
 */
import { repetitionUnits, type PreparedItem } from './error-item.js';
import { roundConfidence, type Flag } from './flag.js';
import { isUnspaced } from './target-scripts.js';
import type { TextSpan } from './text-spans.js';

export interface RepetitionOptions {
  /** Longest repeated unit sequence looked for, in words (letters count ×4 in unspaced scripts). */
  maxPeriod: number;
  /** Back-to-back copies of a sequence needed to flag... */
  minRepeats: number;
  /** ...covering at least this many words (×2 letters in unspaced scripts). */
  minCoverWords: number;
  /** N-gram length (words; ×3 letters in unspaced scripts) for the repeated-n-gram share. */
  ngram: number;
  /** Flag when at least this share of the output's n-grams occur more than once... */
  minRepeatedShare: number;
  /** ...and at least this much more than in the source. */
  minShareIncrease: number;
}

// Calibrated: bench/eval/errors.js --calibrate (best F1 on a labelled FLORES-train + GATITOS sample; docs/eval-errors.md).
export const REPETITION_DEFAULTS: RepetitionOptions = { maxPeriod: 8, minRepeats: 3, minCoverWords: 3, ngram: 3, minRepeatedShare: 0.4, minShareIncrease: 0.1 };

export interface TandemRepeat {
  /** Index of the first unit of the first copy. */
  start: number;
  period: number;
  repeats: number;
}

/** The back-to-back repeat covering the most units (then the most copies), over periods 1..maxPeriod; 1 copy when none. */
export function longestTandemRepeat(units: readonly string[], maxPeriod: number): TandemRepeat {
  let best: TandemRepeat = { start: 0, period: 1, repeats: 1 };
  for (let p = 1; p <= maxPeriod; p++) {
    let runStart = 0;
    let run = 0;
    for (let i = 0; i + p <= units.length; i++) {
      if (i + p < units.length && units[i] === units[i + p]) {
        if (run === 0) runStart = i;
        run++;
        continue;
      }
      const repeats = Math.floor((run + p) / p);
      const better = repeats * p > best.repeats * best.period || (repeats * p === best.repeats * best.period && repeats > best.repeats);
      if (repeats >= 2 && better) best = { start: runStart, period: p, repeats };
      run = 0;
    }
  }
  return best;
}

/** Share of n-gram positions whose n-gram occurs more than once, and the range of the repeated occurrences. */
export function repeatedNgramShare(units: readonly string[], n: number): { share: number; total: number; first: number; last: number } {
  const total = units.length - n + 1;
  if (total <= 0) return { share: 0, total: 0, first: -1, last: -1 };
  const keys = Array.from({ length: total }, (_, i) => units.slice(i, i + n).join('\u0000'));
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const seen = new Set<string>();
  let repeated = 0;
  let first = -1;
  let last = -1;
  keys.forEach((k, i) => {
    if ((counts.get(k) as number) > 1) repeated++;
    // The later occurrences are the repetition; the first one is the original.
    if (seen.has(k)) {
      if (first < 0) first = i;
      last = i + n - 1;
    }
    seen.add(k);
  });
  return { share: repeated / total, total, first, last };
}

const unitTexts = (spans: readonly TextSpan[]): string[] => spans.map((s) => s.text.toLowerCase());

export function detectRepetition(item: PreparedItem, options: RepetitionOptions): Flag[] {
  const units = unitTexts(item.hypUnits);
  const letters = item.unspaced;
  const srcLetters = isUnspaced(item.srcScripts.expected);
  const srcUnits = unitTexts(repetitionUnits(item.src, srcLetters));
  const flags: Flag[] = [];

  const tandem = longestTandemRepeat(units, letters ? 4 * options.maxPeriod : options.maxPeriod);
  const cover = tandem.repeats * tandem.period;
  if (tandem.repeats >= options.minRepeats && cover >= (letters ? 2 : 1) * options.minCoverWords) {
    const srcTandem = longestTandemRepeat(srcUnits, srcLetters ? 4 * options.maxPeriod : options.maxPeriod);
    if (srcTandem.repeats < tandem.repeats) {
      const first = item.hypUnits[tandem.start] as TextSpan;
      const lastIndex = tandem.start + cover - 1;
      const last = item.hypUnits[lastIndex] as TextSpan;
      const atEnd = lastIndex >= units.length - tandem.period;
      const loop = atEnd && tandem.repeats >= 2 * options.minRepeats;
      flags.push({
        mode: 'repetition',
        severity: loop ? 'high' : 'medium',
        confidence: roundConfidence(1 - 1 / tandem.repeats),
        span: { side: 'hyp', start: first.start, end: last.end },
        message: `${units.slice(tandem.start, tandem.start + tandem.period).join(letters ? '' : ' ')} ×${tandem.repeats}${loop ? ' (degenerate loop at the end)' : ''}`,
        evidence: { kind: 'tandem', period: tandem.period, repeats: tandem.repeats, atEnd, sourceRepeats: srcTandem.repeats },
      });
      return flags;
    }
  }

  const n = letters ? 3 * options.ngram : options.ngram;
  const hypShare = repeatedNgramShare(units, n);
  if (hypShare.total < 2 * n || hypShare.share < options.minRepeatedShare) return flags;
  const srcShare = repeatedNgramShare(srcUnits, srcLetters ? 3 * options.ngram : options.ngram).share;
  if (hypShare.share - srcShare < options.minShareIncrease) return flags;
  const first = item.hypUnits[hypShare.first] as TextSpan;
  const last = item.hypUnits[hypShare.last] as TextSpan;
  flags.push({
    mode: 'repetition',
    severity: 'medium',
    confidence: roundConfidence(hypShare.share),
    span: { side: 'hyp', start: first.start, end: last.end },
    message: `${Math.round(100 * hypShare.share)}% of the output's ${n}-grams are repeated (source: ${Math.round(100 * srcShare)}%)`,
    evidence: { kind: 'ngram', n, share: hypShare.share, sourceShare: srcShare },
  });
  return flags;
}

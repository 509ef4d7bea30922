import { pyRstrip, pySplit } from '../python/str.js';
import { tokenizeTercom, type TercomOptions } from '../tokenizers/tercom-tokenizer.js';
import { PYTHON_ARITHMETIC, type Arithmetic } from './arithmetic.js';
import { segmentReferences, type Metric, type ReferenceStreams, type Score } from './metric.js';
import { yesNo, type MetricSignatureEntries, type Signature } from './signature.js';
import { translationEditRate } from './ter-shifts.js';

export type TerOptions = TercomOptions;

export interface TerScore extends Score {
  /** Total edits (shifts included) against the best reference of each segment. */
  readonly numEdits: number;
  /** Sum over segments of the average reference length. */
  readonly refLength: number;
}

/** The sacrebleu TER metric (Snover et al. 2006; Tercom-compatible). Statistics: [edits, avg ref length]. */
export class Ter implements Metric<TerScore> {
  readonly name = 'TER';
  readonly statsWidth = 2;
  readonly signatureEntries: MetricSignatureEntries;
  private readonly options: TercomOptions;

  constructor(options: TerOptions = {}) {
    this.options = { ...options };
    this.signatureEntries = [
      ['case', 'c', options.caseSensitive ? 'mixed' : 'lc'],
      ['tok', 't', 'tercom'],
      ['norm', 'nr', yesNo(options.normalized ?? false)],
      ['punct', 'pn', yesNo(!(options.noPunct ?? false))],
      ['asian', 'as', yesNo(options.asianSupport ?? false)],
    ];
  }

  /** sacrebleu `TER._preprocess_segment` followed by `split()`. */
  tokenize(sent: string): string[] {
    return pySplit(tokenizeTercom(pyRstrip(sent), this.options));
  }

  segmentStats(hyps: readonly string[], refs: ReferenceStreams): Float64Array {
    const stats = new Float64Array(hyps.length * 2);
    hyps.forEach((hyp, i) => {
      // Word ids local to the segment: the edit distance only compares words for equality.
      const ids = new Map<string, number>();
      const toIds = (words: string[]): Int32Array =>
        Int32Array.from(words, (w) => {
          let id = ids.get(w);
          if (id === undefined) ids.set(w, (id = ids.size));
          return id;
        });
      const hypIds = toIds(this.tokenize(hyp));
      const refWords = segmentReferences(refs, i).map((r) => toIds(this.tokenize(r)));
      let best = 1e16;
      let refLengths = 0;
      for (const refIds of refWords) {
        const { edits, refLength } = translationEditRate(hypIds, refIds);
        refLengths += refLength;
        if (edits < best) best = edits;
      }
      stats[2 * i] = best;
      stats[2 * i + 1] = refLengths / refWords.length;
    });
    return stats;
  }

  /** sacrebleu `TER._compute_score_from_stats`. */
  scoreValue<T>(totals: ArrayLike<number>, A: Arithmetic<T>): T {
    const edits = A.stat(totals[0] as number);
    const refLength = A.stat(totals[1] as number);
    let ratio: T;
    if (A.value(refLength) > 0) ratio = A.div(edits, refLength);
    else if (A.value(edits) > 0) ratio = A.lit(1.0); // empty reference(s), non-empty hypothesis
    else ratio = A.lit(0.0); // both empty
    return A.mul(A.lit(100), ratio);
  }

  score(totals: ArrayLike<number>, signature: Signature): TerScore {
    const score = this.scoreValue(totals, PYTHON_ARITHMETIC);
    return { name: this.name, score, signature, verbose: '', numEdits: Math.trunc(totals[0] as number), refLength: totals[1] as number };
  }
}

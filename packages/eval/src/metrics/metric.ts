import type { Arithmetic } from './arithmetic.js';
import { buildSignature, type MetricSignatureEntries, type Signature, type TestSettings } from './signature.js';

/**
 * Reference streams in sacrebleu's layout: `refs[k][i]` is the k-th reference of segment i, i.e.
 * `refs[k]` holds the lines of the k-th reference file.
 */
export type ReferenceStreams = ReadonlyArray<readonly string[]>;

/** A metric score as sacrebleu reports it. */
export interface Score {
  /** `BLEU`, `chrF2`, `chrF2++`, `TER`. */
  readonly name: string;
  readonly score: number;
  readonly signature: Signature;
  /** What sacrebleu prints after the score (BLEU's precisions and brevity penalty; '' otherwise). */
  readonly verbose: string;
  /** With bootstrap resampling: mean of the resampled scores and half-width of their 95% interval. */
  readonly confidence?: { readonly mean: number; readonly ci: number };
}

/** A sacrebleu metric reduced to sufficient statistics, so corpus scores and tests share one path. */
export interface Metric<S extends Score = Score> {
  /** Score name, e.g. `chrF2++`. */
  readonly name: string;
  /** Statistics per segment. */
  readonly statsWidth: number;
  /** The metric's own signature entries (case, tokenizer, …). */
  readonly signatureEntries: MetricSignatureEntries;
  /** Per-segment statistics, row-major: `hyps.length × statsWidth`. */
  segmentStats(hyps: readonly string[], refs: ReferenceStreams): Float64Array;
  /** The score from summed statistics, computed in `arith` (Python doubles or NumPy float32). */
  scoreValue<T>(totals: ArrayLike<number>, arith: Arithmetic<T>): T;
  /** The full score object from summed statistics (Python arithmetic). */
  score(totals: ArrayLike<number>, signature: Signature): S;
}

/** Hypotheses and references that cannot be scored together. */
export class ScoringInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScoringInputError';
  }
}

/** Refuse what sacrebleu refuses: no segments, no references, streams of different lengths. */
export function checkStreams(hyps: readonly string[], refs: ReferenceStreams): void {
  if (hyps.length === 0) throw new ScoringInputError('no hypothesis segments to score');
  if (refs.length === 0) throw new ScoringInputError('no reference streams given');
  refs.forEach((stream, k) => {
    if (stream.length !== hyps.length) {
      throw new ScoringInputError(
        `reference stream ${k + 1} has ${stream.length} segments but there are ${hyps.length} hypotheses`,
      );
    }
  });
}

/** For each segment, its references across the streams (sacrebleu's `zip(*references)`). */
export function segmentReferences(refs: ReferenceStreams, i: number): string[] {
  return refs.map((stream) => stream[i] as string);
}

/** Column sums of row-major statistics, added in segment order like sacrebleu's `sum_of_lists`. */
export function sumRows(stats: Float64Array, width: number): Float64Array {
  const totals = new Float64Array(width);
  for (let off = 0; off < stats.length; off += width) {
    for (let k = 0; k < width; k++) totals[k] = (totals[k] as number) + (stats[off + k] as number);
  }
  return totals;
}

/** sacrebleu `Metric.corpus_score` without bootstrap: statistics, sum, score, signature. */
export function scoreCorpus<S extends Score>(metric: Metric<S>, hyps: readonly string[], refs: ReferenceStreams, test?: TestSettings): { score: S; stats: Float64Array } {
  checkStreams(hyps, refs);
  const stats = metric.segmentStats(hyps, refs);
  const signature = buildSignature(refs.length, metric.signatureEntries, test);
  return { score: metric.score(sumRows(stats, metric.statsWidth), signature), stats };
}

/** sacrebleu `Metric.sentence_score`: one hypothesis against its references. */
export function scoreSentence<S extends Score>(metric: Metric<S>, hyp: string, refs: readonly string[]): S {
  return scoreCorpus(metric, [hyp], refs.map((r) => [r])).score;
}

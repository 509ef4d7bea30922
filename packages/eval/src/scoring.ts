import { Bleu, type BleuOptions, type BleuScore } from './metrics/bleu.js';
import { Chrf, type ChrfOptions, type ChrfScore } from './metrics/chrf.js';
import { scoreCorpus, scoreSentence, type Metric, type ReferenceStreams, type Score } from './metrics/metric.js';
import { Ter, type TerOptions, type TerScore } from './metrics/ter.js';
import { DEFAULT_SEED, bootstrapResample, estimateCiPython, seedLabel } from './significance/bootstrap.js';

export interface ConfidenceOptions {
  /** Bootstrap resamples for a 95% confidence interval (sacrebleu `--confidence-n`); off when ≤ 1. */
  nBootstrap?: number;
  /** NumPy seed of the resampling (`SACREBLEU_SEED`); default 12345, `null` for unseeded. */
  seed?: number | null;
}

/**
 * sacrebleu `Metric.corpus_score`: the corpus-level score of `hyps` against reference streams
 * (`refs[k][i]` is the k-th reference of segment i), optionally with a bootstrap confidence interval.
 */
export function corpusScore<S extends Score>(metric: Metric<S>, hyps: readonly string[], refs: ReferenceStreams, options: ConfidenceOptions = {}): S {
  const nBootstrap = options.nBootstrap ?? 1;
  if (nBootstrap <= 1) return scoreCorpus(metric, hyps, refs).score;
  const seed = options.seed === undefined ? DEFAULT_SEED : options.seed;
  const { score, stats } = scoreCorpus(metric, hyps, refs, { bs: nBootstrap, seed: seedLabel(seed) });
  return { ...score, confidence: estimateCiPython(bootstrapResample(metric, stats, nBootstrap, seed)) };
}

/** sacrebleu `corpus_bleu` / `BLEU(...).corpus_score`. */
export function corpusBleu(hyps: readonly string[], refs: ReferenceStreams, options: BleuOptions & ConfidenceOptions = {}): BleuScore {
  return corpusScore(new Bleu(options), hyps, refs, options);
}

/** sacrebleu `sentence_bleu`: effective order is on unless turned off, as in sacrebleu. */
export function sentenceBleu(hyp: string, refs: readonly string[], options: BleuOptions = {}): BleuScore {
  return scoreSentence(new Bleu({ effectiveOrder: true, ...options }), hyp, refs);
}

/** sacrebleu `corpus_chrf` / `CHRF(...).corpus_score` (chrF++ with `wordOrder: 2`). */
export function corpusChrf(hyps: readonly string[], refs: ReferenceStreams, options: ChrfOptions & ConfidenceOptions = {}): ChrfScore {
  return corpusScore(new Chrf(options), hyps, refs, options);
}

export function sentenceChrf(hyp: string, refs: readonly string[], options: ChrfOptions = {}): ChrfScore {
  return scoreSentence(new Chrf(options), hyp, refs);
}

/** sacrebleu `corpus_ter` / `TER(...).corpus_score`. */
export function corpusTer(hyps: readonly string[], refs: ReferenceStreams, options: TerOptions & ConfidenceOptions = {}): TerScore {
  return corpusScore(new Ter(options), hyps, refs, options);
}

export function sentenceTer(hyp: string, refs: readonly string[], options: TerOptions = {}): TerScore {
  return scoreSentence(new Ter(options), hyp, refs);
}

import { codePointLength, pyLower, pyRemoveWhitespace, pySplit } from '../python/str.js';
import { PYTHON_ARITHMETIC, type Arithmetic } from './arithmetic.js';
import { IdTable, clippedMatches, codePointIds, countIds, ngramIds, tokenIds, type NgramIds } from './ngram-ids.js';
import { segmentReferences, type Metric, type ReferenceStreams, type Score } from './metric.js';
import { yesNo, type MetricSignatureEntries, type Signature } from './signature.js';

export interface ChrfOptions {
  /** Character n-gram order. Default 6. */
  charOrder?: number;
  /** Word n-gram order; 2 gives chrF++. Default 0. */
  wordOrder?: number;
  /** Weight of recall over precision. Default 2 (Popović 2016, WMT16 metrics task). */
  beta?: number;
  /** Lowercase first. Default false. */
  lowercase?: boolean;
  /** Keep whitespace inside character n-grams. Default false. */
  whitespace?: boolean;
  /** chrF++.py/Moses/NLTK epsilon smoothing instead of sacrebleu's effective order. Default false. */
  epsSmoothing?: boolean;
}

export interface ChrfScore extends Score {
  readonly charOrder: number;
  readonly wordOrder: number;
  readonly beta: number;
}

/** Python's `string.punctuation`, which chrF++ splits off word edges. */
const PUNCTS = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

/**
 * sacrebleu `CHRF._remove_punctuation` (after m-popovic/chrF): a word longer than one character
 * loses one ASCII punctuation mark from its end, or else from its start — '(hi)' gives '(hi' and ')'
 * (sacrebleu issue #124).
 */
export function chrfWords(sent: string): string[] {
  const out: string[] = [];
  for (const w of pySplit(sent)) {
    if (codePointLength(w) === 1) out.push(w);
    else if (PUNCTS.has(w.charAt(w.length - 1))) out.push(w.slice(0, -1), w.charAt(w.length - 1));
    else if (PUNCTS.has(w.charAt(0))) out.push(w.charAt(0), w.slice(1));
    else out.push(w);
  }
  return out;
}

/** The sacrebleu chrF / chrF++ metric (Popović 2015, 2017). */
export class Chrf implements Metric<ChrfScore> {
  readonly name: string;
  readonly statsWidth: number;
  readonly signatureEntries: MetricSignatureEntries;
  private readonly charOrder: number;
  private readonly wordOrder: number;
  private readonly beta: number;
  private readonly lowercase: boolean;
  private readonly whitespace: boolean;
  private readonly epsSmoothing: boolean;
  private readonly table = new IdTable();

  constructor(options: ChrfOptions = {}) {
    this.charOrder = options.charOrder ?? 6;
    this.wordOrder = options.wordOrder ?? 0;
    this.beta = options.beta ?? 2;
    this.lowercase = options.lowercase ?? false;
    this.whitespace = options.whitespace ?? false;
    this.epsSmoothing = options.epsSmoothing ?? false;
    for (const [what, v] of [['charOrder', this.charOrder], ['wordOrder', this.wordOrder]] as const) {
      if (!Number.isInteger(v) || v < 0) throw new RangeError(`chrF ${what} must be a non-negative integer, got ${v}`);
    }
    if (this.charOrder + this.wordOrder === 0) throw new RangeError('chrF needs charOrder + wordOrder > 0');
    this.name = `chrF${this.beta}${'+'.repeat(this.wordOrder)}`;
    this.statsWidth = 3 * (this.charOrder + this.wordOrder);
    this.signatureEntries = [
      ['case', 'c', this.lowercase ? 'lc' : 'mixed'],
      ['eff', 'e', yesNo(!this.epsSmoothing)],
      ['nc', 'nc', String(this.charOrder)],
      ['nw', 'nw', String(this.wordOrder)],
      ['space', 's', yesNo(this.whitespace)],
    ];
  }

  /**
   * N-gram ids of a segment's hypothesis (sequence 0) and references: sacrebleu
   * `extract_all_char_ngrams` (code points, whitespace removed unless kept) then, for chrF++,
   * `extract_word_ngrams` over `_remove_punctuation` words.
   */
  private segmentNgrams(sents: readonly string[]): NgramIds {
    const texts = sents.map((s) => (this.lowercase ? pyLower(s) : s));
    const charSeqs = codePointIds(
      texts.map((t) => (this.whitespace ? t : pyRemoveWhitespace(t))),
      this.table,
    );
    const out = ngramIds(charSeqs, this.charOrder, this.table.size, this.table);
    if (this.wordOrder > 0) {
      const words = tokenIds(texts.map(chrfWords));
      const w = ngramIds(words.seqs, this.wordOrder, words.size, this.table);
      out.ids.push(...w.ids);
      out.sizes.push(...w.sizes);
    }
    return out;
  }

  segmentStats(hyps: readonly string[], refs: ReferenceStreams): Float64Array {
    const width = this.statsWidth;
    const stats = new Float64Array(hyps.length * width);
    const candidate = new Float64Array(width);
    hyps.forEach((hyp, i) => {
      const segmentRefs = segmentReferences(refs, i);
      const { ids, sizes } = this.segmentNgrams([hyp, ...segmentRefs]);
      let bestF = -1.0;
      // The reference with the best sentence-level F-score wins (the first one on ties).
      segmentRefs.forEach((_, r) => {
        ids.forEach((seqs, order) => {
          const h = seqs[0] as Int32Array;
          const ref = seqs[r + 1] as Int32Array;
          // "Don't count hits if no reference exists for that n-gram" (sacrebleu).
          candidate[3 * order] = ref.length > 0 ? h.length : 0;
          candidate[3 * order + 1] = ref.length;
          candidate[3 * order + 2] = clippedMatches(h, countIds(ref, sizes[order] as number));
        });
        const f = this.fScore(candidate, PYTHON_ARITHMETIC);
        if (f > bestF) {
          bestF = f;
          stats.set(candidate, i * width);
        }
      });
    });
    return stats;
  }

  /** sacrebleu `CHRF._compute_f_score`, transcribed operation by operation. */
  private fScore<T>(stats: ArrayLike<number>, A: Arithmetic<T>): T {
    const eps = A.lit(1e-16);
    const factor = A.lit(this.beta ** 2);
    const onePlusFactor = A.lit(1 + this.beta ** 2);
    const order = this.charOrder + this.wordOrder;
    let score = A.lit(0.0);
    let avgPrec = A.lit(0.0);
    let avgRec = A.lit(0.0);
    let effectiveOrder = 0;
    for (let i = 0; i < order; i++) {
      const nHyp = A.stat(stats[3 * i] as number);
      const nRef = A.stat(stats[3 * i + 1] as number);
      const nMatch = A.stat(stats[3 * i + 2] as number);
      const prec = A.value(nHyp) > 0 ? A.div(nMatch, nHyp) : eps;
      const rec = A.value(nRef) > 0 ? A.div(nMatch, nRef) : eps;
      const denom = A.add(A.mul(factor, prec), rec);
      score = A.add(score, A.value(denom) > 0 ? A.div(A.mul(A.mul(onePlusFactor, prec), rec), denom) : eps);
      if (A.value(nHyp) > 0 && A.value(nRef) > 0) {
        avgPrec = A.add(avgPrec, prec);
        avgRec = A.add(avgRec, rec);
        effectiveOrder++;
      }
    }
    if (this.epsSmoothing) return A.div(A.mul(A.lit(100), score), A.lit(order));
    if (effectiveOrder === 0) {
      avgPrec = A.lit(0.0);
      avgRec = A.lit(0.0);
    } else {
      avgPrec = A.div(avgPrec, A.lit(effectiveOrder));
      avgRec = A.div(avgRec, A.lit(effectiveOrder));
    }
    if (A.value(A.add(avgPrec, avgRec)) === 0) return A.lit(0.0);
    const f = A.div(A.mul(A.mul(onePlusFactor, avgPrec), avgRec), A.add(A.mul(factor, avgPrec), avgRec));
    return A.mul(A.lit(100), f);
  }

  scoreValue<T>(totals: ArrayLike<number>, arith: Arithmetic<T>): T {
    return this.fScore(totals, arith);
  }

  score(totals: ArrayLike<number>, signature: Signature): ChrfScore {
    const score = this.fScore(totals, PYTHON_ARITHMETIC);
    return { name: this.name, score, signature, verbose: '', charOrder: this.charOrder, wordOrder: this.wordOrder, beta: this.beta };
  }
}

import { formatFixed } from '../python/format.js';
import { exp, log } from '../python/libm.js';
import { pyLower, pyRstrip, pySplit } from '../python/str.js';
import { bleuTokenizer } from '../tokenizers/bleu-tokenizers.js';
import { PYTHON_ARITHMETIC, type Arithmetic } from './arithmetic.js';
import { IdTable, clippedMatches, countIds, ngramIds, tokenIds } from './ngram-ids.js';
import { segmentReferences, type Metric, type ReferenceStreams, type Score } from './metric.js';
import { yesNo, type MetricSignatureEntries, type Signature } from './signature.js';

export type SmoothMethod = 'exp' | 'floor' | 'add-k' | 'none';

/**
 * sacrebleu `BLEU.SMOOTH_DEFAULTS`, from Chen & Cherry (2014), "A Systematic Comparison of
 * Smoothing Techniques for Sentence-Level BLEU".
 */
export const SMOOTH_DEFAULTS: Readonly<Record<SmoothMethod, number | null>> = {
  none: null,
  floor: 0.1,
  'add-k': 1,
  exp: null,
};

export interface BleuOptions {
  /** `13a` (default), `intl`, `char` or `none`. */
  tokenize?: string;
  /** Lowercase hypotheses and references first. Default false. */
  lowercase?: boolean;
  /** Default `exp`. */
  smoothMethod?: SmoothMethod;
  /** For `floor` and `add-k`; defaults to `SMOOTH_DEFAULTS`. */
  smoothValue?: number;
  /** Highest n-gram order. Default 4. */
  maxNgramOrder?: number;
  /** Stop at the highest order with any n-grams. Default false (true in `sentenceBleu`). */
  effectiveOrder?: boolean;
}

export interface BleuScore extends Score {
  /** Matched n-grams per order (after add-k smoothing, as sacrebleu reports them). */
  readonly counts: number[];
  /** Hypothesis n-grams per order (after add-k smoothing). */
  readonly totals: number[];
  /** Percent precisions per order. */
  readonly precisions: number[];
  /** Brevity penalty. */
  readonly bp: number;
  readonly sysLen: number;
  readonly refLen: number;
  readonly ratio: number;
}

const SMOOTH_METHODS: readonly string[] = Object.keys(SMOOTH_DEFAULTS);

/** sacrebleu `my_log`: log floored to a huge negative number at zero (`math.log`: correctly rounded). */
const myLog = (x: number): number => (x === 0 ? -9999999999 : log(x));

/** sacrebleu `_get_closest_ref_len`: the nearest reference length, the shorter one on ties. */
function closestRefLength(hypLen: number, refLens: readonly number[]): number {
  let closestDiff = -1;
  let closestLen = -1;
  for (const refLen of refLens) {
    const diff = Math.abs(hypLen - refLen);
    if (closestDiff === -1 || diff < closestDiff) {
      closestDiff = diff;
      closestLen = refLen;
    } else if (diff === closestDiff && refLen < closestLen) {
      closestLen = refLen;
    }
  }
  return closestLen;
}

interface BleuParts<T> {
  score: number;
  counts: T[];
  totals: T[];
  precisions: T[];
  bp: number;
  sysLen: number;
  refLen: number;
}

/** The sacrebleu BLEU metric. */
export class Bleu implements Metric<BleuScore> {
  readonly name = 'BLEU';
  readonly statsWidth: number;
  readonly signatureEntries: MetricSignatureEntries;
  private readonly tokenizer: (line: string) => string;
  private readonly lowercase: boolean;
  private readonly smoothMethod: SmoothMethod;
  private readonly smoothValue: number;
  private readonly maxOrder: number;
  private readonly effectiveOrder: boolean;
  private readonly table = new IdTable();

  constructor(options: BleuOptions = {}) {
    const tokenize = options.tokenize ?? '13a';
    this.tokenizer = bleuTokenizer(tokenize);
    this.lowercase = options.lowercase ?? false;
    this.smoothMethod = options.smoothMethod ?? 'exp';
    if (!SMOOTH_METHODS.includes(this.smoothMethod)) {
      throw new RangeError(`unknown BLEU smoothing method '${this.smoothMethod}'; expected one of ${SMOOTH_METHODS.join(', ')}`);
    }
    const smoothDefault = SMOOTH_DEFAULTS[this.smoothMethod];
    this.smoothValue = options.smoothValue ?? smoothDefault ?? 0;
    this.maxOrder = options.maxNgramOrder ?? 4;
    if (!Number.isInteger(this.maxOrder) || this.maxOrder < 1) throw new RangeError(`maxNgramOrder must be a positive integer, got ${this.maxOrder}`);
    this.effectiveOrder = options.effectiveOrder ?? false;
    this.statsWidth = 2 + 2 * this.maxOrder;
    // BLEUSignature: the smoothing value is shown for methods that take one, default or not.
    const smooth = smoothDefault === null ? this.smoothMethod : `${this.smoothMethod}[${formatFixed(this.smoothValue, 2)}]`;
    this.signatureEntries = [
      ['case', 'c', this.lowercase ? 'lc' : 'mixed'],
      ['eff', 'e', yesNo(this.effectiveOrder)],
      ['tok', 'tok', tokenize],
      ['smooth', 's', smooth],
    ];
  }

  /** sacrebleu `_preprocess_segment`: optional lowercasing, then the tokenizer on the rstripped line. */
  tokenize(sent: string): string[] {
    return pySplit(this.tokenizer(pyRstrip(this.lowercase ? pyLower(sent) : sent)));
  }

  segmentStats(hyps: readonly string[], refs: ReferenceStreams): Float64Array {
    const n = this.maxOrder;
    const stats = new Float64Array(hyps.length * this.statsWidth);
    hyps.forEach((hyp, i) => {
      const { seqs, size } = tokenIds([hyp, ...segmentReferences(refs, i)].map((s) => this.tokenize(s)));
      const { ids, sizes } = ngramIds(seqs, n, size, this.table);
      const hypLen = (seqs[0] as Int32Array).length;
      const off = i * this.statsWidth;
      stats[off] = hypLen;
      stats[off + 1] = closestRefLength(hypLen, seqs.slice(1).map((r) => r.length));
      ids.forEach((orderIds, k) => {
        // Reference counts merged by maximum over references (sacrebleu `_extract_reference_info`).
        const refMax = new Int32Array(sizes[k] as number);
        for (const ref of orderIds.slice(1)) {
          const counts = countIds(ref, refMax.length);
          for (let id = 0; id < refMax.length; id++) if ((counts[id] as number) > (refMax[id] as number)) refMax[id] = counts[id] as number;
        }
        const hypIds = orderIds[0] as Int32Array;
        stats[off + 2 + k] = clippedMatches(hypIds, refMax);
        stats[off + 2 + n + k] = hypIds.length;
      });
    });
    return stats;
  }

  /** sacrebleu `BLEU.compute_bleu` on `[sys_len, ref_len, correct…, total…]`. */
  private compute<T>(totals: ArrayLike<number>, A: Arithmetic<T>): BleuParts<T> {
    const n = this.maxOrder;
    // int(stats[0]) / int(stats[1]): Python ints whatever the array type.
    const sysLen = Math.trunc(A.value(A.stat(totals[0] as number)));
    const refLen = Math.trunc(A.value(A.stat(totals[1] as number)));
    const counts: T[] = [];
    const tot: T[] = [];
    for (let k = 0; k < n; k++) {
      counts.push(A.stat(totals[2 + k] as number));
      tot.push(A.stat(totals[2 + n + k] as number));
    }
    let bp = 1.0;
    if (sysLen < refLen) bp = sysLen > 0 ? exp(1 - refLen / sysLen) : 0.0;
    const precisions: T[] = Array.from({ length: n }, () => A.lit(0.0));
    const parts = { counts, totals: tot, precisions, bp, sysLen, refLen };
    // Early stop if there are no matches (sacrebleu #141).
    if (!counts.some((c) => A.value(c) !== 0)) return { score: 0.0, ...parts };

    const hundred = A.lit(100.0);
    let smoothMteval = 1.0;
    let effOrder = n;
    for (let k = 1; k <= n; k++) {
      if (this.smoothMethod === 'add-k' && k > 1) {
        counts[k - 1] = A.add(counts[k - 1] as T, A.lit(this.smoothValue));
        tot[k - 1] = A.add(tot[k - 1] as T, A.lit(this.smoothValue));
      }
      const total = tot[k - 1] as T;
      if (A.value(total) === 0) break;
      if (this.effectiveOrder) effOrder = k;
      const correct = counts[k - 1] as T;
      if (A.value(correct) === 0) {
        if (this.smoothMethod === 'exp') {
          smoothMteval *= 2;
          precisions[k - 1] = A.div(hundred, A.mul(A.lit(smoothMteval), total));
        } else if (this.smoothMethod === 'floor') {
          precisions[k - 1] = A.div(A.mul(hundred, A.lit(this.smoothValue)), total);
        }
      } else {
        precisions[k - 1] = A.div(A.mul(hundred, correct), total);
      }
    }
    let logSum = 0;
    for (let k = 0; k < effOrder; k++) logSum += myLog(A.value(precisions[k] as T));
    return { score: bp * exp(logSum / effOrder), ...parts };
  }

  scoreValue<T>(totals: ArrayLike<number>, arith: Arithmetic<T>): T {
    // compute_bleu returns a Python float in both arithmetics (bp * math.exp(...)).
    return arith.lit(this.compute(totals, arith).score);
  }

  score(totals: ArrayLike<number>, signature: Signature): BleuScore {
    const p = this.compute(totals, PYTHON_ARITHMETIC);
    const ratio = p.refLen ? p.sysLen / p.refLen : 0;
    const verbose =
      `${p.precisions.map((x) => formatFixed(x, 1)).join('/')} (BP = ${formatFixed(p.bp, 3)} ` +
      `ratio = ${formatFixed(ratio, 3)} hyp_len = ${p.sysLen} ref_len = ${p.refLen})`;
    return { name: this.name, score: p.score, signature, verbose, counts: p.counts, totals: p.totals, precisions: p.precisions, bp: p.bp, sysLen: p.sysLen, refLen: p.refLen, ratio };
  }
}

import { PYTHON_ARITHMETIC } from '../metrics/arithmetic.js';
import { checkStreams, sumRows, type Metric, type ReferenceStreams } from '../metrics/metric.js';
import { buildSignature, type Signature } from '../metrics/signature.js';
import { DEFAULT_SEED, bootstrapResample, estimateCiNumpy, generatorFor, resampleIndices, resampledScores, seedLabel } from './bootstrap.js';
import { numpyMean } from './numpy-reductions.js';

export interface NamedSystem {
  readonly name: string;
  readonly hyps: readonly string[];
}

export interface PairedTestOptions {
  /** Resamples (bootstrap, default 1000) or trials (approximate randomization, default 10000). */
  nSamples?: number;
  /** Seed of NumPy's generator, as `SACREBLEU_SEED`; default 12345, `null` for an unseeded run. */
  seed?: number | null;
}

export interface ApproxRandomizationOptions extends PairedTestOptions {
  /** Bootstrap resamples for confidence intervals alongside AR; -1 (default) for none, 0 for 1000. */
  nConfidence?: number;
}

/** One system's result for one metric (sacrebleu `significance.Result`). */
export interface PairedResult {
  readonly score: number;
  /** Absent for the baseline. */
  readonly pValue?: number;
  /** Bootstrap estimate of the true mean and half-width of its 95% interval, when computed. */
  readonly mean?: number;
  readonly ci?: number;
}

export interface PairedMetricResults {
  /** Score name (`BLEU`, `chrF2`, …). */
  readonly name: string;
  /** sacrebleu's signature of the test: with the `bs`/`ar` sample counts and the seed. */
  readonly signature: Signature;
  /** Baseline first, then each system in the order given. */
  readonly results: readonly PairedResult[];
}

export interface PairedTestResult {
  readonly test: 'bs' | 'ar';
  readonly nSamples: number;
  /** Baseline first. */
  readonly systems: readonly string[];
  readonly metrics: readonly PairedMetricResults[];
}

/** sacrebleu `_compute_p_value` (after multeval): (count of sample statistics > observed + 1) / (n + 1). */
function pValue(sampleStats: ArrayLike<number>, observed: number, float32: boolean): number {
  // NumPy compares a float32 array with a Python float in float32 (NEP 50).
  const threshold = float32 ? Math.fround(observed) : observed;
  let c = 0;
  for (let i = 0; i < sampleStats.length; i++) if ((sampleStats[i] as number) > threshold) c++;
  return (c + 1) / (sampleStats.length + 1);
}

interface SystemStats {
  stats: Float64Array;
  score: number;
}

function systemStats(metric: Metric, hyps: readonly string[], refs: ReferenceStreams): SystemStats {
  checkStreams(hyps, refs);
  const stats = metric.segmentStats(hyps, refs);
  return { stats, score: metric.scoreValue(sumRows(stats, metric.statsWidth), PYTHON_ARITHMETIC) };
}

/**
 * The seed of each system's test: sacrebleu passes `self._seed if self._seed else None`, so a seed
 * of 0 leaves the system tests unseeded while the baseline's bootstrap still uses 0.
 */
const systemSeed = (seed: number | null): number | null => (seed ? seed : null);

/** sacrebleu `_paired_bs_test` for one metric and one system. */
function pairedBootstrapOne(metric: Metric, bl: SystemStats, sys: SystemStats, indices: Uint32Array, nSamples: number): PairedResult {
  const diff = Math.abs(bl.score - sys.score);
  const scoresBl = resampledScores(metric, bl.stats, indices, nSamples);
  const scoresSys = resampledScores(metric, sys.stats, indices, nSamples);
  const { mean, ci } = estimateCiNumpy(scoresSys);
  // Element-wise NumPy arithmetic: float32 only if both score arrays are float32.
  const float32 = scoresBl.float32 && scoresSys.float32;
  const round = float32 ? Math.fround : (x: number) => x;
  const sampleDiffs = scoresSys.values.map((s, k) => Math.abs(round(s - (scoresBl.values[k] as number))));
  const meanDiff = numpyMean(sampleDiffs, float32);
  const centered = sampleDiffs.map((d) => round(d - meanDiff));
  return { score: sys.score, pValue: pValue(centered, diff, float32), mean, ci };
}

/**
 * Scores of the two pseudo-systems of each approximate-randomization trial: trial t gives segment
 * i's baseline statistics to pseudo-system A when `swap[t * n + i]` is set, else the system's
 * (sacrebleu: `pos_sel @ bl_stats + neg_sel @ sys_stats` and the reverse). Computed as
 * A = Σ sys + Σ_swapped (bl − sys) and B = Σ bl − Σ_swapped (bl − sys) over the segments where
 * the systems differ: the same numbers whenever the sums are exact, i.e. for integer statistics
 * (BLEU, chrF, TER edits) and TER reference lengths averaged over one or two references.
 */
function shuffledScores(metric: Metric, bl: Float64Array, sys: Float64Array, swap: Uint8Array, nTrials: number): Float64Array {
  const width = metric.statsWidth;
  const n = bl.length / width;
  const totalBl = sumRows(bl, width);
  const totalSys = sumRows(sys, width);
  const rows: number[] = [];
  const deltas: number[] = [];
  for (let i = 0; i < n; i++) {
    const off = i * width;
    let same = true;
    for (let k = 0; k < width && same; k++) same = bl[off + k] === sys[off + k];
    if (same) continue;
    rows.push(i);
    for (let k = 0; k < width; k++) deltas.push((bl[off + k] as number) - (sys[off + k] as number));
  }
  const delta = Float64Array.from(deltas);
  const d = new Float64Array(width);
  const a = new Float64Array(width);
  const b = new Float64Array(width);
  const out = new Float64Array(2 * nTrials);
  for (let t = 0; t < nTrials; t++) {
    d.fill(0);
    const base = t * n;
    for (let j = 0; j < rows.length; j++) {
      if (!swap[base + (rows[j] as number)]) continue;
      const off = j * width;
      for (let k = 0; k < width; k++) d[k] = (d[k] as number) + (delta[off + k] as number);
    }
    for (let k = 0; k < width; k++) {
      a[k] = (totalSys[k] as number) + (d[k] as number);
      b[k] = (totalBl[k] as number) - (d[k] as number);
    }
    // int64 / float64 statistics: scored in Python-double arithmetic.
    out[2 * t] = metric.scoreValue(a, PYTHON_ARITHMETIC);
    out[2 * t + 1] = metric.scoreValue(b, PYTHON_ARITHMETIC);
  }
  return out;
}

/** sacrebleu `_paired_ar_test` for one metric and one system. */
function pairedArOne(metric: Metric, bl: SystemStats, sys: SystemStats, swap: Uint8Array, nTrials: number, confidence: { indices: Uint32Array; n: number } | null): PairedResult {
  const diff = Math.abs(bl.score - sys.score);
  const shuffled = shuffledScores(metric, bl.stats, sys.stats, swap, nTrials);
  const absDiffs = new Float64Array(nTrials);
  for (let t = 0; t < nTrials; t++) absDiffs[t] = Math.abs((shuffled[2 * t] as number) - (shuffled[2 * t + 1] as number));
  const result: PairedResult = { score: sys.score, pValue: pValue(absDiffs, diff, false) };
  if (!confidence) return result;
  return { ...result, ...estimateCiNumpy(resampledScores(metric, sys.stats, confidence.indices, confidence.n)) };
}

function signatureFor(metric: Metric, nrefs: number, test: 'bs' | 'ar', nSamples: number, nConfidence: number, seed: number | null): Signature {
  const settings = test === 'bs' ? { bs: nSamples } : { ar: nSamples, ...(nConfidence > 0 ? { bs: nConfidence } : {}) };
  return buildSignature(nrefs, metric.signatureEntries, { ...settings, seed: seedLabel(seed) });
}

/** The part of sacrebleu's `PairedTest` shared by both tests: baseline statistics and its CI. */
function runPaired(
  test: 'bs' | 'ar',
  baseline: NamedSystem,
  systems: readonly NamedSystem[],
  refs: ReferenceStreams,
  metrics: readonly Metric[],
  nSamples: number,
  nConfidence: number,
  seed: number | null,
): PairedTestResult {
  if (systems.length === 0) throw new RangeError('paired tests need at least one system besides the baseline');
  if (!Number.isInteger(nSamples) || nSamples < 1) throw new RangeError(`nSamples must be a positive integer, got ${nSamples}`);
  const n = baseline.hyps.length;
  const confidenceN = test === 'bs' ? nSamples : nConfidence;
  const bls = metrics.map((metric) => systemStats(metric, baseline.hyps, refs));

  // One generator per system, freshly seeded: every system sees the same draws.
  const draws = () => {
    const rng = generatorFor(systemSeed(seed));
    if (test === 'bs') return { indices: resampleIndices(rng, n, nSamples), swap: null, confidence: null };
    const swap = rng.booleans(nSamples * n);
    const confidence = nConfidence > 0 ? { indices: resampleIndices(rng, n, nConfidence), n: nConfidence } : null;
    return { indices: null, swap, confidence };
  };

  const perSystem = systems.map((system) => {
    const d = draws();
    return metrics.map((metric, m) => {
      const bl = bls[m] as SystemStats;
      const sys = systemStats(metric, system.hyps, refs);
      if (d.indices) return pairedBootstrapOne(metric, bl, sys, d.indices, nSamples);
      return pairedArOne(metric, bl, sys, d.swap as Uint8Array, nSamples, d.confidence);
    });
  });

  return {
    test,
    nSamples,
    systems: [baseline.name, ...systems.map((s) => s.name)],
    metrics: metrics.map((metric, m) => {
      const bl = bls[m] as SystemStats;
      const baselineResult: PairedResult =
        confidenceN > 0 ? { score: bl.score, ...estimateCiNumpy(bootstrapResample(metric, bl.stats, confidenceN, seed)) } : { score: bl.score };
      return {
        name: metric.name,
        signature: signatureFor(metric, refs.length, test, nSamples, nConfidence, seed),
        results: [baselineResult, ...perSystem.map((r) => r[m] as PairedResult)],
      };
    }),
  };
}

/**
 * sacrebleu's paired bootstrap resampling test (`--paired-bs`, after Koehn 2004 and Moses'
 * bootstrap-hypothesis-difference-significance.pl): each system against the baseline, with
 * p-values, bootstrap means and 95% confidence intervals. Draws match NumPy's for the same seed.
 */
export function pairedBootstrap(baseline: NamedSystem, systems: readonly NamedSystem[], refs: ReferenceStreams, metrics: readonly Metric[], options: PairedTestOptions = {}): PairedTestResult {
  return runPaired('bs', baseline, systems, refs, metrics, options.nSamples ?? 1000, -1, options.seed === undefined ? DEFAULT_SEED : options.seed);
}

/**
 * sacrebleu's paired approximate randomization test (`--paired-ar`, after multeval's stratified
 * AR): p-values from `nSamples` random swaps of segments between baseline and system.
 */
export function pairedApproxRandomization(baseline: NamedSystem, systems: readonly NamedSystem[], refs: ReferenceStreams, metrics: readonly Metric[], options: ApproxRandomizationOptions = {}): PairedTestResult {
  const nConfidence = options.nConfidence === 0 ? 1000 : (options.nConfidence ?? -1);
  return runPaired('ar', baseline, systems, refs, metrics, options.nSamples ?? 10000, nConfidence, options.seed === undefined ? DEFAULT_SEED : options.seed);
}

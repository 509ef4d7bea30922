/**
 * Score histograms for the run report ("score histograms with the thresholds drawn"). Like counters they
 * fold by summing, so each rank keeps its own and finalisation adds them; for that the bins are fixed in
 * advance rather than chosen from the data, and two binnings cover the filters' measures:
 * - `share`, for measures bounded to [0, 1]: 20 bins of 0.05 (1 itself falls in the last);
 * - `log`, for counts and unbounded ratios: a bin for 0 (and below), then quarter octaves
 *   [2^(k/4), 2^((k+1)/4)) from k = −40 (values under 2^−10 share the first) to k = 159 (2^40 and up share the
 *   last), so that 3 words and 30,000 words are both readable on one axis.
 */
export type HistogramScale = 'share' | 'log';

/** A threshold drawn over the histogram: units below a `min` mark, or above a `max` mark, are dropped. */
export interface HistogramMark {
  readonly name: string;
  readonly bound: 'min' | 'max';
  readonly value: number;
}

export interface HistogramSnapshot {
  scale: HistogramScale;
  marks: HistogramMark[];
  /** The non-empty bins, bin index (as a string) → count. */
  bins: Record<string, number>;
}

const SHARE_BINS = 20;
const LOG_STEPS_PER_OCTAVE = 4;
const LOG_LOWEST_STEP = -40;
const LOG_STEPS = 200;

export function binCount(scale: HistogramScale): number {
  return scale === 'share' ? SHARE_BINS : LOG_STEPS + 1;
}

/** The bin a value falls in. NaN counts in the first bin rather than corrupting an index. */
export function binOf(scale: HistogramScale, value: number): number {
  if (scale === 'share') return value >= 1 ? SHARE_BINS - 1 : value > 0 ? Math.floor(value * SHARE_BINS) : 0;
  if (!(value > 0)) return 0;
  const step = Math.floor(LOG_STEPS_PER_OCTAVE * Math.log2(value)) - LOG_LOWEST_STEP;
  return 1 + (step < 0 ? 0 : step >= LOG_STEPS ? LOG_STEPS - 1 : step);
}

/**
 * Where a value sits on the histogram's axis, in bins from the axis's start (bin i spans [i, i + 1)):
 * continuous, so that a threshold line falls inside its bin at the right place.
 */
export function axisPosition(scale: HistogramScale, value: number): number {
  if (scale === 'share') return Math.min(Math.max(value, 0), 1) * SHARE_BINS;
  if (!(value > 0)) return 1;
  const step = LOG_STEPS_PER_OCTAVE * Math.log2(value) - LOG_LOWEST_STEP;
  return 1 + Math.min(Math.max(step, 0), LOG_STEPS);
}

/** The values bin `bin` holds, as [low, high) (the zero bin of a log histogram is [−∞, 0]). */
export function binRange(scale: HistogramScale, bin: number): [number, number] {
  if (scale === 'share') return [bin / SHARE_BINS, (bin + 1) / SHARE_BINS];
  if (bin === 0) return [-Infinity, 0];
  const step = bin - 1 + LOG_LOWEST_STEP;
  return [2 ** (step / LOG_STEPS_PER_OCTAVE), 2 ** ((step + 1) / LOG_STEPS_PER_OCTAVE)];
}

export class Histogram {
  private readonly counts: Float64Array;

  constructor(
    readonly scale: HistogramScale,
    readonly marks: readonly HistogramMark[],
  ) {
    this.counts = new Float64Array(binCount(scale));
  }

  add(value: number): void {
    const bin = binOf(this.scale, value);
    this.counts[bin] = (this.counts[bin] as number) + 1;
  }

  snapshot(): HistogramSnapshot {
    const bins: Record<string, number> = {};
    this.counts.forEach((count, bin) => {
      if (count > 0) bins[String(bin)] = count;
    });
    return { scale: this.scale, marks: [...this.marks], bins };
  }
}

/**
 * Adds `from` into `into` bin by bin. Ranks run one configuration, so their marks agree; should they not (a
 * hand-merged run), the first snapshot's are kept.
 */
export function mergeHistogramInto(into: HistogramSnapshot, from: HistogramSnapshot): void {
  if (into.scale !== from.scale) throw new Error(`cannot merge a ${from.scale} histogram into a ${into.scale} one`);
  for (const [bin, count] of Object.entries(from.bins)) into.bins[bin] = (into.bins[bin] ?? 0) + count;
}

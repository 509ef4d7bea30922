/**
 * The score histograms a filter step keeps for the run report: per language and unit kind (documents,
 * sentences), one per measure a threshold bounds, with that language's thresholds as the marks to draw.
 * Measures no threshold bounds are not kept: they would grow stats.json without a line to read them against.
 */
import type { Histogram, HistogramMark, HistogramScale, Stats } from '@ntl/core';
import type { Scores, ThresholdSchema } from './threshold-spec.js';

interface MeasureHistogram {
  readonly measure: string;
  readonly scale: HistogramScale;
  readonly marks: readonly HistogramMark[];
}

/**
 * One entry per thresholded measure, in the order of the filter's thresholds. A measure is a share when
 * every threshold on it is limited to [0, 1]; otherwise its histogram is logarithmic. A mark that cannot
 * drop anything (a minimum at the bottom of its range, e.g. `minChars` 0 = off) is not drawn.
 */
export function measureHistograms(specs: ThresholdSchema, thresholds: Readonly<Record<string, number>>): MeasureHistogram[] {
  const byMeasure = new Map<string, { share: boolean; marks: HistogramMark[] }>();
  for (const [name, spec] of Object.entries(specs)) {
    let entry = byMeasure.get(spec.measure);
    if (!entry) byMeasure.set(spec.measure, (entry = { share: true, marks: [] }));
    entry.share &&= spec.min >= 0 && spec.max <= 1;
    const value = thresholds[name];
    if (value === undefined) continue;
    if (spec.bound === 'min' ? value > spec.min : value < spec.max) entry.marks.push({ name, bound: spec.bound, value });
  }
  return [...byMeasure].map(([measure, { share, marks }]) => ({ measure, scale: share ? 'share' : 'log', marks }));
}

/** The histograms of one language's units of one kind, under `<base>.<measure>` in each rank's Stats. */
export class ScoreHistograms {
  private stats: Stats | undefined;
  /** Made on a measure's first value: a sentence never scores a document measure, nor needs its histogram. */
  private histograms: Array<Histogram | undefined> = [];

  constructor(
    private readonly base: string,
    private readonly measures: readonly MeasureHistogram[],
  ) {}

  add(scores: Scores, stats: Stats): void {
    // Looked up once per rank's Stats, not per unit: a unit then costs a property read and an increment a measure.
    if (stats !== this.stats) {
      this.histograms = this.measures.map(() => undefined);
      this.stats = stats;
    }
    for (let i = 0; i < this.measures.length; i++) {
      const { measure, scale, marks } = this.measures[i] as MeasureHistogram;
      const value = scores[measure];
      if (value === undefined) continue;
      let histogram = this.histograms[i];
      if (!histogram) this.histograms[i] = histogram = stats.histogram(`${this.base}.${measure}`, scale, marks);
      histogram.add(value);
    }
  }
}

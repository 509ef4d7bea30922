import { Histogram, mergeHistogramInto, type HistogramMark, type HistogramScale, type HistogramSnapshot } from './histogram.js';

/**
 * Counters are the side channel of every step (datatrove's stats): each rank writes its own,
 * and the run report is their fold, so merging is a pure sum that any executor can do.
 */
export interface StepTiming {
  /** Wall-clock milliseconds spent inside the step's own code (not waiting on upstream). */
  ms: number;
  calls: number;
}

/** Notable single occurrences (a damaged record with its file and offset), kept up to a cap per kind. */
export type StatsEvent = Record<string, string | number | boolean | null>;

export interface StatsSnapshot {
  counters: Record<string, number>;
  timings: Record<string, StepTiming>;
  events: Record<string, StatsEvent[]>;
  /** Score histograms (histogram.ts); absent from the stats of runs made before they existed. */
  histograms?: Record<string, HistogramSnapshot>;
}

/** Enough to review by hand; the counters still count every occurrence. */
export const MAX_EVENTS_PER_KIND = 1000;

/** The counter a drop is counted under, `<step>.dropped.<reason>` (for steps that build their keys once). */
export function dropKey(step: string, reason: string): string {
  return `${step}.dropped.${reason}`;
}

export class Stats {
  readonly counters: Record<string, number> = Object.create(null) as Record<string, number>;
  readonly timings: Record<string, StepTiming> = Object.create(null) as Record<string, StepTiming>;
  readonly events: Record<string, StatsEvent[]> = Object.create(null) as Record<string, StatsEvent[]>;
  private readonly histograms = new Map<string, Histogram>();

  add(key: string, amount = 1): void {
    this.counters[key] = (this.counters[key] ?? 0) + amount;
  }

  /** Counts a dropped document or segment under `<step>.dropped.<reason>`. */
  drop(step: string, reason: string, amount = 1): void {
    this.add(dropKey(step, reason), amount);
  }

  time(step: string, ms: number): void {
    const timing = (this.timings[step] ??= { ms: 0, calls: 0 });
    timing.ms += ms;
    timing.calls += 1;
  }

  /** Keeps one notable occurrence for the report, e.g. `event('damage', {path, offset, kind, message})`. */
  event(kind: string, detail: StatsEvent): void {
    const list = (this.events[kind] ??= []);
    if (list.length < MAX_EVENTS_PER_KIND) list.push(detail);
  }

  /** A damaged input (bad record, missing file…): counted under `damaged.<kind>` and kept for the report. */
  damage(detail: { path: string; offset?: number; kind: string; message: string }): void {
    this.add(`damaged.${detail.kind}`);
    this.event('damage', { path: detail.path, offset: detail.offset ?? null, kind: detail.kind, message: detail.message });
  }

  /** The histogram under `key`, made with this scale and these marks the first time it is asked for. */
  histogram(key: string, scale: HistogramScale, marks: readonly HistogramMark[]): Histogram {
    let histogram = this.histograms.get(key);
    if (!histogram) this.histograms.set(key, (histogram = new Histogram(scale, marks)));
    return histogram;
  }

  get(key: string): number {
    return this.counters[key] ?? 0;
  }

  snapshot(): StatsSnapshot {
    return {
      counters: { ...this.counters },
      timings: structuredClone({ ...this.timings }),
      events: structuredClone({ ...this.events }),
      histograms: Object.fromEntries([...this.histograms].map(([key, histogram]) => [key, histogram.snapshot()])),
    };
  }
}

/** Folds per-rank snapshots into one, key by key; order-independent so reruns merge identically. */
export function mergeStats(snapshots: Iterable<StatsSnapshot>): StatsSnapshot {
  const counters: Record<string, number> = {};
  const timings: Record<string, StepTiming> = {};
  const events: Record<string, StatsEvent[]> = {};
  const histograms: Record<string, HistogramSnapshot> = {};
  for (const snapshot of snapshots) {
    for (const [key, histogram] of Object.entries(snapshot.histograms ?? {})) {
      const into = histograms[key];
      if (into) mergeHistogramInto(into, histogram);
      else histograms[key] = structuredClone(histogram);
    }
    for (const [kind, list] of Object.entries(snapshot.events ?? {})) (events[kind] ??= []).push(...list);
    for (const [key, value] of Object.entries(snapshot.counters)) counters[key] = (counters[key] ?? 0) + value;
    for (const [key, value] of Object.entries(snapshot.timings)) {
      const timing = (timings[key] ??= { ms: 0, calls: 0 });
      timing.ms += value.ms;
      timing.calls += value.calls;
    }
  }
  for (const list of Object.values(events)) {
    list.sort((a, b) => compareText(JSON.stringify(a), JSON.stringify(b)));
    list.splice(MAX_EVENTS_PER_KIND);
  }
  return { counters: sortKeys(counters), timings: sortKeys(timings), events: sortKeys(events), histograms: sortKeys(histograms) };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}

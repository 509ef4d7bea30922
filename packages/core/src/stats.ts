/**
 * Counters are the side channel of every step (datatrove's stats): each rank writes its own,
 * and the run report is their fold, so merging is a pure sum that any executor can do.
 */
export interface StepTiming {
  /** Wall-clock milliseconds spent inside the step's own code (not waiting on upstream). */
  ms: number;
  calls: number;
}

export interface StatsSnapshot {
  counters: Record<string, number>;
  timings: Record<string, StepTiming>;
}

export class Stats {
  readonly counters: Record<string, number> = Object.create(null) as Record<string, number>;
  readonly timings: Record<string, StepTiming> = Object.create(null) as Record<string, StepTiming>;

  add(key: string, amount = 1): void {
    this.counters[key] = (this.counters[key] ?? 0) + amount;
  }

  /** Counts a dropped document or segment under `<step>.dropped.<reason>`. */
  drop(step: string, reason: string, amount = 1): void {
    this.add(`${step}.dropped.${reason}`, amount);
  }

  time(step: string, ms: number): void {
    const timing = (this.timings[step] ??= { ms: 0, calls: 0 });
    timing.ms += ms;
    timing.calls += 1;
  }

  get(key: string): number {
    return this.counters[key] ?? 0;
  }

  snapshot(): StatsSnapshot {
    return { counters: { ...this.counters }, timings: structuredClone({ ...this.timings }) };
  }
}

/** Folds per-rank snapshots into one, key by key; order-independent so reruns merge identically. */
export function mergeStats(snapshots: Iterable<StatsSnapshot>): StatsSnapshot {
  const counters: Record<string, number> = {};
  const timings: Record<string, StepTiming> = {};
  for (const snapshot of snapshots) {
    for (const [key, value] of Object.entries(snapshot.counters)) counters[key] = (counters[key] ?? 0) + value;
    for (const [key, value] of Object.entries(snapshot.timings)) {
      const timing = (timings[key] ??= { ms: 0, calls: 0 });
      timing.ms += value.ms;
      timing.calls += value.calls;
    }
  }
  return { counters: sortKeys(counters), timings: sortKeys(timings) };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

import { join } from 'node:path';

/** Where a run keeps its files (ARCHITECTURE §3 "Outputs"); one place so every module agrees. */
export const runLayout = {
  plan: (out: string) => join(out, 'plan.json'),
  completion: (out: string, rank: number) => join(out, 'completions', String(rank)),
  /** Each task's counters (`<rank>.json`) and each pass's (`pass-<name>.json`), which finalizeRun folds. */
  statsFolder: (out: string) => join(out, 'stats'),
  rankStats: (out: string, rank: number) => join(runLayout.statsFolder(out), `${rank}.json`),
  /** Counters of a pass over a finished run's output (e.g. corpus.dedup). */
  passStats: (out: string, pass: string) => join(runLayout.statsFolder(out), `pass-${pass}.json`),
  stats: (out: string) => join(out, 'stats.json'),
  manifest: (out: string) => join(out, 'manifest.json'),
  report: (out: string) => join(out, 'report.html'),
  corpus: (out: string) => join(out, 'corpus'),
  dropped: (out: string) => join(out, 'dropped'),
};

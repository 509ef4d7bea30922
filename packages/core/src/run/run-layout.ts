import { join } from 'node:path';

/** Where a run keeps its files (ARCHITECTURE §3 "Outputs"); one place so every module agrees. */
export const runLayout = {
  plan: (out: string) => join(out, 'plan.json'),
  completion: (out: string, rank: number) => join(out, 'completions', String(rank)),
  rankStats: (out: string, rank: number) => join(out, 'stats', `${rank}.json`),
  /** Counters of a pass over a finished run's output (e.g. corpus.dedup), folded with the tasks' by finalizeRun. */
  passStats: (out: string, pass: string) => join(out, 'stats', `pass-${pass}.json`),
  stats: (out: string) => join(out, 'stats.json'),
  manifest: (out: string) => join(out, 'manifest.json'),
  report: (out: string) => join(out, 'report.html'),
  corpus: (out: string) => join(out, 'corpus'),
  dropped: (out: string) => join(out, 'dropped'),
};

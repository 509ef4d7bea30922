import { join } from 'node:path';

/** Where a run keeps its files (ARCHITECTURE §3 "Outputs"); one place so every module agrees. */
export const runLayout = {
  plan: (out: string) => join(out, 'plan.json'),
  completion: (out: string, rank: number) => join(out, 'completions', String(rank)),
  rankStats: (out: string, rank: number) => join(out, 'stats', `${rank}.json`),
  stats: (out: string) => join(out, 'stats.json'),
  manifest: (out: string) => join(out, 'manifest.json'),
  report: (out: string) => join(out, 'report.html'),
  corpus: (out: string) => join(out, 'corpus'),
  dropped: (out: string) => join(out, 'dropped'),
};

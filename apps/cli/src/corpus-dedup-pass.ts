/** The cross-shard dedup pass, as `ntl dedup <run>` runs it and as `ntl run` runs it when crawl.dedup asks for it. */
import { RunOutputError, type Logger, type RunPlan } from '@ntl/core';
import { DEFAULT_NEAR_DUPLICATE_OPTIONS, dedupCorpus, defaultPassMemoryBytes, type CorpusDedupResult, type CorpusDedupSettings } from '@ntl/crawl';
import { CliError, EXIT } from './exit-codes.js';

const DEFAULT_GZIP_LEVEL = 3;

function stepOptions(plan: RunPlan, use: string): Record<string, unknown> | undefined {
  return plan.pipeline.steps.find((step) => step.use === use)?.options;
}

/** The run's own crawl.dedup settings (its defaults when the pipeline has none) and corpus.write's gzip level. */
function settingsOf(plan: RunPlan): CorpusDedupSettings {
  const dedup = { exact: true, near: true, ...DEFAULT_NEAR_DUPLICATE_OPTIONS, ...stepOptions(plan, 'crawl.dedup') } as Record<string, unknown>;
  const gzipLevel = stepOptions(plan, 'corpus.write')?.['gzipLevel'];
  return {
    exact: dedup['exact'] as boolean,
    near: dedup['near'] as boolean,
    bands: dedup['bands'] as number,
    rows: dedup['rows'] as number,
    shingle: dedup['shingle'] as number,
    threshold: dedup['threshold'] as number,
    seed: dedup['seed'] as number,
    gzipLevel: typeof gzipLevel === 'number' ? gzipLevel : DEFAULT_GZIP_LEVEL,
  };
}

/** Whether the run's pipeline asks `ntl run` to dedup across shards once every task is done (crawl.dedup's `acrossShards`). */
export function dedupsAcrossShards(plan: RunPlan): boolean {
  return stepOptions(plan, 'crawl.dedup')?.['acrossShards'] === true;
}

/** `--dedup-memory`: what the pass may use, in GB (default: 60% of this machine's memory). */
export const DEDUP_MEMORY_OPTION = ['--dedup-memory <GB>', 'memory the dedup pass across shards may use before it stops, in GB (default: 60% of RAM)'] as const;

/**
 * Runs (or, after an interruption, finishes) the pass; a damaged corpus file becomes a usage error naming it.
 * Outgrowing `memoryGb` is a CorpusDedupMemoryError (nothing written), left to the caller.
 */
export function runCorpusDedup(run: string, plan: RunPlan, log: Logger, memoryGb?: number): Promise<CorpusDedupResult> {
  const budget = memoryGb === undefined ? defaultPassMemoryBytes() : Math.floor(memoryGb * 2 ** 30);
  return dedupCorpus(run, settingsOf(plan), (message) => log.info(message, { step: 'corpus.dedup' }), budget).catch((error: unknown) => {
    if (error instanceof RunOutputError || error instanceof SyntaxError) throw new CliError((error as Error).message, EXIT.usage);
    throw error;
  });
}

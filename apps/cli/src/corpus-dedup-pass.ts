/** The cross-shard dedup pass, as `ntl dedup <run>` runs it and as `ntl run` runs it when crawl.dedup asks for it. */
import { availableParallelism } from 'node:os';
import { corpusWriteStep, parseOptions, RunOutputError, type Logger, type OptionSchema, type OptionValues, type RunPlan, type StepDefinition } from '@ntl/core';
import { dedupCorpus, dedupStep, defaultPassMemoryBytes, type CorpusDedupResult, type CorpusDedupSettings } from '@ntl/crawl';
import { CliError, EXIT } from './exit-codes.js';

/** A step's options as the run's plan recorded them, over the step's defaults (for a pipeline without the step, or a plan older than an option). */
function recordedOptions<S extends OptionSchema>(plan: RunPlan, step: StepDefinition<S>): OptionValues<S> {
  const recorded = plan.pipeline.steps.find((entry) => entry.use === step.name)?.options;
  return { ...parseOptions(step.options), ...recorded };
}

/** The run's own crawl.dedup settings and corpus.write's gzip level. */
function settingsOf(plan: RunPlan): CorpusDedupSettings {
  const { exact, near, bands, rows, shingle, threshold, seed } = recordedOptions(plan, dedupStep);
  return { exact, near, bands, rows, shingle, threshold, seed, gzipLevel: recordedOptions(plan, corpusWriteStep).gzipLevel };
}

/** Whether the run's pipeline asks `ntl run` to dedup across shards once every task is done (crawl.dedup's `acrossShards`). */
export function dedupsAcrossShards(plan: RunPlan): boolean {
  return recordedOptions(plan, dedupStep).acrossShards;
}

/** `--dedup-memory`: what the pass may use, in GB (default: 60% of this machine's memory). */
export const DEDUP_MEMORY_OPTION = ['--dedup-memory <GB>', 'memory the dedup pass across shards may use before it stops, in GB (default: 60% of RAM)'] as const;

/**
 * Runs (or, after an interruption, finishes) the pass over `workers` processes (default: the number of cores); a
 * damaged corpus file becomes a usage error naming it. Outgrowing `memoryGb` is a CorpusDedupMemoryError (nothing
 * written), left to the caller.
 */
export function runCorpusDedup(run: string, plan: RunPlan, log: Logger, memoryGb?: number, workers = availableParallelism()): Promise<CorpusDedupResult> {
  const budget = memoryGb === undefined ? defaultPassMemoryBytes() : Math.floor(memoryGb * 2 ** 30);
  return dedupCorpus(run, settingsOf(plan), (message) => log.info(message, { step: 'corpus.dedup' }), budget, workers).catch((error: unknown) => {
    if (error instanceof RunOutputError || error instanceof SyntaxError) throw new CliError((error as Error).message, EXIT.usage);
    throw error;
  });
}

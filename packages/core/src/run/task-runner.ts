import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../io/atomic-write.js';
import { partFileName } from '../corpus/part-files.js';
import type { Logger } from '../logger.js';
import type { ResolvedPipeline } from '../pipeline/pipeline-file.js';
import { Stats, type StatsSnapshot } from '../stats.js';
import { composeSteps, type InputFile, type StepContext } from '../step.js';
import { runLayout } from './run-layout.js';

export interface TaskSpec {
  rank: number;
  worldSize: number;
  inputs: InputFile[];
}

export interface TaskEnvironment {
  pipeline: ResolvedPipeline;
  outputDir: string;
  log: Logger;
  signal: AbortSignal;
  progress(bytes: number): void;
}

export function isTaskComplete(outputDir: string, rank: number): boolean {
  return existsSync(runLayout.completion(outputDir, rank));
}

/** Removes what an interrupted attempt at this task left: its part files and any temp files. */
function clearTaskOutputs(outputDir: string, rank: number): void {
  const part = partFileName(rank);
  for (const top of [runLayout.corpus(outputDir), runLayout.dropped(outputDir)]) {
    if (!existsSync(top)) continue;
    for (const entry of readdirSync(top, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && (entry.name === part || entry.name.startsWith(`${part}.tmp-`))) rmSync(join(entry.parentPath, entry.name));
    }
  }
}

/**
 * Runs one shard start to finish. Its stats file and then its completion marker are written only
 * after every output file is renamed into place, so a marker means the shard is whole.
 */
export async function runTask(task: TaskSpec, env: TaskEnvironment): Promise<StatsSnapshot> {
  clearTaskOutputs(env.outputDir, task.rank);
  const stats = new Stats();
  const ctx: StepContext = {
    rank: task.rank,
    worldSize: task.worldSize,
    stats,
    signal: env.signal,
    log: env.log.child({ rank: task.rank }),
    inputs: task.inputs,
    outputDir: env.outputDir,
    progress: env.progress,
  };
  const started = performance.now();
  const stream = composeSteps(
    env.pipeline.steps.map((step) => step.create()),
    ctx,
  );
  for await (const _doc of stream) {
    // The last step is normally a writer that yields nothing; documents that still reach here are
    // counted so a pipeline without a writer is visible in the stats rather than silently lost.
    stats.add('pipeline.docs_unwritten');
    if (env.signal.aborted) break;
  }
  if (env.signal.aborted) throw new Error(`task ${task.rank} interrupted`);
  stats.time('pipeline.task', performance.now() - started);
  const snapshot = stats.snapshot();
  writeJsonAtomic(runLayout.rankStats(env.outputDir, task.rank), snapshot);
  writeFileAtomic(runLayout.completion(env.outputDir, task.rank), `${JSON.stringify({ rank: task.rank, inputs: task.inputs.map((input) => input.path) })}\n`);
  return snapshot;
}

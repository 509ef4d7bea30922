import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Logger, LogLevel } from '../logger.js';
import type { ResolvedPipeline } from '../pipeline/pipeline-file.js';
import type { InputFile } from '../step.js';
import { isTaskComplete, runTask } from './task-runner.js';
import { assertSameRun, planRun, readPlan, withChecksums, writePlan, type RunPlan } from './run-plan.js';
import { TaskFailedError, WorkerProcess } from './worker-process.js';

export interface ProgressUpdate {
  bytesDone: number;
  bytesTotal: number;
  tasksDone: number;
  tasksTotal: number;
}

export interface LocalRunOptions {
  pipeline: ResolvedPipeline;
  inputs: readonly InputFile[];
  outputDir: string;
  /** Module exporting `createStepRegistry()`, loaded by forked worker processes. */
  registryModule: string;
  /** Processes running tasks, this one included (it forks `workers − 1`); default: the number of cores. 1 runs everything here. */
  workers?: number;
  /** Shards of the input; default: one per input file, at most 64. Fixed for the life of an output folder. */
  tasks?: number;
  resume?: boolean;
  log: Logger;
  logLevel?: LogLevel;
  signal?: AbortSignal;
  onProgress?: (update: ProgressUpdate) => void;
}

export interface LocalRunResult {
  plan: RunPlan;
  /** Ranks run now; the others were complete from an earlier run. */
  ranRanks: number[];
  skippedRanks: number[];
}

export const DEFAULT_MAX_TASKS = 64;

export class OutputExistsError extends Error {
  constructor(outputDir: string) {
    super(`${outputDir} already holds a run; pass --resume to continue it, or choose a new --output`);
    this.name = 'OutputExistsError';
  }
}

/** The run's plan: the one in `outputDir` when resuming, else a new one (`fresh`, not yet written). */
function openPlan(options: LocalRunOptions): { plan: RunPlan; fresh: boolean } {
  const { outputDir } = options;
  const plan = planRun(options.pipeline, options.inputs, options.tasks ?? Math.min(options.inputs.length, DEFAULT_MAX_TASKS));
  const previous = readPlan(outputDir);
  if (previous) {
    if (!options.resume) throw new OutputExistsError(outputDir);
    assertSameRun(outputDir, previous, plan);
    return { plan: previous, fresh: false };
  }
  if (existsSync(outputDir) && readdirSync(outputDir).length > 0 && !options.resume) throw new OutputExistsError(outputDir);
  mkdirSync(outputDir, { recursive: true });
  return { plan, fresh: true };
}

function taskInputs(plan: RunPlan, rank: number): InputFile[] {
  const sizes = new Map(plan.inputs.map((input) => [input.path, input.size]));
  return (plan.tasks[rank]?.inputs ?? []).map((path) => ({ path, size: sizes.get(path) ?? -1 }));
}

interface TaskFailure {
  rank: number;
  error: Error;
}

/** Takes ranks off the shared queue and runs them one at a time until the queue is empty, a task failed, or the run is aborted. */
async function drain(queue: number[], failures: TaskFailure[], signal: AbortSignal | undefined, run: (rank: number) => Promise<void>): Promise<void> {
  for (let rank = queue.shift(); rank !== undefined && !signal?.aborted && !failures.length; rank = queue.shift()) {
    try {
      await run(rank);
    } catch (error) {
      failures.push({ rank, error: error as Error });
    }
  }
}

/** A task of this process failing alone throws its own error, as a one-worker run always did; otherwise one error lists them all. */
function failureError(failures: readonly TaskFailure[]): Error {
  const only = failures[0];
  if (failures.length === 1 && only && !(only.error instanceof TaskFailedError)) return only.error;
  const lines = failures.map(({ rank, error }) => (error instanceof TaskFailedError ? error.message : `task ${rank}: ${error.stack ?? String(error)}`));
  return new Error(`${failures.length} task(s) failed:\n${lines.join('\n')}`);
}

/**
 * The local executor (ARCHITECTURE §2 core): shards inputs, runs shards on N processes, skips shards
 * whose completion marker exists when resuming. Stats are folded afterwards from the per-rank files.
 *
 * This process is one of the N: it runs tasks itself beside N − 1 forked workers, which are started
 * before anything else so their start-up (loading modules and models) overlaps the parent's; the
 * parent already has everything loaded, so a second process costs one start-up, not two. Input
 * checksums, needed only for the manifest, are taken while the tasks run.
 */
export async function runLocal(options: LocalRunOptions): Promise<LocalRunResult> {
  const { plan, fresh } = openPlan(options);
  const { outputDir, log, signal } = options;
  const skippedRanks = plan.tasks.filter((task) => isTaskComplete(outputDir, task.rank)).map((task) => task.rank);
  const ranRanks = plan.tasks.filter((task) => !skippedRanks.includes(task.rank)).map((task) => task.rank);
  if (skippedRanks.length) log.info('resuming: skipping completed tasks', { completed: skippedRanks.length, remaining: ranRanks.length });

  const sizeOf = (rank: number) => taskInputs(plan, rank).reduce((sum, input) => sum + Math.max(input.size, 0), 0);
  const progress: ProgressUpdate = {
    bytesDone: skippedRanks.reduce((sum, rank) => sum + sizeOf(rank), 0),
    bytesTotal: plan.tasks.reduce((sum, task) => sum + sizeOf(task.rank), 0),
    tasksDone: skippedRanks.length,
    tasksTotal: plan.tasks.length,
  };
  const report = (bytes: number, taskDone: boolean) => {
    progress.bytesDone += bytes;
    if (taskDone) progress.tasksDone += 1;
    options.onProgress?.({ ...progress });
  };

  const workerCount = Math.max(1, Math.min(options.workers ?? availableParallelism(), ranRanks.length));
  const init = { type: 'init', pipelinePath: options.pipeline.path, registryModule: options.registryModule, outputDir, logLevel: options.logLevel ?? 'info' } as const;
  const workers = Array.from({ length: workerCount - 1 }, () => new WorkerProcess(init, (bytes) => report(bytes, false)));
  const stopAll = () => workers.forEach((worker) => worker.kill());
  signal?.addEventListener('abort', stopAll, { once: true });
  let checksums: Promise<RunPlan> | undefined;
  try {
    // The plan is on disk before any task writes, so an interrupted run can always be resumed; its
    // checksums come when the tasks are done (a run interrupted before then takes them on resuming).
    if (fresh) writePlan(outputDir, plan);
    if (plan.inputs.some((input) => input.sha256 === null && input.size >= 0)) checksums = withChecksums(plan);
    if (ranRanks.length === 0) log.info('nothing to do: every task is complete');
    const queue = [...ranRanks];
    const failures: TaskFailure[] = [];
    const taskSignal = signal ?? new AbortController().signal;
    const task = (rank: number) => ({ rank, worldSize: plan.tasks.length, inputs: taskInputs(plan, rank) });
    await Promise.all([
      drain(queue, failures, signal, async (rank) => {
        await runTask(task(rank), { pipeline: options.pipeline, outputDir, log, signal: taskSignal, progress: (bytes) => report(bytes, false) });
        report(0, true);
      }),
      ...workers.map((worker) =>
        drain(queue, failures, signal, async (rank) => {
          await worker.run({ type: 'task', ...task(rank) });
          report(0, true);
        }),
      ),
    ]);
    if (signal?.aborted) throw new Error('run interrupted; rerun with --resume to continue');
    if (failures.length) throw failureError(failures);
  } finally {
    signal?.removeEventListener('abort', stopAll);
    await Promise.all(workers.map((worker) => worker.close()));
  }
  const finalPlan = checksums ? await checksums : plan;
  if (checksums) writePlan(outputDir, finalPlan);
  return { plan: finalPlan, ranRanks, skippedRanks };
}

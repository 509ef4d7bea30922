import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Logger, LogLevel } from '../logger.js';
import type { ResolvedPipeline } from '../pipeline/pipeline-file.js';
import type { InputFile } from '../step.js';
import { isTaskComplete, runTask } from './task-runner.js';
import { assertSameRun, planRun, readPlan, withChecksums, writePlan, type RunPlan } from './run-plan.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

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
  /** Module exporting `createStepRegistry()`, loaded by worker processes. */
  registryModule: string;
  /** Worker processes; default: the number of cores. 1 runs in this process. */
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

async function preparePlan(options: LocalRunOptions): Promise<RunPlan> {
  const { outputDir } = options;
  const plan = planRun(options.pipeline, options.inputs, options.tasks ?? Math.min(options.inputs.length, DEFAULT_MAX_TASKS));
  const previous = readPlan(outputDir);
  if (previous) {
    if (!options.resume) throw new OutputExistsError(outputDir);
    assertSameRun(outputDir, previous, plan);
    return previous;
  }
  if (existsSync(outputDir) && readdirSync(outputDir).length > 0 && !options.resume) throw new OutputExistsError(outputDir);
  mkdirSync(outputDir, { recursive: true });
  const checked = await withChecksums(plan);
  writePlan(outputDir, checked);
  return checked;
}

function taskInputs(plan: RunPlan, rank: number): InputFile[] {
  const sizes = new Map(plan.inputs.map((input) => [input.path, input.size]));
  return (plan.tasks[rank]?.inputs ?? []).map((path) => ({ path, size: sizes.get(path) ?? -1 }));
}

/** Runs tasks as child processes, one task at a time per worker, until none is left. */
async function runInWorkers(options: LocalRunOptions, plan: RunPlan, ranks: number[], workerCount: number, report: (bytes: number, done: boolean) => void): Promise<void> {
  const workerMain = fileURLToPath(new URL('./worker-main.js', import.meta.url));
  const queue = [...ranks];
  const children: ChildProcess[] = [];
  const failures: string[] = [];
  const stopAll = () => children.forEach((child) => child.kill('SIGTERM'));
  options.signal?.addEventListener('abort', stopAll, { once: true });

  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const child = fork(workerMain, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      const sendNext = () => {
        const rank = queue.shift();
        if (rank === undefined || options.signal?.aborted || failures.length) {
          child.disconnect();
          return;
        }
        const message: ToWorker = { type: 'task', rank, worldSize: plan.tasks.length, inputs: taskInputs(plan, rank) };
        child.send(message);
      };
      child.on('message', (message: FromWorker) => {
        if (message.type === 'ready') sendNext();
        else if (message.type === 'progress') report(message.bytes, false);
        else if (message.type === 'done') {
          report(0, true);
          sendNext();
        } else {
          failures.push(`task ${message.rank}: ${message.message}`);
          sendNext();
        }
      });
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        if (code === 0 || code === 1 || options.signal?.aborted) resolve();
        else reject(new Error(`worker process exited with ${signal ?? `code ${code}`}`));
      });
      const init: ToWorker = {
        type: 'init',
        pipelinePath: options.pipeline.path,
        registryModule: options.registryModule,
        outputDir: options.outputDir,
        logLevel: options.logLevel ?? 'info',
      };
      child.send(init);
    });

  try {
    await Promise.all(Array.from({ length: workerCount }, runWorker));
  } finally {
    options.signal?.removeEventListener('abort', stopAll);
  }
  if (failures.length) throw new Error(`${failures.length} task(s) failed:\n${failures.join('\n')}`);
}

/**
 * The local executor (ARCHITECTURE §2 core): shards inputs, runs shards on N processes, skips shards
 * whose completion marker exists when resuming. Stats are folded afterwards from the per-rank files.
 */
export async function runLocal(options: LocalRunOptions): Promise<LocalRunResult> {
  const plan = await preparePlan(options);
  const { outputDir, log } = options;
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
  if (ranRanks.length === 0) {
    log.info('nothing to do: every task is complete');
  } else if (workerCount === 1) {
    const signal = options.signal ?? new AbortController().signal;
    for (const rank of ranRanks) {
      await runTask(
        { rank, worldSize: plan.tasks.length, inputs: taskInputs(plan, rank) },
        { pipeline: options.pipeline, outputDir, log, signal, progress: (bytes) => report(bytes, false) },
      );
      report(0, true);
    }
  } else {
    await runInWorkers(options, plan, ranRanks, workerCount, report);
  }
  if (options.signal?.aborted) throw new Error('run interrupted; rerun with --resume to continue');
  return { plan, ranRanks, skippedRanks };
}

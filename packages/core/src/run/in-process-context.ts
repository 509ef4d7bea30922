/**
 * A StepContext for running steps in this process as one rank of one (first passes, calibration, benches):
 * what the executor builds per task, without a run folder. Counters go to `stats`, logs to `log`.
 */
import { silentLogger, type Logger } from '../logger.js';
import { Stats } from '../stats.js';
import type { InputFile, StepContext } from '../step.js';

export interface InProcessContextOptions {
  inputs?: readonly InputFile[];
  log?: Logger;
  stats?: Stats;
  outputDir?: string;
  signal?: AbortSignal;
}

export function inProcessContext(options: InProcessContextOptions = {}): StepContext {
  return {
    rank: 0,
    worldSize: 1,
    stats: options.stats ?? new Stats(),
    signal: options.signal ?? new AbortController().signal,
    log: options.log ?? silentLogger,
    inputs: options.inputs ?? [],
    outputDir: options.outputDir ?? '',
    progress: () => undefined,
  };
}

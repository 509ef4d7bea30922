import type { StatsSnapshot } from '../stats.js';
import type { InputFile } from '../step.js';
import type { LogLevel } from '../logger.js';

/** Messages between the local executor and its worker processes (structured-clone over IPC). */
export type ToWorker =
  | { type: 'init'; pipelinePath: string; registryModule: string; outputDir: string; logLevel: LogLevel }
  | { type: 'task'; rank: number; worldSize: number; inputs: InputFile[] };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; bytes: number }
  | { type: 'done'; rank: number; stats: StatsSnapshot }
  | { type: 'failed'; rank: number; message: string };

import type { InputFile } from '../step.js';
import type { LogLevel } from '../logger.js';

/**
 * Messages between the local executor and its worker processes: small JSON objects over IPC (Node's default
 * serialization). A task's stats go to its stats file, not over the channel: they grow with the languages and
 * histograms (~0.5 MB a task on the sample crawl), and the parent folds the files anyway.
 */
export type ToWorker =
  | { type: 'init'; pipelinePath: string; registryModule: string; outputDir: string; logLevel: LogLevel }
  | { type: 'task'; rank: number; worldSize: number; inputs: InputFile[] };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; bytes: number }
  | { type: 'done'; rank: number }
  | { type: 'failed'; rank: number; message: string };

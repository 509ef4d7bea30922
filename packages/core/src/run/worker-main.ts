import { createLogger } from '../logger.js';
import { loadPipeline, type ResolvedPipeline } from '../pipeline/pipeline-file.js';
import { loadStepRegistry } from './registry-module.js';
import { runTask } from './task-runner.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** Entry point of a local-executor worker process: runs the tasks its parent sends, one at a time. */
const PROGRESS_INTERVAL_MS = 250;

function send(message: FromWorker): void {
  process.send?.(message);
}

const abort = new AbortController();
let pipeline: ResolvedPipeline | undefined;
let init: Extract<ToWorker, { type: 'init' }> | undefined;
let pendingBytes = 0;
let lastSent = 0;

function progress(bytes: number): void {
  pendingBytes += bytes;
  const now = Date.now();
  if (now - lastSent >= PROGRESS_INTERVAL_MS) {
    send({ type: 'progress', bytes: pendingBytes });
    pendingBytes = 0;
    lastSent = now;
  }
}

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'init') {
    init = message;
    pipeline = loadPipeline(message.pipelinePath, await loadStepRegistry(message.registryModule));
    send({ type: 'ready' });
    return;
  }
  if (!pipeline || !init) throw new Error('worker received a task before init');
  try {
    await runTask(
      { rank: message.rank, worldSize: message.worldSize, inputs: message.inputs },
      { pipeline, outputDir: init.outputDir, log: createLogger({ level: init.logLevel }), signal: abort.signal, progress },
    );
    if (pendingBytes) send({ type: 'progress', bytes: pendingBytes });
    pendingBytes = 0;
    send({ type: 'done', rank: message.rank });
  } catch (error) {
    send({ type: 'failed', rank: message.rank, message: (error as Error).stack ?? String(error) });
  }
}

// Tasks arrive one at a time; chaining keeps them sequential even if a message comes early.
let queue = Promise.resolve();
process.on('message', (message: ToWorker) => {
  queue = queue.then(() => handle(message));
});
// The parent going away (killed, Ctrl-C) must not leave orphans writing into the output folder.
process.on('disconnect', () => {
  abort.abort();
  process.exit(1);
});
process.on('SIGTERM', () => abort.abort());
process.on('SIGINT', () => abort.abort());

import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromWorker, ToWorker } from './worker-protocol.js';

type InitMessage = Extract<ToWorker, { type: 'init' }>;
type TaskMessage = Extract<ToWorker, { type: 'task' }>;

export class TaskFailedError extends Error {
  constructor(
    readonly rank: number,
    detail: string,
  ) {
    super(`task ${rank}: ${detail}`);
    this.name = 'TaskFailedError';
  }
}

/**
 * The executor's handle on one forked worker process (worker-main.ts). The process is started at
 * once, so loading its modules and pipeline overlaps whatever the parent does next; `run` waits
 * for it to be ready, then hands it one task at a time.
 */
export class WorkerProcess {
  private readonly child: ChildProcess;
  private readonly ready: Promise<void>;
  private current: { rank: number; resolve: () => void; reject: (error: Error) => void } | undefined;
  private exitError: Error | undefined;
  private readonly exited: Promise<void>;

  constructor(init: InitMessage, onProgress: (bytes: number) => void) {
    const workerMain = fileURLToPath(new URL('./worker-main.js', import.meta.url));
    this.child = fork(workerMain, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let markReady: () => void = () => undefined;
    this.ready = new Promise((resolve) => (markReady = resolve));
    this.child.on('message', (message: FromWorker) => {
      if (message.type === 'ready') markReady();
      else if (message.type === 'progress') onProgress(message.bytes);
      else this.settle(message.type === 'done' ? undefined : new TaskFailedError(message.rank, message.message));
    });
    this.exited = new Promise((resolve) => {
      const fail = (error: Error) => {
        this.exitError ??= error;
        markReady();
        this.settle(this.exitError);
        resolve();
      };
      this.child.on('error', fail);
      this.child.on('exit', (code, signal) => fail(new Error(`worker process exited with ${signal ?? `code ${code}`}`)));
    });
    this.child.send(init);
  }

  private settle(error: Error | undefined): void {
    const current = this.current;
    this.current = undefined;
    if (!current) return;
    if (error) current.reject(error instanceof TaskFailedError ? error : new TaskFailedError(current.rank, error.message));
    else current.resolve();
  }

  /** Runs one task; rejects with a TaskFailedError if it fails or the process dies meanwhile. */
  async run(task: TaskMessage): Promise<void> {
    await this.ready;
    if (this.exitError) throw new TaskFailedError(task.rank, this.exitError.message);
    return new Promise((resolve, reject) => {
      this.current = { rank: task.rank, resolve, reject };
      this.child.send(task);
    });
  }

  /** Lets the process exit once idle (it exits when the IPC channel closes) and waits for it. */
  async close(): Promise<void> {
    if (this.child.connected) this.child.disconnect();
    await this.exited;
  }

  kill(): void {
    this.child.kill('SIGTERM');
  }
}

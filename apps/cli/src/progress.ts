import cliProgress from 'cli-progress';
import type { Logger, ProgressUpdate } from '@ntl/core';

export interface ProgressReporter {
  update(progress: ProgressUpdate): void;
  stop(): void;
}

const LOG_INTERVAL_MS = 5000;

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

/** A bar on a terminal; elsewhere (CI, pipes, files) a structured log line every few seconds. */
export function createProgressReporter(log: Logger, stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const started = Date.now();
  const rate = (bytes: number) => megabytes(bytes / Math.max((Date.now() - started) / 1000, 1e-3));
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: ' {bar} {percentage}% | {done}/{total} MB | {rate} MB/s | tasks {tasksDone}/{tasksTotal} | eta {eta_formatted}', stream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started_ = false;
    return {
      update(progress) {
        const payload = { done: megabytes(progress.bytesDone), total: megabytes(progress.bytesTotal), rate: rate(progress.bytesDone), tasksDone: progress.tasksDone, tasksTotal: progress.tasksTotal };
        if (!started_) {
          bar.start(Math.max(progress.bytesTotal, 1), progress.bytesDone, payload);
          started_ = true;
        } else bar.update(progress.bytesDone, payload);
      },
      stop: () => started_ && bar.stop(),
    };
  }
  let lastLogged = 0;
  let last: ProgressUpdate | undefined;
  const emit = (progress: ProgressUpdate) =>
    log.info('progress', {
      bytesDone: progress.bytesDone,
      bytesTotal: progress.bytesTotal,
      percent: progress.bytesTotal ? Number(((100 * progress.bytesDone) / progress.bytesTotal).toFixed(1)) : 100,
      mbPerSecond: Number(rate(progress.bytesDone)),
      tasksDone: progress.tasksDone,
      tasksTotal: progress.tasksTotal,
    });
  return {
    update(progress) {
      last = progress;
      if (Date.now() - lastLogged >= LOG_INTERVAL_MS) {
        lastLogged = Date.now();
        emit(progress);
      }
    },
    stop: () => last && emit(last),
  };
}

/**
 * Forked helper processes for the dedup pass across shards (corpus-dedup.ts): languages are decided
 * independently, and shards are rewritten independently, so both phases spread over processes. Without them the
 * pass runs on one core after every task of a run is done, which on many cores becomes the run's tail.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RunOutputError } from '@ntl/core';
import type { CorpusDedupSettings } from './corpus-dedup.js';

export type PassRequest =
  | { type: 'decide'; run: string; settings: CorpusDedupSettings; tags: string[]; budgetBytes: number; resultPath: string }
  | { type: 'rewrite'; run: string; settings: CorpusDedupSettings; shards: string[] };

export type PassReply = { type: 'done' } | { type: 'failed'; name: string; message: string; path?: string };

/** Splits weighted keys into at most `bins` groups of similar total weight: heaviest first, each to the lightest group. */
export function balance(items: ReadonlyArray<readonly [string, number]>, bins: number): string[][] {
  const groups = Array.from({ length: Math.min(bins, items.length) }, () => ({ keys: [] as string[], weight: 0 }));
  for (const [key, weight] of [...items].sort((a, b) => b[1] - a[1])) {
    const lightest = groups.reduce((min, group) => (group.weight < min.weight ? group : min));
    lightest.keys.push(key);
    lightest.weight += weight;
  }
  return groups.map((group) => group.keys);
}

/** The error a failed reply stands for: a damaged corpus file stays a RunOutputError, which the CLI reports as such. */
export function replyError(reply: Extract<PassReply, { type: 'failed' }>): Error {
  if (reply.name === 'RunOutputError' && reply.path !== undefined) return new RunOutputError(reply.path, reply.message);
  const error = new Error(reply.message);
  error.name = reply.name;
  return error;
}

export class PassWorkers {
  private constructor(private readonly children: ChildProcess[]) {}

  static start(count: number): PassWorkers {
    const main = fileURLToPath(new URL('./corpus-dedup-worker.js', import.meta.url));
    return new PassWorkers(Array.from({ length: count }, () => fork(main, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })));
  }

  get size(): number {
    return this.children.length;
  }

  /** Sends `requests[i]` to worker i (at most one each) and waits for every reply. */
  all(requests: readonly PassRequest[]): Promise<PassReply[]> {
    if (requests.length > this.children.length) throw new Error(`${requests.length} requests for ${this.children.length} dedup pass workers`);
    return Promise.all(requests.map((request, i) => ask(this.children[i] as ChildProcess, request)));
  }

  /** Lets the workers exit (they do when their IPC channel closes) and waits for them. */
  async close(): Promise<void> {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            if (child.connected) child.disconnect();
          }),
      ),
    );
  }
}

function ask(child: ChildProcess, request: PassRequest): Promise<PassReply> {
  return new Promise((resolve, reject) => {
    const settle = (finish: () => void) => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', onError);
      finish();
    };
    const onMessage = (reply: PassReply) => settle(() => resolve(reply));
    const onExit = (code: number | null, signal: string | null) => settle(() => reject(new Error(`a dedup pass worker exited with ${signal ?? `code ${code}`}`)));
    const onError = (error: Error) => settle(() => reject(error));
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.on('error', onError);
    child.send(request);
  });
}

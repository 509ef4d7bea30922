/** Entry point of a dedup pass worker (corpus-dedup-workers.ts): decides languages or rewrites shards as asked. */
import { RunOutputError, writeJsonAtomic } from '@ntl/core';
import { decideLanguages, partsByLanguage, rewriteNamedShards } from './corpus-dedup.js';
import type { PassReply, PassRequest } from './corpus-dedup-workers.js';

async function handle(request: PassRequest): Promise<PassReply> {
  try {
    if (request.type === 'decide') writeJsonAtomic(request.resultPath, await decideLanguages(request.run, partsByLanguage(request.run), request.tags, request.settings, request.budgetBytes));
    else await rewriteNamedShards(request.run, request.settings, request.shards);
    return { type: 'done' };
  } catch (error) {
    const { name, message } = error as Error;
    return { type: 'failed', name, message, ...(error instanceof RunOutputError ? { path: error.path } : {}) };
  }
}

let queue = Promise.resolve();
process.on('message', (request: PassRequest) => {
  queue = queue.then(async () => {
    process.send?.(await handle(request));
  });
});
// The parent closing the channel means it is done with this worker, or gone (killed, Ctrl-C): either way, stop.
process.on('disconnect', () => process.exit(0));

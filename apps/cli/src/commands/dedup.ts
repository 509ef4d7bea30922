/** `ntl dedup <run>`: exact and near duplicates across a finished run's shards (crawl.dedup's state is per shard). */
import { existsSync } from 'node:fs';
import { createLogger, finalizeRun, readPlan, runLayout, type LogLevel } from '@ntl/core';
import type { Command } from 'commander';
import { CorpusDedupMemoryError } from '@ntl/crawl';
import { DEDUP_MEMORY_OPTION, runCorpusDedup } from '../corpus-dedup-pass.js';
import { parsePositiveInteger, parsePositiveNumber } from './arguments.js';
import { CliError, EXIT } from '../exit-codes.js';
import { runVersions } from '../versions.js';

export function registerDedupCommand(program: Command): void {
  program
    .command('dedup')
    .description("Drop exact and near-duplicate documents across a finished run's shards (crawl.dedup finds them within a shard), with the run's own dedup settings; refreshes its manifest and report.")
    .argument('<run>', 'output folder of a finished ntl run')
    .option(...DEDUP_MEMORY_OPTION, parsePositiveNumber)
    .option('-w, --workers <n>', 'processes that decide languages and rewrite shards (default: number of cores; a corpus under 1 MiB or of one language uses one)', parsePositiveInteger)
    .option('--log-level <level>', 'debug, info, warn or error', 'info')
    .addHelpText(
      'after',
      `
Example:
  ntl run pipelines/crawl-to-corpus.json --input 'crawl/*.warc.gz' --output out/crawl --workers 8
  ntl dedup out/crawl

Language by language (memory holds one language's MinHash index, ~1 KB a document, in each worker; the pass
stops, changing nothing, before it outgrows --dedup-memory), in shard order, the
first occurrence winning: duplicates go to dropped/corpus.dedup/ with what they duplicate, and out of corpus/;
stats.json, manifest.json and report.html are rewritten with them. Safe to interrupt and rerun; a finished pass
is not repeated. See docs/crawl.md.

Exit codes: ${EXIT.ok} done; ${EXIT.failed} the pass outgrew --dedup-memory (nothing changed); ${EXIT.usage} not a finished run, or a
damaged corpus file (named with its line).`,
    )
    .action(async (run: string, options: { logLevel: LogLevel; dedupMemory?: number; workers?: number }) => {
      const log = createLogger({ level: options.logLevel });
      const plan = readPlan(run);
      if (!plan || !existsSync(runLayout.manifest(run))) throw new CliError(`${run}: not a finished run (no plan.json and manifest.json): run ntl run into it first, or finish it with --resume`, EXIT.usage);
      const result = await runCorpusDedup(run, plan, log, options.dedupMemory, options.workers).catch((error: unknown) => {
        if (error instanceof CorpusDedupMemoryError) throw new CliError(error.message, EXIT.failed);
        throw error;
      });
      const { manifest } = await finalizeRun(run, plan, runVersions());
      const exact = result.duplicates.filter((duplicate) => duplicate.reason === 'exact_duplicate').length;
      const documents = Object.values(manifest.counts.corpus).reduce((sum, counts) => sum + counts.docs, 0);
      process.stdout.write(
        `${result.alreadyDone ? 'already done: ' : ''}${result.duplicates.length} duplicate(s) dropped across shards (${exact} exact, ${result.duplicates.length - exact} near) of ${result.docsIn} documents; ${documents} documents in ${Object.keys(manifest.counts.corpus).length} language(s) remain in ${run} (report: ${runLayout.report(run)})\n`,
      );
    });
}

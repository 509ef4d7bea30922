import { fileURLToPath } from 'node:url';
import {
  OutputExistsError, PipelineError, PlanMismatchError, createLogger, finalizeRun, loadPipeline, resolveInputs, runLocal, type LogLevel, type Logger, type RunPlan,
} from '@ntl/core';
import { CorpusDedupMemoryError } from '@ntl/crawl';
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { createProgressReporter } from '../progress.js';
import { DEDUP_MEMORY_OPTION, dedupsAcrossShards, runCorpusDedup } from '../corpus-dedup-pass.js';
import { createStepRegistry } from '../step-registry.js';
import { runVersions } from '../versions.js';
import { parsePositiveInteger, parsePositiveNumber } from './arguments.js';

interface RunOptions {
  input?: string[];
  output?: string;
  workers?: number;
  tasks?: number;
  resume?: boolean;
  failOnDamage?: boolean;
  dedupMemory?: number;
  logLevel: LogLevel;
}

const registryModule = fileURLToPath(new URL('../step-registry.js', import.meta.url));

/**
 * The pass across shards; it journals its decisions and renames whole files, so stopping it anywhere is safe.
 * False when it outgrew its memory: the run is then finished without it (the corpus keeps duplicates across shards).
 */
async function dedupAcrossShards(outputDir: string, plan: RunPlan, log: Logger, memoryGb: number | undefined, workers: number | undefined): Promise<boolean> {
  const onSignal = () => {
    log.warn('interrupted during the dedup pass across shards; rerun with --resume to finish it');
    process.exit(EXIT.interrupted);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const { duplicates, docsIn, alreadyDone } = await runCorpusDedup(outputDir, plan, log, memoryGb, workers);
    if (!alreadyDone) log.info('duplicates across shards dropped', { step: 'corpus.dedup', duplicates: duplicates.length, documents: docsIn });
    return true;
  } catch (error) {
    if (!(error instanceof CorpusDedupMemoryError)) throw error;
    log.error(`${error.message} The run is finished without the pass.`, { step: 'corpus.dedup' });
    return false;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function run(pipelinePath: string, options: RunOptions): Promise<number> {
  const log = createLogger({ level: options.logLevel });
  let pipeline;
  try {
    pipeline = loadPipeline(pipelinePath, createStepRegistry());
  } catch (error) {
    if (error instanceof PipelineError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
  const outputDir = options.output ?? pipeline.output;
  if (!outputDir) throw new CliError('no output folder: pass --output DIR (the pipeline file names none)', EXIT.usage);
  if (!options.input?.length) throw new CliError('no input: pass --input FILE|DIR|GLOB…', EXIT.usage);
  const inputs = await resolveInputs(options.input);
  if (inputs.length === 0) throw new CliError(`no input file matches ${options.input.join(' ')}`, EXIT.usage);

  const abort = new AbortController();
  const onSignal = () => {
    log.warn('interrupted: finishing nothing further; rerun with --resume to continue');
    abort.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const progress = createProgressReporter(log);
  log.info('run started', { pipeline: pipeline.name, inputs: inputs.length, output: outputDir });
  let result;
  try {
    result = await runLocal({
      pipeline,
      inputs,
      outputDir,
      registryModule,
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.tasks !== undefined ? { tasks: options.tasks } : {}),
      resume: options.resume ?? false,
      log,
      logLevel: options.logLevel,
      signal: abort.signal,
      onProgress: (update) => progress.update(update),
    });
  } catch (error) {
    if (error instanceof OutputExistsError || error instanceof PlanMismatchError) throw new CliError(error.message, EXIT.usage);
    if (abort.signal.aborted) throw new CliError('run interrupted; rerun the same command with --resume to continue', EXIT.interrupted);
    throw error;
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const deduplicated = !dedupsAcrossShards(result.plan) || (await dedupAcrossShards(outputDir, result.plan, log, options.dedupMemory, options.workers));
  const { manifest } = await finalizeRun(outputDir, result.plan, runVersions());
  const languages = Object.keys(manifest.counts.corpus).length;
  const docs = Object.values(manifest.counts.corpus).reduce((sum, counts) => sum + counts.docs, 0);
  log.info('run finished', {
    output: outputDir,
    tasksRun: result.ranRanks.length,
    tasksSkipped: result.skippedRanks.length,
    documents: docs,
    languages,
    damagedInputs: manifest.counts.damagedInputs,
  });
  process.stdout.write(`${docs} documents in ${languages} language(s) written to ${outputDir} (report: ${outputDir}/report.html; damaged inputs: ${manifest.counts.damagedInputs})\n`);
  if (!deduplicated) return EXIT.failed;
  return options.failOnDamage && manifest.counts.damagedInputs > 0 ? EXIT.damaged : EXIT.ok;
}

export function registerRunCommand(program: Command, setExitCode: (code: number) => void): void {
  program
    .command('run')
    .description('Run a pipeline file over input files on local worker processes.')
    .argument('<pipeline>', 'pipeline file, e.g. pipelines/crawl-to-corpus.json')
    .option('-i, --input <paths...>', 'input files, folders (read recursively) or glob patterns')
    .option('-o, --output <dir>', 'output folder (default: the pipeline file\'s "output")')
    .option('-w, --workers <n>', 'worker processes (default: number of cores)', parsePositiveInteger)
    .option('--tasks <n>', 'input shards (default: one per input file, at most 64); fixed for an output folder', parsePositiveInteger)
    .option('--resume', 'continue a run in --output: skip shards that completed, redo the rest')
    .option('--fail-on-damage', `exit with ${EXIT.damaged} when any input record was damaged`)
    .option(...DEDUP_MEMORY_OPTION, parsePositiveNumber)
    .option('--log-level <level>', 'debug, info, warn or error', 'info')
    .addHelpText('after', '\nExample:\n  ntl run pipelines/crawl-to-corpus.json --input samples/crawl --output out/sample\n\nOutput: corpus/<tag>/part-*.jsonl.gz, dropped/<filter>/…, stats.json, manifest.json, report.html.')
    .action(async (pipelinePath: string, options: RunOptions) => setExitCode(await run(pipelinePath, options)));
}

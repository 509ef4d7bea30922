/**
 * `ntl filter tfiif`: the first pass Tf-IIf needs (statistics of the whole crawl). Runs the pipeline's steps
 * before its first filter — read, extract, normalise, dedup, segment, LangID — over every input in this process,
 * streams the documents into computeTfIif (bounded memory), and writes the table `filter.tfiif` reads.
 */
import { composeSteps, createLogger, inProcessContext, loadPipeline, PipelineError, resolveInputs } from '@ntl/core';
import { computeTfIif, DEFAULT_TFIIF_OPTIONS, defaultWordlistDir, loadWordlists, WordlistFolderError, writeTfIifTable } from '@ntl/filter';
import type { Command } from 'commander';
import { CliError, EXIT } from '../../exit-codes.js';
import { createStepRegistry } from '../../step-registry.js';
import { parsePositiveInteger } from '../arguments.js';

interface TfIifCommandOptions {
  input: string[];
  output: string;
  pipeline: string;
  wordlists?: string;
  top: number;
}

function firstPass(options: TfIifCommandOptions) {
  let pipeline;
  try {
    pipeline = loadPipeline(options.pipeline, createStepRegistry());
  } catch (error) {
    if (error instanceof PipelineError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
  const firstFilter = pipeline.steps.findIndex((step) => step.use.startsWith('filter.') || step.use === 'corpus.write');
  const steps = pipeline.steps.slice(0, firstFilter < 0 ? pipeline.steps.length : firstFilter);
  if (!steps.some((step) => step.use === 'langid.detect')) throw new CliError(`${options.pipeline}: no langid.detect step before the filters: Tf-IIf counts tokens per detected language`, EXIT.usage);
  return steps;
}

function loadReference(dir: string | undefined) {
  try {
    return loadWordlists(dir ?? defaultWordlistDir());
  } catch (error) {
    if (error instanceof WordlistFolderError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
}

export function registerFilterTfIif(filter: Command): void {
  filter
    .command('tfiif')
    .description('First pass for filter.tfiif: Tf-IIf tokens per detected language over a whole crawl, written as the table the filter reads.')
    .requiredOption('--input <paths...>', 'crawl files, folders or globs (as ntl run)')
    .requiredOption('-o, --output <file>', 'Tf-IIf table (JSON) to write; set it as "table" of filter.tfiif')
    .option('--pipeline <file>', 'pipeline whose steps before the first filter prepare the documents', 'pipelines/crawl-to-corpus.json')
    .option('--wordlists <dir>', 'reference wordlists: listed tokens are never anomalous (default: the wordlists filter.wordlist reads)')
    .option('--top <n>', 'tokens listed per language', parsePositiveInteger, DEFAULT_TFIIF_OPTIONS.top)
    .addHelpText('after', "\nExample:\n  ntl filter tfiif --input 'crawl/*.warc.gz' --output out/tfiif.json\n  # then in the pipeline: { \"use\": \"filter.tfiif\", \"with\": { \"table\": \"out/tfiif.json\" } }")
    .action(async (options: TfIifCommandOptions) => {
      const steps = firstPass(options);
      const inputs = await resolveInputs(options.input);
      if (inputs.length === 0) throw new CliError(`no input file matches ${options.input.join(' ')}`, EXIT.usage);
      const ctx = inProcessContext({ inputs, log: createLogger() });
      const table = await computeTfIif(composeSteps(steps.map((step) => step.create()), ctx), { top: options.top, wordlists: loadReference(options.wordlists) });
      writeTfIifTable(options.output, table);
      const languages = Object.entries(table.languages);
      const flagged = languages.reduce((sum, [, language]) => sum + language.anomalous.length, 0);
      process.stdout.write(`${options.output}: ${languages.length} languages, ${flagged} anomalous tokens to review (documents identified: ${ctx.stats.get('langid.detect.docs_out')})\n`);
    });
}

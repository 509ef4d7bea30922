/** `ntl filter calibrate`: per-language thresholds from data, written as a thresholds file the filters read. */
import {
  calibrateOnRun,
  calibrateOnSeed,
  DEFAULT_EXCLUDED,
  DEFAULT_MIN_SAMPLES,
  EvaluationInputError,
  filterSteps,
  seedDocuments,
  SEED_CALIBRATED,
  SEED_DOCUMENT_CHARS,
  SEED_MIN_SAMPLES,
  writeThresholdsFile,
  type ThresholdsFile,
} from '@ntl/filter';
import type { Command } from 'commander';
import { CliError, EXIT } from '../../exit-codes.js';
import { parsePositiveInteger, parseShare } from '../arguments.js';
import { loadSeedOption } from '../seed-data.js';

interface CalibrateOptions {
  seed?: string[];
  run?: string;
  output: string;
  minSamples?: number;
  excluded: number;
  docChars: number;
  alignTo?: string;
}

async function calibrate(options: CalibrateOptions): Promise<{ file: ThresholdsFile; what: string }> {
  if ((options.seed === undefined) === (options.run === undefined)) throw new CliError('give one of --seed <sources…> (clean seed text) or --run <dir> (an annotate-mode run)', EXIT.usage);
  if (options.seed) {
    const docs = seedDocuments(await loadSeedOption(options.seed, options.alignTo), options.docChars);
    const steps = filterSteps.filter((step) => step.name in SEED_CALIBRATED);
    return { file: await calibrateOnSeed(docs, steps, { minSamples: options.minSamples ?? SEED_MIN_SAMPLES }), what: `${docs.length} seed documents` };
  }
  try {
    const file = await calibrateOnRun(options.run as string, filterSteps, { excluded: options.excluded, minSamples: options.minSamples ?? DEFAULT_MIN_SAMPLES });
    return { file, what: `scores of ${options.run}` };
  } catch (error) {
    if (error instanceof EvaluationInputError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
}

export function registerFilterCalibrate(filter: Command): void {
  filter
    .command('calibrate')
    .description(
      'Per-language thresholds from data. --seed: clean seed text loosens the defaults where a language\'s clean text would fail them ' +
        `(${Object.entries(SEED_CALIBRATED).map(([step, names]) => `${step}: ${names.join(', ')}`).join('; ')}). ` +
        '--run: OpusFilter-style percentiles of the scores an annotate-mode run recorded, per language and threshold.',
    )
    .option('--seed <sources...>', 'clean in-language seed data: udhr, flores:DIR[@splits], tagged:FILE, folder:DIR, … (see ntl langid train --help)')
    .option('--run <dir>', 'output folder of a run with the filters in "mode": "annotate" (e.g. pipelines/filter-ablation.json)')
    .requiredOption('-o, --output <file>', 'thresholds file to write; filters read it with "thresholds": "<file>"')
    .option('--min-samples <n>', `scores a language needs to get its own values (default: ${SEED_MIN_SAMPLES} seed documents; ${DEFAULT_MIN_SAMPLES} units of a run)`, parsePositiveInteger)
    .option('--excluded <share>', "--run: share of each language's units a threshold excludes (OpusFilter's excluded_percentile)", parseShare, DEFAULT_EXCLUDED)
    .option('--doc-chars <n>', '--seed: seed text is cut into documents of about this many characters (a web page)', parsePositiveInteger, SEED_DOCUMENT_CHARS)
    .option('--align-to <model>', '--seed: spell tags as this LangID model folder does (e.g. models/langid-full: cmn_Hans → zho_Hans)')
    .addHelpText(
      'after',
      '\nExamples:\n  ntl filter calibrate --seed udhr --output models/filter-thresholds-udhr.json      # how the shipped file is built\n' +
        "  ntl run pipelines/filter-ablation.json --input 'crawl/*.warc.gz' --output out/annotated\n  ntl filter calibrate --run out/annotated --output out/thresholds.json",
    )
    .action(async (options: CalibrateOptions) => {
      const { file, what } = await calibrate(options);
      writeThresholdsFile(options.output, file);
      const lines = Object.entries(file.filters).flatMap(([step, thresholds]) =>
        Object.entries(thresholds).map(([name, threshold]) => `${step}.${name}: ${Object.keys(threshold.perLanguage).length} languages with their own value (default ${threshold.default})`),
      );
      process.stdout.write(`${options.output}: from ${what}\n${lines.join('\n')}\n`);
    });
}

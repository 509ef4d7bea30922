/** `ntl filter calibrate`: per-language thresholds from data (OpusFilter-style percentiles), written as a thresholds file. */
import { calibrateOnSeed, filterSteps, seedDocuments, SEED_CALIBRATED, SEED_DOCUMENT_CHARS, SEED_MIN_SAMPLES, writeThresholdsFile } from '@ntl/filter';
import type { Command } from 'commander';
import { parsePositiveInteger } from '../arguments.js';
import { loadSeedOption } from './seed-data.js';

interface CalibrateOptions {
  seed: string[];
  output: string;
  minSamples: number;
  docChars: number;
  alignTo?: string;
}

export function registerFilterCalibrate(filter: Command): void {
  filter
    .command('calibrate')
    .description(
      'Per-language thresholds from clean seed text: each language gets its own value where its clean text would fail the default ' +
        `(${Object.entries(SEED_CALIBRATED).map(([step, names]) => `${step}: ${names.join(', ')}`).join('; ')}).`,
    )
    .requiredOption('--seed <sources...>', 'clean in-language seed data: udhr, flores:DIR[@splits], tagged:FILE, folder:DIR, … (see ntl langid train --help)')
    .requiredOption('-o, --output <file>', 'thresholds file to write; filters read it with "thresholds": "<file>"')
    .option('--min-samples <n>', 'seed documents a language needs to get its own values', parsePositiveInteger, SEED_MIN_SAMPLES)
    .option('--doc-chars <n>', 'seed text is cut into documents of about this many characters (a web page)', parsePositiveInteger, SEED_DOCUMENT_CHARS)
    .option('--align-to <model>', 'spell tags as this LangID model folder does (e.g. models/langid-full: cmn_Hans → zho_Hans)')
    .addHelpText('after', '\nExample (how models/filter-thresholds-udhr.json is built):\n  ntl filter calibrate --seed udhr --output models/filter-thresholds-udhr.json')
    .action(async (options: CalibrateOptions) => {
      const docs = seedDocuments(await loadSeedOption(options.seed, options.alignTo), options.docChars);
      const steps = filterSteps.filter((step) => step.name in SEED_CALIBRATED);
      const file = await calibrateOnSeed(docs, steps, { minSamples: options.minSamples });
      writeThresholdsFile(options.output, file);
      const lines = Object.entries(file.filters).flatMap(([step, thresholds]) =>
        Object.entries(thresholds).map(([name, threshold]) => `${step}.${name}: ${Object.keys(threshold.perLanguage).length} languages loosened (default ${threshold.default})`),
      );
      process.stdout.write(`${options.output}: ${docs.length} seed documents\n${lines.join('\n')}\n`);
    });
}

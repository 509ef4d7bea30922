import { DEFAULT_PAGES_PER_FILE, DEFAULT_PAGES_PER_LANGUAGE, DEFAULT_SYNTH_LANGUAGES, PAGE_KINDS, synthCrawl, SynthPlanError, SynthSourceError, type SynthCrawlSummary, type SynthSourceName } from '@ntl/filter';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { parsePositiveInteger } from './arguments.js';

interface SynthCrawlCliOptions {
  seed: number;
  out: string;
  languages: number;
  pages: number;
  source?: SynthSourceName;
  sharedData?: string;
  pagesPerFile: number;
  json?: boolean;
}

function parseSeed(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 0xffffffff) throw new InvalidArgumentError(`expected an integer from 0 to 4294967295, got "${value}"`);
  return parsed;
}

function formatSummary(summary: SynthCrawlSummary): string {
  const bytes = summary.files.reduce((sum, f) => sum + f.bytes, 0);
  const kinds = PAGE_KINDS.map((k) => `${k} ${summary.kinds[k]}`).join(', ');
  return [
    `wrote ${summary.pages} pages claiming ${summary.languages.length} languages to ${summary.outDir}: ${summary.files.length} WARC file(s), ${bytes} bytes; truth in ${summary.truth}`,
    `  text   ${summary.sourceDescription}; ${summary.reusedSentences} sentence uses repeated a language's pool`,
    `  pages  ${kinds}`,
    '',
  ].join('\n');
}

/** `ntl synth-crawl`: a noisy crawl of pages claiming low-resource languages, with per-sentence ground truth. */
export function registerSynthCrawlCommand(program: Command): void {
  program
    .command('synth-crawl')
    .description('Write a synthetic noisy crawl (WARC files) with ground truth for every page and sentence, from held-out text.')
    .requiredOption('-o, --out <dir>', 'output folder for synth-*.warc.gz, truth.jsonl and synth-crawl.json')
    .option('--seed <n>', 'seed: the same seed writes the same bytes', parseSeed, 1)
    .option('--languages <n>', 'how many languages the pages claim', parsePositiveInteger, DEFAULT_SYNTH_LANGUAGES)
    .option('--pages <n>', 'pages per claimed language', parsePositiveInteger, DEFAULT_PAGES_PER_LANGUAGE)
    .addOption(new Option('--source <name>', 'held-out text: FLORES-200 dev or held-out UDHR (default: flores when --shared-data has flores200-sib/, else udhr)').choices(['flores', 'udhr']))
    .option('--shared-data <dir>', 'folder holding flores200-sib/ (default: ../shared/data)')
    .option('--pages-per-file <n>', 'pages per WARC file', parsePositiveInteger, DEFAULT_PAGES_PER_FILE)
    .option('--json', 'print the summary as one JSON object')
    .addHelpText(
      'after',
      `
Example:
  ntl synth-crawl --seed 7 --out out/synth --languages 50 --pages 20
  ntl run pipelines/crawl-to-corpus.json --input 'out/synth/*.warc.gz' --output out/synth-run

Output: synth-00000.warc.gz… (WARC/1.1 request + response records), truth.jsonl (one row per page: id = the
WARC-Record-ID that becomes Doc.id, url, claimed language, page kind, true language or noise, and every
sentence with its language or noise kind), synth-crawl.json (options, counts, checksums). The text is
unseen only by a LangID model trained with refit:false: the shipped models are refit on their held-out
data. See docs/synth-crawl.md.

Exit codes: ${EXIT.ok} written, ${EXIT.usage} bad arguments or no such text source, ${EXIT.failed} the output could not be written.`,
    )
    .action(async (options: SynthCrawlCliOptions) => {
      let summary: SynthCrawlSummary;
      try {
        summary = await synthCrawl({
          outDir: options.out,
          seed: options.seed,
          languages: options.languages,
          pages: options.pages,
          pagesPerFile: options.pagesPerFile,
          ...(options.source === undefined ? {} : { source: options.source }),
          ...(options.sharedData === undefined ? {} : { sharedDataDir: options.sharedData }),
        });
      } catch (error) {
        if (error instanceof SynthSourceError || error instanceof SynthPlanError) throw new CliError(error.message, EXIT.usage);
        throw error;
      }
      process.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : formatSummary(summary));
    });
}

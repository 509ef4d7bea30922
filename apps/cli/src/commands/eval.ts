import {
  Bleu,
  Chrf,
  SegmentFileError,
  Ter,
  UnsupportedTokenizerError,
  checkSegmentCounts,
  corpusScore,
  formatPairedResults,
  formatScore,
  formatSingleResults,
  isBleuTokenizerName,
  pairedApproxRandomization,
  pairedBootstrap,
  type Metric,
  type NamedSegments,
} from '@ntl/eval';
import { Option, type Command } from 'commander';
import { CliError, EXIT } from '../exit-codes.js';
import { parsePositiveInteger } from './arguments.js';
import { registerEvalErrorsCommand } from './eval-errors.js';
import { readSegments } from './eval-inputs.js';
import { registerEvalRttCommand } from './eval-rtt.js';

const METRIC_NAMES = ['bleu', 'chrf', 'chrf++', 'ter'] as const;
type MetricName = (typeof METRIC_NAMES)[number];

interface MetricOptions {
  metrics: string;
  tokenize?: string;
  lowercase?: boolean;
  json?: boolean;
  width: number;
}

function parseMetricNames(list: string): MetricName[] {
  const names = list.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  for (const name of names) {
    if (!(METRIC_NAMES as readonly string[]).includes(name)) throw new CliError(`unknown metric "${name}"; known: ${METRIC_NAMES.join(', ')}`, EXIT.usage);
  }
  if (names.length === 0) throw new CliError(`--metrics is empty; known: ${METRIC_NAMES.join(', ')}`, EXIT.usage);
  return names as MetricName[];
}

/** sacrebleu's defaults per metric; `--tokenize` and `--lowercase` apply to BLEU, `--lowercase` to chrF as in sacrebleu. */
function buildMetrics(options: MetricOptions): Metric[] {
  if (options.tokenize !== undefined && !isBleuTokenizerName(options.tokenize)) {
    throw new CliError(`unknown tokenizer "${options.tokenize}"; use 13a, intl, char or none`, EXIT.usage);
  }
  const lowercase = options.lowercase ?? false;
  return parseMetricNames(options.metrics).map((name): Metric => {
    switch (name) {
      case 'bleu':
        return new Bleu({ lowercase, ...(options.tokenize !== undefined ? { tokenize: options.tokenize as never } : {}) });
      case 'chrf':
        return new Chrf({ lowercase });
      case 'chrf++':
        return new Chrf({ lowercase, wordOrder: 2 });
      case 'ter':
        return new Ter({});
    }
  });
}

function checkCounts(hyp: NamedSegments, refs: NamedSegments[]): void {
  try {
    checkSegmentCounts(hyp, refs);
  } catch (error) {
    if (error instanceof SegmentFileError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
}

function withUsageErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof UnsupportedTokenizerError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
}

function addMetricOptions(command: Command): Command {
  return command
    .option('-m, --metrics <list>', `comma-separated: ${METRIC_NAMES.join(', ')}`, 'bleu,chrf,chrf++,ter')
    .option('--tokenize <name>', 'BLEU tokenizer: 13a (default), intl, char, none')
    .option('--lowercase', 'case-insensitive BLEU and chrF')
    .option('--json', 'print JSON objects as `sacrebleu --format json` does')
    .option('--width <n>', 'decimals in printed scores', (value) => parsePositiveInteger(value), 2);
}

/**
 * `ntl eval score` and `ntl eval compare`: sacrebleu's command line, on the same numbers; `ntl eval errors` and
 * `ntl eval rtt`: error-mode flags and RTTLangIDChrF (eval-errors.ts, eval-rtt.ts).
 */
export function registerEvalCommand(program: Command): void {
  const evalCommand = program
    .command('eval')
    .description('Score translations: BLEU, chrF, chrF++, TER exactly as sacrebleu 2.6.0, significance tests, RTTLangIDChrF and error-mode flags.');

  addMetricOptions(
    evalCommand
      .command('score')
      .description('Corpus scores of one hypothesis file against one or more reference files, with signatures.')
      .requiredOption('--hyp <file>', 'hypothesis file, one segment per line (UTF-8)')
      .requiredOption('--ref <files...>', 'reference file(s), line-aligned with --hyp'),
  )
    .addOption(new Option('--confidence', 'add bootstrap 95% confidence intervals (1000 resamples, seed 12345)'))
    .addHelpText('after', '\nExample:\n  ntl eval score --hyp out.txt --ref ref.txt --metrics bleu,chrf++ --tokenize intl')
    .action((options: MetricOptions & { hyp: string; ref: string[]; confidence?: boolean }) => {
      const metrics = buildMetrics(options);
      const hyp = readSegments(options.hyp);
      const refs = options.ref.map(readSegments);
      checkCounts(hyp, refs);
      const streams = refs.map((ref) => ref.segments);
      const lines = withUsageErrors(() =>
        metrics.map((metric) => {
          const score = corpusScore(metric, hyp.segments, streams, options.confidence ? { nBootstrap: 1000 } : {});
          return formatScore(score, { width: options.width, signature: 'long', json: options.json ?? false });
        }),
      );
      process.stdout.write(`${formatSingleResults(lines, options.json ?? false)}\n`);
    });

  addMetricOptions(
    evalCommand
      .command('compare')
      .description('Paired significance tests of systems against a baseline (sacrebleu --paired-bs / --paired-ar).')
      .requiredOption('--baseline <file>', 'the baseline system\'s output')
      .requiredOption('--system <files...>', 'the systems to compare with it')
      .requiredOption('--ref <files...>', 'reference file(s)'),
  )
    .option('--paired-bs', 'paired bootstrap resampling (default)')
    .option('--paired-ar', 'paired approximate randomization')
    .option('--samples <n>', 'resamples (bootstrap: 1000) or trials (randomization: 10000)', parsePositiveInteger)
    .action((options: MetricOptions & { baseline: string; system: string[]; ref: string[]; pairedBs?: boolean; pairedAr?: boolean; samples?: number }) => {
      if (options.pairedBs && options.pairedAr) throw new CliError('choose one of --paired-bs and --paired-ar', EXIT.usage);
      const metrics = buildMetrics(options);
      const baseline = readSegments(options.baseline);
      const systems = options.system.map(readSegments);
      const refs = options.ref.map(readSegments);
      for (const system of [baseline, ...systems]) checkCounts(system, refs);
      const streams = refs.map((ref) => ref.segments);
      const named = (system: NamedSegments, prefix = '') => ({ name: `${prefix}${system.name}`, hyps: system.segments });
      const samples = options.samples !== undefined ? { nSamples: options.samples } : {};
      const result = withUsageErrors(() =>
        options.pairedAr
          ? pairedApproxRandomization(named(baseline, 'Baseline: '), systems.map((system) => named(system)), streams, metrics, samples)
          : pairedBootstrap(named(baseline, 'Baseline: '), systems.map((system) => named(system)), streams, metrics, samples),
      );
      process.stdout.write(`${formatPairedResults(result, { width: options.width, json: options.json ?? false })}\n`);
    });

  registerEvalErrorsCommand(evalCommand);
  registerEvalRttCommand(evalCommand);
}

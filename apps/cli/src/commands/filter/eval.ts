/** `ntl filter eval`: measured per-language precision and recall of a run's corpora against a synthetic crawl's truth, and the filter ablation. */
import { DEFAULT_MIN_SENTENCES, EvaluationInputError, evaluateRun, formatEvaluation } from '@ntl/filter';
import type { Command } from 'commander';
import { CliError, EXIT } from '../../exit-codes.js';
import { parsePositiveInteger } from '../arguments.js';

interface FilterEvalOptions {
  corpus: string;
  truth: string;
  minSentences: number;
  ablation?: boolean;
  json?: boolean;
}

export function registerFilterEvalCommand(filter: Command): void {
  filter
    .command('eval')
    .description("Per-language precision and recall of a run's corpora against the truth of the synthetic crawl it read, their medians, and the filter ablation when the filters ran in annotate mode.")
    .requiredOption('--corpus <dir>', 'output folder of ntl run (corpus/, dropped/, manifest.json)')
    .requiredOption('--truth <file>', 'truth.jsonl of the ntl synth-crawl the run read')
    .option('--min-sentences <n>', 'languages with fewer distinct truth sentences stay out of the medians', parsePositiveInteger, DEFAULT_MIN_SENTENCES)
    .option('--ablation', 'fail unless the run allows the ablation (every filter with "mode": "annotate")')
    .option('--json', 'print the whole result as one JSON object')
    .addHelpText(
      'after',
      `
Example:
  ntl synth-crawl --seed 1 --out out/synth
  ntl run pipelines/filter-ablation.json --input 'out/synth/*.warc.gz' --output out/ablation
  ntl filter eval --corpus out/ablation --truth out/synth/truth.jsonl

Precision of corpus/<L>: the share of its kept sentences whose true language is L (code-switched sentences by
their majority language; noise, chrome and boilerplate are no language). Recall of L: the share of the distinct
main-text sentences in L that corpus/<L> kept. With annotate-mode records (pipelines/filter-ablation.json) the
table is for all filters and the ablation recomputes LangID only, + each filter, all filters, all but each.
See docs/filters.md "Measuring precision and recall".

Exit codes: ${EXIT.ok} done; ${EXIT.usage} bad arguments, a missing run folder or truth file, records that are not a run's, or --ablation on a run that allows none.`,
    )
    .action(async (options: FilterEvalOptions) => {
      const result = await evaluateRun({ runDir: options.corpus, truthPath: options.truth, minSentences: options.minSentences, requireAblation: options.ablation ?? false }).catch((error: unknown) => {
        if (error instanceof EvaluationInputError) throw new CliError(error.message, EXIT.usage);
        throw error;
      });
      process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : formatEvaluation(result));
    });
}

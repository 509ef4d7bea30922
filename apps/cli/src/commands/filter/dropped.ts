/** `ntl filter dropped`: samples of what a run dropped, per step, reason and language, for review. */
import { droppedSamples, EvaluationInputError, formatDroppedSamples } from '@ntl/filter';
import type { Command } from 'commander';
import { CliError, EXIT } from '../../exit-codes.js';
import { parsePositiveInteger } from '../arguments.js';
import { parseLanguageTag } from '../eval-inputs.js';

interface FilterDroppedOptions {
  step?: string[];
  reason?: string[];
  lang?: string[];
  limit: number;
  json?: boolean;
}

/** Any spelling the tag registry knows (`hau`, `ha`, `hau_Latn`, `sr-Latn`), as the `xxx_Xxxx` tag runs write. */
const parseLanguage = (value: string, previous: string[] = []): string[] => [...previous, parseLanguageTag(value)];

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function registerFilterDroppedCommand(filter: Command): void {
  filter
    .command('dropped')
    .description("Samples of what a run dropped, by step and reason, for one or more languages: the documents and sentences a linguist reviews to judge a filter's thresholds.")
    .argument('<run>', 'output folder of ntl run')
    .option('--step <step>', 'only this step (repeatable), e.g. filter.wordlist or crawl.dedup', collect)
    .option('--reason <reason>', 'only this drop reason (repeatable), e.g. low_wordlist_share', collect)
    .option('--lang <tag>', "only documents in this language, by their LangID tag (repeatable; a sentence counts as its document's language)", parseLanguage)
    .option('--limit <n>', 'samples shown per step and reason', parsePositiveInteger, 10)
    .option('--json', 'print {groups: [{step, reason, documents, sentences, samples: [{step, reason, lang, unit, docId, text, where}]}], unreadable}')
    .addHelpText(
      'after',
      `
Example:
  npm start
  ntl filter dropped out/sample --lang amh_Ethi --limit 5
  ntl filter dropped out/sample --step filter.consistency --json

Samples are the first of each step and reason in file order (the same on every call); the counts cover every
match. Documents dropped before LangID (crawl.dedup, crawl.extract) have no language and match no --lang.

Exit codes: ${EXIT.ok} done (also when nothing matches); ${EXIT.usage} bad arguments, a missing run folder, or a damaged dropped/ file (named with its line).`,
    )
    .action(async (run: string, options: FilterDroppedOptions) => {
      const result = await droppedSamples({ runDir: run, steps: options.step ?? [], reasons: options.reason ?? [], languages: options.lang ?? [], limit: options.limit }).catch((error: unknown) => {
        if (error instanceof EvaluationInputError) throw new CliError(error.message, EXIT.usage);
        throw error;
      });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return;
      }
      process.stdout.write(formatDroppedSamples(result.groups));
      if (result.unreadable > 0) process.stderr.write(`${result.unreadable} record(s) under ${run}/dropped are not records ntl run writes; skipped\n`);
    });
}

/** `ntl filter wordlists`: per-language wordlists from seed data, for `filter.wordlist` and Tf-IIf. */
import { buildWordlists, DEFAULT_WORDLIST_OPTIONS, saveWordlists, WordlistFolderError } from '@ntl/filter';
import type { Command } from 'commander';
import { CliError, EXIT } from '../../exit-codes.js';
import { parsePositiveInteger } from '../arguments.js';
import { loadSeedOption } from '../seed-data.js';

interface WordlistsOptions {
  data: string[];
  output: string;
  size: number;
  minCount: number;
  alignTo?: string;
}

export function registerFilterWordlists(filter: Command): void {
  filter
    .command('wordlists')
    .description('Build per-language wordlists (the most frequent tokens of each language\'s seed text) for filter.wordlist and Tf-IIf.')
    .requiredOption('--data <sources...>', 'seed data: udhr, flores:DIR[@splits], tagged:FILE, folder:DIR, verses:FILE|DIR, or a bare path (see ntl langid train --help)')
    .requiredOption('-o, --output <dir>', 'folder to write <tag>.txt files into')
    .option('--size <n>', 'tokens kept per language', parsePositiveInteger, DEFAULT_WORDLIST_OPTIONS.size)
    .option('--min-count <n>', 'tokens seen fewer times are left out', parsePositiveInteger, DEFAULT_WORDLIST_OPTIONS.minCount)
    .option('--align-to <model>', "spell tags as this LangID model folder does (e.g. models/langid-full: cmn_Hans → zho_Hans)")
    .addHelpText('after', '\nExample:\n  ntl filter wordlists --data udhr flores:../shared/data/flores200-sib@train,dev --align-to models/langid-full --output models/wordlists-full')
    .action(async (options: WordlistsOptions) => {
      const texts = await loadSeedOption(options.data, options.alignTo);
      const lists = buildWordlists(texts, { size: options.size, minCount: options.minCount });
      try {
        saveWordlists(options.output, lists);
      } catch (error) {
        if (error instanceof WordlistFolderError) throw new CliError(error.message, EXIT.failed);
        throw error;
      }
      process.stdout.write(`${options.output}: ${lists.size} wordlists from ${texts.length} seed texts\n`);
    });
}

/**
 * `filter.blocklist`: drops sentences (or documents) containing a blocklisted substring — boilerplate,
 * leaked markup, mojibake (the "cursed substrings" idea of Bapna et al. 2022 §2.1). Case-insensitive.
 */
import { readFileSync } from 'node:fs';
import { OptionError } from '@ntl/core';
import { defineFilter } from '../filter-step/define-filter.js';
import { BlocklistMatcher } from './blocklist-matcher.js';
import { DEFAULT_BLOCKLIST } from './default-blocklist.js';

/** One entry a line; blank lines and lines starting with `#` are skipped. */
function readBlocklistFile(path: string): string[] {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    throw new OptionError('file', `cannot read the blocklist file ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return source.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

export const blocklistFilter = defineFilter({
  name: 'blocklist',
  description: 'cursed-substring / boilerplate blocklist: drop units containing a listed string (case-insensitive)',
  levels: ['document', 'sentence'],
  defaultLevel: 'sentence',
  needsLanguage: false,
  options: {
    strings: { type: 'strings', default: DEFAULT_BLOCKLIST, description: 'blocklisted substrings; default: web boilerplate, leaked markup and mojibake (default-blocklist.ts)' },
    file: { type: 'string', default: '', description: 'a file of further substrings, one a line (# comments); added to `strings`' },
  },
  thresholds: {
    maxHits: {
      measure: 'hits',
      bound: 'max',
      default: 0,
      min: 0,
      max: 1000,
      reason: 'blocklisted',
      description: 'maximum distinct blocklisted substrings a unit may contain; 0: any one drops it',
      calibrate: false,
    },
  },
  scorer(options) {
    const entries = [...options.strings, ...(options.file === '' ? [] : readBlocklistFile(options.file))];
    const empty = entries.findIndex((entry) => entry === '');
    if (empty >= 0) throw new OptionError('strings', `entry ${empty} is empty: it would match every text`);
    const matcher = new BlocklistMatcher(entries);
    return { score: ({ doc, start, end }) => ({ hits: matcher.distinctHits(doc.text, start, end) }) };
  },
});

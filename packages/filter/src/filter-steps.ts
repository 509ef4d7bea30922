/** Every filter step, in the order the crawl-to-corpus pipeline runs them (cheap, language-free rules first). */
import { blocklistFilter } from './blocklist/blocklist-filter.js';
import { consistencyFilter } from './consistency/consistency-filter.js';
import type { FilterStepDefinition } from './filter-step/define-filter.js';
import { heuristicsFilter } from './heuristics/heuristics-filter.js';
import { repetitionFilter } from './repetition/repetition-filter.js';
import { scriptFilter } from './script/script-filter.js';
import { tfIifFilter } from './tf-iif/tf-iif-filter.js';
import { wordlistFilter } from './wordlist/wordlist-filter.js';

export const filterSteps: readonly FilterStepDefinition[] = [
  heuristicsFilter,
  repetitionFilter,
  blocklistFilter,
  scriptFilter,
  consistencyFilter,
  wordlistFilter,
  tfIifFilter,
];

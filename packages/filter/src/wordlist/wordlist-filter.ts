/**
 * `filter.wordlist`, the percent-threshold wordlist filter (Caswell et al. 2020 §5.1; Bapna et al. 2022
 * §2.1.2): a unit passes when at least `minShare` of its tokens are in its language's wordlist.
 * A language with no wordlist cannot be judged: its units pass, counted as `skipped.no-wordlist`, with a
 * warning naming the language once per task — never silently, never a crash.
 */
import { defineFilter, Skip } from '../filter-step/define-filter.js';
import { countTokensIn, TokenSet } from '../tokens/token-set.js';
import { defaultWordlistDir } from './default-wordlists.js';
import { loadWordlists } from './wordlist-files.js';

export const wordlistFilter = defineFilter({
  name: 'wordlist',
  description: 'percent-threshold wordlist filter: drop units where too small a share of tokens is in the language’s wordlist (Caswell et al. 2020)',
  levels: ['document', 'sentence', 'both'],
  defaultLevel: 'sentence',
  needsLanguage: true,
  options: {
    wordlists: {
      type: 'string',
      default: '',
      description: 'folder of <tag>.txt wordlists (ntl filter wordlists); empty: models/wordlists-full when built, else the shipped models/wordlists-udhr',
    },
  },
  thresholds: {
    minShare: {
      measure: 'share',
      bound: 'min',
      default: 0.1,
      min: 0,
      max: 1,
      reason: 'low_wordlist_share',
      description: 'minimum share of a unit’s tokens found in its language’s wordlist; 0.1, chosen on synthetic crawls of unseen FLORES text (docs/filters.md: at 0.2 half the sentences it dropped were in-language)',
    },
  },
  scorer(options) {
    const folder = options.wordlists === '' ? defaultWordlistDir() : options.wordlists;
    const lists = new Map([...loadWordlists(folder)].map(([tag, tokens]) => [tag, new TokenSet(tokens)]));
    return {
      score({ doc, start, end, lang }) {
        const list = lists.get(lang);
        if (!list) return new Skip('no-wordlist', `no wordlist for ${lang} in ${folder}: its units pass unjudged (counted as skipped.no-wordlist)`);
        const { tokens, found } = countTokensIn(doc.text, list, {}, start, end);
        if (tokens === 0) return new Skip('no-tokens');
        return { share: found / tokens, tokens };
      },
    };
  },
});

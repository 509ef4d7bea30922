/**
 * `filter.tfiif`: drops units dominated by their language's anomalous Tf-IIf tokens (computeTfIif's table,
 * reviewed or not). A language the table has no flagged tokens for, because no wordlist was there to tell
 * genuine vocabulary from anomalies, is skipped with a warning (`skipped.no-reference`), as is a language the
 * table does not know (`skipped.no-tfiif-list`).
 */
import { defineFilter, Skip } from '../filter-step/define-filter.js';
import type { Scores } from '../filter-step/threshold-spec.js';
import { countTokensIn, TokenSet } from '../tokens/token-set.js';
import { readTfIifTable } from './tf-iif-table.js';

/** Tf-IIf needs statistics of the whole crawl, computed by a first pass the pipeline cannot run by itself. */
const NO_TABLE = new Skip('no-table', 'no Tf-IIf table (option "table"): documents pass unjudged; compute one over the crawl with `ntl filter tfiif --input … --output tfiif.json` and set "table"');

export const tfIifFilter = defineFilter({
  name: 'tfiif',
  description: 'Tf-IIf: drop units dominated by tokens anomalously frequent in their language’s crawl (Caswell et al. 2020; Bapna et al. 2022 §2.1.2)',
  levels: ['document', 'sentence', 'both'],
  defaultLevel: 'document',
  needsLanguage: true,
  options: {
    table: {
      type: 'string',
      default: '',
      description: 'Tf-IIf table of this crawl (ntl filter tfiif); empty: documents pass unjudged, counted as skipped.no-table, with one warning',
    },
  },
  thresholds: {
    maxShare: {
      measure: 'share',
      bound: 'max',
      default: 0.5,
      min: 0,
      max: 1,
      reason: 'anomalous_tokens',
      description: 'maximum share of a unit’s tokens that are anomalous Tf-IIf tokens of its language; 0.5 (ours): "dominated" means more than half',
    },
  },
  scorer(options) {
    if (options.table === '') return { score: () => NO_TABLE };
    const table = readTfIifTable(options.table);
    const anomalous = new Map(Object.entries(table.languages).map(([tag, language]) => [tag, { tokens: new TokenSet(language.anomalous), reference: language.reference }]));
    return {
      score({ doc, start, end, lang }): Scores | Skip {
        const list = anomalous.get(lang);
        if (!list) return new Skip('no-tfiif-list', `the Tf-IIf table ${options.table} has no entry for ${lang}: its units pass unjudged (counted as skipped.no-tfiif-list)`);
        if (list.tokens.size === 0 && list.reference === 'none') {
          return new Skip('no-reference', `the Tf-IIf table flags no tokens for ${lang} (no wordlist when it was computed; review its list and fill "anomalous"): its units pass unjudged`);
        }
        const { tokens, found } = countTokensIn(doc.text, list.tokens, {}, start, end);
        if (tokens === 0) return new Skip('no-tokens');
        return { share: found / tokens, tokens };
      },
    };
  },
});

/**
 * `filter.script`: the text must be written in its language's expected scripts (Bapna et al. 2022 §2.1 list
 * wrong-script and misrendered-font text among the web's failure modes). The score is the share of the
 * unit's letters (code points of a writing script: Common, Inherited and Unknown aside) in an expected
 * script; at the default 0.5 the expected scripts hold the majority, so the dominant script is expected.
 */
import { detectScript, TagError } from '@ntl/core';
import { defineFilter, Skip } from '../filter-step/define-filter.js';
import type { Scores } from '../filter-step/threshold-spec.js';
import { expectedScripts } from './expected-scripts.js';

const NEUTRAL = new Set(['Zyyy', 'Zinh', 'Zzzz']);

export const scriptFilter = defineFilter({
  name: 'script',
  description: 'script consistency: the text’s letters must be mostly in the scripts its language tag expects',
  levels: ['document', 'sentence', 'both'],
  defaultLevel: 'document',
  needsLanguage: true,
  options: {
    registry: {
      type: 'boolean',
      default: false,
      description: 'also accept every likely script the registry lists for the language (e.g. Latn for srp_Cyrl); default: only the tag’s script',
    },
  },
  thresholds: {
    minShare: {
      measure: 'share',
      bound: 'min',
      default: 0.5,
      min: 0,
      max: 1,
      reason: 'wrong_script',
      description: 'minimum share of letters in an expected script; 0.5 (ours) makes an expected script the majority',
    },
  },
  scorer(options) {
    const cache = new Map<string, Set<string> | TagError>();
    const expectedFor = (lang: string): Set<string> | TagError => {
      let expected = cache.get(lang);
      if (!expected) {
        try {
          expected = expectedScripts(lang, options.registry);
        } catch (error) {
          if (!(error instanceof TagError)) throw error;
          expected = error;
        }
        cache.set(lang, expected);
      }
      return expected;
    };
    return {
      score({ text, lang }): Scores | Skip {
        const expected = expectedFor(lang);
        if (expected instanceof TagError) return new Skip('invalid-tag', `${expected.message}: its units pass unjudged (counted as skipped.invalid-tag)`);
        let letters = 0;
        let inExpected = 0;
        const counts = detectScript(text);
        // for…in, not Object.entries: no array per script and per unit.
        for (const script in counts) {
          if (NEUTRAL.has(script)) continue;
          const count = counts[script] as number;
          letters += count;
          if (expected.has(script)) inExpected += count;
        }
        if (letters === 0) return new Skip('no-letters');
        return { share: inExpected / letters, letters };
      },
    };
  },
});

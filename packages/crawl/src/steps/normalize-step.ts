import { type Doc, defineStep, mapStep } from '@ntl/core';
import { type NormalizationForm, type NormalizeChanges, normalizeText } from '../normalize/normalize-text.js';

const NAME = 'crawl.normalize';

const COUNTED: ReadonlyArray<Exclude<keyof NormalizeChanges, 'unicodeForm'>> = [
  'lineSeparators', 'controls', 'byteOrderMarks', 'trimmedEdges', 'spaceRuns', 'blankLines',
];

/**
 * Unicode normalisation (NFC by default), control and BOM removal, line-separator, space and
 * blank-line cleanup (normalize-text.ts). Every kind of change is counted in stats as
 * `crawl.normalize.<kind>`; documents whose text becomes empty are marked dropped (`empty`).
 */
export const normalizeStep = defineStep({
  name: NAME,
  description: 'Unicode NFC/NFKC, control characters, line separators, spaces and blank lines',
  options: {
    form: {
      type: 'enum',
      values: ['NFC', 'NFKC'],
      default: 'NFC',
      description: 'NFC keeps compatibility characters (full-width forms, ligatures); NFKC folds them',
    },
  },
  create(options) {
    const form = options.form as NormalizationForm;
    return mapStep(NAME, (doc, ctx) => {
      const { text, changes } = normalizeText(doc.text, { form });
      if (changes.unicodeForm) ctx.stats.add(`${NAME}.unicode_form_changed`);
      for (const kind of COUNTED) if (changes[kind] > 0) ctx.stats.add(`${NAME}.${kind}`, changes[kind]);
      const result: Doc = text === doc.text ? doc : { ...doc, text };
      if (text) return result;
      ctx.stats.drop(NAME, 'empty');
      return { ...result, drop: { filter: NAME, reason: 'empty' } };
    });
  },
});

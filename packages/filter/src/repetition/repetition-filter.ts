/**
 * `filter.repetition`: Gopher-style repetition removal (Rae et al. 2021, App. A.1.1, Table A1), thresholds as
 * datatrove's GopherRepetitionFilter uses them. Keyword spam, templated pages and lists repeat lines and
 * n-grams far more than running text does.
 */
import { defineFilter, Skip } from '../filter-step/define-filter.js';
import type { ThresholdSchema } from '../filter-step/threshold-spec.js';
import { DUPLICATE_NGRAM_SIZES, repetitionMeasures, TOP_NGRAM_SIZES } from './repetition-measures.js';

const TABLE_A1 = 'Gopher (Rae et al. 2021, Table A1; datatrove GopherRepetitionFilter)';

const share = (measure: string, value: number, reason: string, what: string): ThresholdSchema[string] => ({
  measure,
  bound: 'max',
  default: value,
  min: 0,
  max: 1,
  reason,
  description: `maximum ${what}; ${value} from ${TABLE_A1}`,
});

const TOP_DEFAULTS: Record<number, number> = { 2: 0.2, 3: 0.18, 4: 0.16 };
const DUPLICATE_DEFAULTS: Record<number, number> = { 5: 0.15, 6: 0.14, 7: 0.13, 8: 0.12, 9: 0.11, 10: 0.1 };

export const repetitionFilter = defineFilter({
  name: 'repetition',
  description: 'Gopher repetition rules: duplicate lines/paragraphs, top n-gram and duplicate n-gram character shares',
  levels: ['document'],
  defaultLevel: 'document',
  needsLanguage: false,
  options: {},
  thresholds: {
    maxDupLines: share('dupLines', 0.3, 'dup_line_frac', 'share of lines that repeat an earlier line'),
    maxDupParagraphs: share('dupParagraphs', 0.3, 'dup_para_frac', 'share of paragraphs (blank-line separated) that repeat an earlier one'),
    maxDupLineChars: share('dupLineChars', 0.2, 'dup_line_char_frac', 'share of characters in repeated lines'),
    maxDupParagraphChars: share('dupParagraphChars', 0.2, 'dup_para_char_frac', 'share of characters in repeated paragraphs'),
    ...Object.fromEntries(TOP_NGRAM_SIZES.map((n) => [`maxTop${n}gram`, share(`top${n}gram`, TOP_DEFAULTS[n] as number, `top_${n}_gram`, `character share of the most frequent word ${n}-gram`)])),
    ...Object.fromEntries(
      DUPLICATE_NGRAM_SIZES.map((n) => [`maxDup${n}gram`, share(`dup${n}gram`, DUPLICATE_DEFAULTS[n] as number, `duplicated_${n}_n_grams`, `character share of repeated word ${n}-grams`)]),
    ),
  },
  scorer() {
    return { score: ({ text }) => (text.trim() === '' ? new Skip('empty') : repetitionMeasures(text)) };
  },
});

import { pyNormalizeSpaces } from '../python/str.js';

/**
 * sacrebleu's `TokenizerRegexp`, the post-processing shared by 13a (mteval-v13a.pl's Western-language
 * rules): split off ASCII punctuation and symbols except the apostrophe, split '.' and ',' unless
 * they sit inside a number, split '-' after a digit, then collapse whitespace the Python way.
 */
const REGEXP_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/([{-~[-` -&(-+:-@/])/gu, ' $1 '],
  [/([^0-9])([.,])/gu, '$1 $2 '],
  [/([.,])([^0-9])/gu, ' $1 $2'],
  [/([0-9])(-)/gu, '$1 $2 '],
];

/** sacrebleu `tokenizer_13a.Tokenizer13a` (mteval-v13a.pl), the default BLEU tokenizer. */
export function tokenize13a(line: string): string {
  let s = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  // Sequential, in sacrebleu's order: '&amp;quot;' becomes '&quot;', not '"'.
  s = s.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  s = ` ${s} `;
  for (const [re, repl] of REGEXP_RULES) s = s.replace(re, repl);
  return pyNormalizeSpaces(s);
}

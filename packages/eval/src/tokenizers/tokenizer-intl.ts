import { pyNormalizeSpaces } from '../python/str.js';

/**
 * sacrebleu `TokenizerV14International` (mteval-v14.pl's international tokenization): split
 * punctuation (Unicode P*) unless it sits between digits, and every symbol (S*). sacrebleu uses the
 * `regex` module's `\p{…}`; JavaScript's Unicode property escapes read the same tables.
 */
const INTL_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(\P{N})(\p{P})/gu, '$1 $2 '],
  [/(\p{P})(\P{N})/gu, ' $1 $2'],
  [/(\p{S})/gu, ' $1 '],
];

export function tokenizeIntl(line: string): string {
  let s = line;
  for (const [re, repl] of INTL_RULES) s = s.replace(re, repl);
  return pyNormalizeSpaces(s);
}

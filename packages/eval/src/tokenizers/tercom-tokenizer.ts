import { pyLower, pyNormalizeSpaces } from '../python/str.js';

/** TER text processing options; the defaults replicate Tercom (and sacrebleu's TER defaults). */
export interface TercomOptions {
  /** Tercom's normalisation: join lines, unescape XML entities, split punctuation. Default false. */
  normalized?: boolean;
  /** Remove punctuation `.,?:;!"()` (and CJK punctuation with `asianSupport`). Default false. */
  noPunct?: boolean;
  /** Split CJK characters and punctuation (only with `normalized` and/or `noPunct`). Default false. */
  asianSupport?: boolean;
  /** Keep case; by default text is lowercased like Tercom. Default false. */
  caseSensitive?: boolean;
}

// Python's `$` (no MULTILINE) also matches before a final newline.
const PY_END = '(?=\\n?$)';

const WESTERN_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/([{-~[-` -&(-+:-@/])/gu, ' $1 '],
  [/'s /gu, " 's "],
  [new RegExp(`'s${PY_END}`, 'gu'), " 's"],
  [/([^0-9])([.,])/gu, '$1 $2 '],
  [/([.,])([^0-9])/gu, ' $1 $2'],
  [/([0-9])(-)/gu, '$1 $2 '],
];

const ASIAN_PUNCT = /([\u3001\u3002\u3008-\u3011\u3014-\u301f\uff61-\uff65\u30fb])/gu;
const FULL_WIDTH_PUNCT = /([\uff0e\uff0c\uff1f\uff1a\uff1b\uff01\uff02\uff08\uff09])/gu;

// The kana rules are transcribed as sacrebleu writes them: `^[…]` can only match at the start of the
// string, which after the Western rules always begins with a space, so they never fire there either.
const kanaRule = (range: string): RegExp =>
  new RegExp(`(^|^[${range}])([${range}]+)(?=${PY_END}|^[${range}])`, 'gu');

const ASIAN_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/([\u4e00-\u9fff\u3400-\u4dbf])/gu, ' $1 '],
  [/([\u31c0-\u31ef\u2e80-\u2eff])/gu, ' $1 '],
  [/([\u3300-\u33ff\uf900-\ufaff\ufe30-\ufe4f])/gu, ' $1 '],
  [/([\u3200-\u3f22])/gu, ' $1 '],
  [kanaRule('\\u3040-\\u309f'), '$1 $2 '],
  [kanaRule('\\u30a0-\\u30ff'), '$1 $2 '],
  [kanaRule('\\u31f0-\\u31ff'), '$1 $2 '],
  [ASIAN_PUNCT, ' $1 '],
  [FULL_WIDTH_PUNCT, ' $1 '],
];

function applyRules(s: string, rules: ReadonlyArray<readonly [RegExp, string]>): string {
  for (const [re, repl] of rules) s = s.replace(re, repl);
  return s;
}

/** sacrebleu `TercomTokenizer` (a port of Tercom's Normalizer.java). */
export function tokenizeTercom(sent: string, options: TercomOptions = {}): string {
  if (!sent) return '';
  let s = options.caseSensitive ? sent : pyLower(sent);
  if (options.normalized) {
    s = s.replaceAll('\n-', '').replaceAll('\n', ' ');
    s = s.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');
    s = applyRules(` ${s} `, WESTERN_RULES);
    if (options.asianSupport) s = applyRules(s, ASIAN_RULES);
  }
  if (options.noPunct) {
    s = s.replace(/[.,?:;!"()]/gu, '');
    if (options.asianSupport) s = s.replace(ASIAN_PUNCT, '').replace(FULL_WIDTH_PUNCT, '');
  }
  return pyNormalizeSpaces(s);
}

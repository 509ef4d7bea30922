import { lazyBmpClassTable } from '../normalize/bmp-class-table.js';

/**
 * Character classes for the rule-based sentence splitter, after UAX #29's sentence-break
 * properties (ATerm, STerm, Close, SContinue, Sp, Upper, Lower, OLetter, Numeric) with the
 * terminals split by whether a space must follow before a sentence may end.
 *
 * Classes below SPACE never end a sentence where they stand (closers and continuations matter
 * only when looking around a terminal), so the splitter's per-character loop tests `< SPACE`.
 */
export const OTHER = 0;
export const LOWER = 1;
export const UPPER = 2;
export const OLETTER = 3;
export const DIGIT = 4;
export const MARK = 5;
/** Closing punctuation that stays with the sentence it follows: 。」 .) ?» ” */
export const CLOSE = 6;
/**
 * Quotes that open in some languages and close in others: “ (closes German „…“, opens Chinese
 * “…”), ‘ « and the ASCII " '. They close the sentence only when a space, the line end or more
 * closing punctuation follows, so "这是第二句！“引用" keeps the quote for the next sentence.
 */
export const CLOSE_AMBIGUOUS = 7;
/** Comma-like marks after which no sentence starts (UAX #29 SB8a). */
export const SCONTINUE = 8;
export const SPACE = 9;
/** "." and its variants: ends a sentence only before a space and a non-lowercase word (UAX #29 SB8). */
export const ATERM = 10;
/** "!" "?" and their variants: end a sentence before a space. */
export const STERM = 11;
/**
 * Terminals that need no space after them: CJK 。！？, danda । ॥, Ethiopic ። ፧ ፨, Arabic ؟,
 * Urdu ۔, Armenian ։, Myanmar ။, Khmer ។ ៕ and every other Sentence_Terminal character.
 */
export const UTERM = 12;
/** Tibetan shad ། and its variants: not Sentence_Terminal in Unicode, but the Tibetan sentence mark. */
export const SHAD = 13;
/** ";" — the Greek question mark (U+037E) becomes U+003B under NFC, so this depends on the script before it. */
export const SEMICOLON = 14;
export const HIGH_SURROGATE = 15;

export const CATEGORY_MASK = 0x0f;
/** The character belongs to the Greek script. */
export const GREEK = 0x10;
/** The character belongs to the Thai or Lao script (no sentence punctuation; spaces separate sentences). */
export const THAI_LAO = 0x20;

const NEEDS_SPACE_TERMINALS = new Set([0x21, 0x3f, 0x203c, 0x203d, 0x2047, 0x2048, 0x2049, 0x2e2e, 0xfe56, 0xfe57]);
const PERIODS = new Set([0x2e, 0x2024, 0xfe52, 0xff0e]);
/** U+104A MYANMAR SIGN LITTLE SECTION is Sentence_Terminal in Unicode but is written as a comma. */
const CONTINUATIONS = new Set([
  0x2c, 0x2d, 0x3a, 0x55d, 0x60c, 0x60d, 0x7f8, 0x104a, 0x1802, 0x1808, 0x2013, 0x2014, 0x3001, 0xfe10, 0xfe11, 0xfe13,
  0xfe50, 0xfe51, 0xfe55, 0xff0c, 0xff0d, 0xff1a, 0xff64,
]);

const SENTENCE_TERMINAL = /\p{Sentence_Terminal}/u;
const CLOSING = /[\p{Pe}\p{Pf}]/u;
const AMBIGUOUS_QUOTES = /[\p{Pi}"']/u;

export const sentenceClassTable = lazyBmpClassTable((char, codePoint) => {
  if (codePoint >= 0xd800 && codePoint <= 0xdbff) return HIGH_SURROGATE;
  const script = /\p{Script=Greek}/u.test(char) ? GREEK : /[\p{Script=Thai}\p{Script=Lao}]/u.test(char) ? THAI_LAO : 0;
  return script | baseCategory(char, codePoint);
});

function baseCategory(char: string, codePoint: number): number {
  if (codePoint === 0x3b || codePoint === 0x37e) return SEMICOLON;
  if (codePoint >= 0x0f0d && codePoint <= 0x0f11) return SHAD;
  if (CONTINUATIONS.has(codePoint)) return SCONTINUE;
  if (PERIODS.has(codePoint)) return ATERM;
  if (NEEDS_SPACE_TERMINALS.has(codePoint)) return STERM;
  if (SENTENCE_TERMINAL.test(char)) return UTERM;
  if (CLOSING.test(char)) return CLOSE;
  if (AMBIGUOUS_QUOTES.test(char)) return CLOSE_AMBIGUOUS;
  // U+1361 ETHIOPIC WORDSPACE ፡ separates words where other scripts put a space.
  if (char === '\t' || codePoint === 0x1361 || /\p{Zs}/u.test(char)) return SPACE;
  if (/\p{Ll}/u.test(char)) return LOWER;
  if (/[\p{Lu}\p{Lt}]/u.test(char)) return UPPER;
  if (/\p{L}/u.test(char)) return OLETTER;
  if (/\p{M}/u.test(char)) return MARK;
  if (/\p{Nd}/u.test(char)) return DIGIT;
  return OTHER;
}

let astralTerminals: Set<number> | undefined;

/** Class of a supplementary-plane character: its terminals (Brahmi, Sharada, …) end sentences; the rest reads as letters. */
export function astralCategory(codePoint: number): number {
  astralTerminals ??= collectAstralTerminals();
  return astralTerminals.has(codePoint) ? UTERM : OLETTER;
}

function collectAstralTerminals(): Set<number> {
  const terminals = new Set<number>();
  for (let codePoint = 0x10000; codePoint < 0x20000; codePoint++) {
    if (SENTENCE_TERMINAL.test(String.fromCodePoint(codePoint))) terminals.add(codePoint);
  }
  return terminals;
}

/**
 * Character classes per code point, for the scanners that read a text once instead of running a regex per
 * token or per measure (text-scan.ts). Each class is the answer of a Unicode property regex
 * (the definitions: a token is a run of `[\p{L}\p{M}\u200c\u200d]`, plus `\p{N}` when digits count…), asked once
 * per code point and kept in a table, so a scan costs a table lookup per character and agrees with the regex
 * definitions by construction.
 */

/** Inside a letter run: `[\p{L}\p{M}\u200c\u200d]` (ZWNJ/ZWJ join Indic and Arabic words). */
export const WORD = 1;
/** `\p{N}`: inside a run when digits are tokens. */
export const NUMBER = 2;
/** A script written without spaces (SPACELESS_CHAR below). */
export const SPACELESS = 4;
/** `[\p{L}\p{M}]`: letters and marks proper. */
export const LETTER = 8;
/** `\s`, the same set `String.prototype.trim` removes. */
export const SPACE = 16;
/**
 * Lower-cases on its own, whatever its neighbours: to one UTF-16 unit in the Basic Multilingual Plane (see
 * `lowerUnit`), to itself elsewhere. Not so: U+0130 (to two units), U+03A3 (final sigma depends on context),
 * astral capitals.
 */
export const SIMPLE_LOWER = 32;
/** Lower-cases to itself, whatever its neighbours (so also SIMPLE_LOWER). */
export const SELF_LOWER = 64;
const KNOWN = 128;

/**
 * The scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar (the list crawl's
 * shingles use).
 */
const SPACELESS_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const WORD_CHAR = /[\p{L}\p{M}\u200c\u200d]/u;
const NUMBER_CHAR = /\p{N}/u;
const LETTER_CHAR = /[\p{L}\p{M}]/u;
const SPACE_CHAR = /\s/u;
const CAPITAL_SIGMA = 0x3a3;

const classes = new Uint8Array(0x110000);
const lower = new Uint16Array(0x10000);
// Surrogate units keep their value: an astral character with SIMPLE_LOWER lower-cases to itself.
for (let unit = 0xd800; unit <= 0xdfff; unit++) lower[unit] = unit;

function classify(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  let found = KNOWN;
  if (WORD_CHAR.test(char)) found |= WORD;
  if (NUMBER_CHAR.test(char)) found |= NUMBER;
  if (SPACELESS_CHAR.test(char)) found |= SPACELESS;
  if (LETTER_CHAR.test(char)) found |= LETTER;
  if (SPACE_CHAR.test(char)) found |= SPACE;
  const lowered = char.toLowerCase();
  if (codePoint < 0x10000) {
    if (lowered.length === 1 && codePoint !== CAPITAL_SIGMA) {
      found |= SIMPLE_LOWER;
      lower[codePoint] = lowered.charCodeAt(0);
    }
  } else if (lowered === char) {
    found |= SIMPLE_LOWER;
  }
  if (lowered === char) found |= SELF_LOWER;
  classes[codePoint] = found;
  return found;
}

/**
 * Code points are classified a block at a time: scripts come in blocks, and the scanners' call here then
 * stays rare enough for the JIT to keep it out of their loops (inlined while a first document of a new script
 * made it frequent, it made the token scan twice as slow for the rest of the run).
 */
const BLOCK = 128;

function classifyBlock(codePoint: number): number {
  const first = codePoint - (codePoint % BLOCK);
  for (let each = first; each < first + BLOCK && each <= 0x10ffff; each++) classify(each);
  return classes[codePoint] as number;
}

/** The class bits of a code point (a lone surrogate is its own code point, as in a `u` regex). */
export function charClass(codePoint: number): number {
  const known = classes[codePoint] as number;
  return known === 0 ? classifyBlock(codePoint) : known;
}

/**
 * The lower-case unit of a UTF-16 unit of a SIMPLE_LOWER character whose class was asked for: folding a
 * token's units one by one then gives exactly `token.toLowerCase()`.
 */
export function lowerUnit(unit: number): number {
  return lower[unit] as number;
}


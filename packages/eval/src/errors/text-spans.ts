/** Words and letters of a text with their UTF-16 offsets, so every flag can point at what it concerns. */

export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const LETTER = /[\p{L}\p{M}\p{N}]/u;

/** Maximal runs of letters, marks and digits (punctuation and spaces separate words). */
export function wordSpans(text: string): TextSpan[] {
  return Array.from(text.matchAll(WORD), (m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Letters, marks and digits one code point at a time: the units of scripts written without spaces. */
export function letterSpans(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  let offset = 0;
  for (const char of text) {
    if (LETTER.test(char)) out.push({ text: char, start: offset, end: offset + char.length });
    offset += char.length;
  }
  return out;
}

/** Code points, not UTF-16 units (a Devanagari conjunct is several, an emoji outside the BMP is one). */
export function codePointCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Code points other than whitespace: the length unit of the length-ratio model (spacing differs by script). */
export function visibleLength(text: string): number {
  let n = 0;
  for (const char of text) if (!/\s/u.test(char)) n++;
  return n;
}

/** Text for equality tests: NFC, lower case, whitespace runs collapsed. */
export function foldForComparison(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * Word tokens for the filters, across scripts. A token is a run of letters and combining marks (and digits,
 * when asked), lower-cased; punctuation, symbols and spaces separate tokens. Scripts written without spaces
 * between words (Han, kana, Thai, Lao, Khmer, Myanmar — the list crawl's shingles use) have no such runs to
 * split, so there a run becomes character bigrams (the usual unit for wordlists and frequency statistics in
 * those scripts, and independent of ICU's dictionary segmenter and its version) or single characters
 * (for repetition, where a character n-gram is the word n-gram's counterpart).
 */

/** How a run of a script without spaces is cut: overlapping character pairs, or one character each. */
export type SpacelessUnit = 'bigrams' | 'chars';

export interface TokenOptions {
  /** Keep digit runs as tokens (repetition, length heuristics); wordlists and Tf-IIf leave numbers out. */
  readonly digits?: boolean;
  readonly spaceless?: SpacelessUnit;
}

/** A token and where it sits in the text (UTF-16 offsets), for measures that count characters. */
export interface TokenSpan {
  readonly token: string;
  readonly start: number;
  readonly end: number;
  /** From a script written without spaces (a bigram or a character, not a word). */
  readonly spaceless: boolean;
}

const LETTER_RUN = /[\p{L}\p{M}\u200c\u200d]+/gu;
const LETTER_DIGIT_RUN = /[\p{L}\p{M}\p{N}\u200c\u200d]+/gu;
/** One character of a script written without spaces. */
export const SPACELESS_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Splits a run that contains spaceless-script characters into spaced pieces and spaceless characters. */
function splitRun(run: string, offset: number, unit: SpacelessUnit, out: TokenSpan[]): void {
  let spacedStart = -1;
  let chars: Array<{ char: string; start: number }> = [];
  const flushChars = (): void => {
    if (chars.length === 0) return;
    if (unit === 'chars' || chars.length === 1) {
      for (const { char, start } of chars) out.push({ token: char.toLowerCase(), start, end: start + char.length, spaceless: true });
    } else {
      for (let i = 0; i + 1 < chars.length; i++) {
        const first = chars[i] as { char: string; start: number };
        const second = chars[i + 1] as { char: string; start: number };
        out.push({ token: (first.char + second.char).toLowerCase(), start: first.start, end: second.start + second.char.length, spaceless: true });
      }
    }
    chars = [];
  };
  let index = 0;
  for (const char of run) {
    const start = offset + index;
    if (SPACELESS_CHAR.test(char)) {
      if (spacedStart >= 0) {
        out.push({ token: run.slice(spacedStart - offset, index).toLowerCase(), start: spacedStart, end: start, spaceless: false });
        spacedStart = -1;
      }
      chars.push({ char, start });
    } else {
      flushChars();
      if (spacedStart < 0) spacedStart = start;
    }
    index += char.length;
  }
  flushChars();
  if (spacedStart >= 0) out.push({ token: run.slice(spacedStart - offset).toLowerCase(), start: spacedStart, end: offset + run.length, spaceless: false });
}

/** Tokens of `text` with their spans, in text order. */
export function tokenSpans(text: string, options: TokenOptions = {}): TokenSpan[] {
  const unit = options.spaceless ?? 'bigrams';
  const pattern = options.digits ? LETTER_DIGIT_RUN : LETTER_RUN;
  const out: TokenSpan[] = [];
  for (const match of text.matchAll(pattern)) {
    const run = match[0];
    const start = match.index;
    if (SPACELESS_CHAR.test(run)) splitRun(run, start, unit, out);
    else out.push({ token: run.toLowerCase(), start, end: start + run.length, spaceless: false });
  }
  return out;
}

/** Just the tokens (see tokenSpans). */
export function wordTokens(text: string, options: TokenOptions = {}): string[] {
  return tokenSpans(text, options).map((span) => span.token);
}

import {
  ATERM, CATEGORY_MASK, CLOSE, CLOSE_AMBIGUOUS, DIGIT, GREEK, HIGH_SURROGATE, LOWER, MARK, OLETTER, SCONTINUE, SEMICOLON, SHAD, SPACE,
  STERM, THAI_LAO, UPPER, UTERM, astralCategory, sentenceClassTable,
} from './sentence-char-classes.js';

/** ๆ repeats the word before it and is written after a space ("ใด ๆ"): that space is no boundary. */
const THAI_MAI_YAMOK = 0x0e46;

export interface SentenceSpan {
  /** UTF-16 offset of the first character (never whitespace). */
  start: number;
  /** UTF-16 offset after the last character (trailing whitespace excluded). */
  end: number;
}

/**
 * Which boundaries the splitter finds: `all` for the rule engine; `icu-gaps` only the ones ICU's
 * sentence rules miss (Thai/Lao spaces, Tibetan shad, the Greek question mark), applied inside
 * each Intl.Segmenter sentence.
 */
export type SplitMode = 'all' | 'icu-gaps';

/**
 * One pass over a line (no `\n` inside) that appends its sentences to `spans`.
 *
 * Rules, after UAX #29 where it applies:
 *  - terminals absorb following terminals and closing quotes/brackets ("?!", "...", "。」", ".)");
 *  - "." ends a sentence only before whitespace, and not when the next letter is lowercase (SB8),
 *    after a single capital (initials "J. R. R."), or after a leading list number ("1. Everyone");
 *  - "!" "?" end a sentence before whitespace; no sentence starts at a comma-like mark (SB8a);
 *  - danda, CJK, Ethiopic, Arabic, Urdu, Armenian, Myanmar, Khmer, Tibetan terminals end a
 *    sentence with or without a following space;
 *  - ";" after Greek letters is the Greek question mark;
 *  - Thai and Lao have no sentence punctuation: a space between two Thai/Lao characters is taken
 *    as a sentence boundary (a heuristic: Thai writers also put spaces between clauses), except
 *    before the repetition mark ๆ;
 *  - the Ethiopic wordspace ፡ counts as a space, so "።፡" ends a sentence before the next word.
 * Boundaries fall only after whole characters, so surrogate pairs are never split.
 */
export function splitLine(text: string, lineStart: number, lineEnd: number, mode: SplitMode, spans: SentenceSpan[]): void {
  const table = sentenceClassTable();
  let sentenceStart = skipSpaces(table, text, lineStart, lineEnd);
  let index = sentenceStart;
  while (index < lineEnd) {
    const entry = table[text.charCodeAt(index)]!;
    const category = entry & CATEGORY_MASK;
    // Fast path: letters, digits, marks and plain punctuation never end a sentence.
    if (category < SPACE) {
      index++;
      continue;
    }
    let boundary = -1;
    let resume = index + 1;
    switch (category) {
      case HIGH_SURROGATE:
        resume = index + (index + 1 < lineEnd ? 2 : 1);
        if (mode === 'all' && astralCategory(text.codePointAt(index)!) === UTERM) {
          boundary = resume = skipTerminalRun(table, text, resume, lineEnd);
        }
        break;
      case UTERM:
      case SHAD:
        if (category === SHAD || mode === 'all') boundary = resume = skipTerminalRun(table, text, resume, lineEnd);
        break;
      case ATERM:
        if (mode === 'all') {
          resume = skipTerminalRun(table, text, resume, lineEnd);
          if (
            isSpace(table, text, resume, lineEnd) &&
            !isInitial(table, text, sentenceStart, index) &&
            !isListNumber(table, text, sentenceStart, index) &&
            !continuesAfterPeriod(table, text, resume, lineEnd)
          ) {
            boundary = resume;
          }
        }
        break;
      case STERM:
      case SEMICOLON:
        if (category === STERM ? mode === 'all' : followsGreekLetter(table, text, sentenceStart, index)) {
          resume = skipTerminalRun(table, text, resume, lineEnd);
          if (isSpace(table, text, resume, lineEnd) && !nextIsContinuation(table, text, resume, lineEnd)) boundary = resume;
        }
        break;
      case SPACE: {
        resume = skipSpaces(table, text, index, lineEnd);
        if (
          resume < lineEnd &&
          (table[text.charCodeAt(index - 1)]! & THAI_LAO) !== 0 &&
          (table[text.charCodeAt(resume)]! & THAI_LAO) !== 0 &&
          text.charCodeAt(resume) !== THAI_MAI_YAMOK
        ) {
          boundary = index;
        }
        break;
      }
    }
    if (boundary >= 0) {
      spans.push({ start: sentenceStart, end: boundary });
      sentenceStart = skipSpaces(table, text, resume, lineEnd);
      index = sentenceStart;
    } else {
      index = resume;
    }
  }
  let end = lineEnd;
  while (end > sentenceStart && isSpace(table, text, end - 1, lineEnd)) end--;
  if (end > sentenceStart) spans.push({ start: sentenceStart, end });
}

// The helpers below run only at spaces and punctuation; they take the table and text explicitly
// so the per-character loop above stays free of closures.

function categoryAt(table: Uint8Array, text: string, index: number): number {
  const category = table[text.charCodeAt(index)]! & CATEGORY_MASK;
  return category === HIGH_SURROGATE ? astralCategory(text.codePointAt(index)!) : category;
}

function widthAt(table: Uint8Array, text: string, index: number, lineEnd: number): number {
  return (table[text.charCodeAt(index)]! & CATEGORY_MASK) === HIGH_SURROGATE && index + 1 < lineEnd ? 2 : 1;
}

function isSpace(table: Uint8Array, text: string, index: number, lineEnd: number): boolean {
  return index < lineEnd && (table[text.charCodeAt(index)]! & CATEGORY_MASK) === SPACE;
}

function skipSpaces(table: Uint8Array, text: string, index: number, lineEnd: number): number {
  let i = index;
  while (isSpace(table, text, i, lineEnd)) i++;
  return i;
}

function isTerminalOrCloser(category: number): boolean {
  return category === ATERM || category === STERM || category === UTERM || category === CLOSE || category === SHAD;
}

/** Skips a run of terminals and closing punctuation; after a shad also "space shad" pairs (། །). */
function skipTerminalRun(table: Uint8Array, text: string, from: number, lineEnd: number): number {
  let index = from;
  for (;;) {
    while (index < lineEnd) {
      const category = categoryAt(table, text, index);
      if (category === CLOSE_AMBIGUOUS) {
        const next = index + 1 < lineEnd ? categoryAt(table, text, index + 1) : SPACE;
        if (next !== SPACE && next !== CLOSE_AMBIGUOUS && !isTerminalOrCloser(next)) break;
      } else if (!isTerminalOrCloser(category)) {
        break;
      }
      index += widthAt(table, text, index, lineEnd);
    }
    const afterSpaces = skipSpaces(table, text, index, lineEnd);
    if (afterSpaces === index || afterSpaces >= lineEnd || categoryAt(table, text, afterSpaces) !== SHAD) return index;
    index = afterSpaces;
  }
}

function isLetter(category: number): boolean {
  return category === LOWER || category === UPPER || category === OLETTER || category === MARK;
}

/** "J." in "J. R. R. Tolkien": one capital letter (plus marks) right before the period, starting a word. */
function isInitial(table: Uint8Array, text: string, sentenceStart: number, period: number): boolean {
  let i = period - 1;
  while (i >= sentenceStart && categoryAt(table, text, i) === MARK) i--;
  if (i < sentenceStart || categoryAt(table, text, i) !== UPPER) return false;
  return i === sentenceStart || !isLetter(categoryAt(table, text, i - 1));
}

/** "1." or "12." opening a sentence is a list number, not a sentence. */
function isListNumber(table: Uint8Array, text: string, sentenceStart: number, period: number): boolean {
  if (period === sentenceStart) return false;
  for (let i = sentenceStart; i < period; i++) if (categoryAt(table, text, i) !== DIGIT) return false;
  return true;
}

/** The nearest letter before `index` (in this sentence) is Greek, so ";" is a question mark. */
function followsGreekLetter(table: Uint8Array, text: string, sentenceStart: number, index: number): boolean {
  for (let i = index - 1; i >= sentenceStart; i--) {
    const entry = table[text.charCodeAt(i)]!;
    const category = entry & CATEGORY_MASK;
    if (category === LOWER || category === UPPER || category === OLETTER) return (entry & GREEK) !== 0;
  }
  return false;
}

/** UAX #29 SB8/SB8a: after ". " the sentence goes on if the next letter is lowercase or a comma-like mark comes first. */
function continuesAfterPeriod(table: Uint8Array, text: string, from: number, lineEnd: number): boolean {
  for (let k = skipSpaces(table, text, from, lineEnd); k < lineEnd; k += widthAt(table, text, k, lineEnd)) {
    const category = categoryAt(table, text, k);
    if (category === LOWER || category === SCONTINUE || category === SEMICOLON) return true;
    if (category === UPPER || category === OLETTER || category === ATERM || category === STERM || category === UTERM || category === SHAD) return false;
  }
  return false;
}

function nextIsContinuation(table: Uint8Array, text: string, from: number, lineEnd: number): boolean {
  const k = skipSpaces(table, text, from, lineEnd);
  if (k >= lineEnd) return false;
  const category = categoryAt(table, text, k);
  return category === SCONTINUE || category === SEMICOLON;
}

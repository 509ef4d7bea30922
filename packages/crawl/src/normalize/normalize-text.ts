import { lazyBmpClassTable } from './bmp-class-table.js';

/**
 * Unicode and whitespace normalisation of extracted text, with a count of every kind of change
 * so a step can report what it did instead of mutating silently.
 *
 * Kept on purpose: ZWJ/ZWNJ (U+200D/U+200C) select conjunct and joining forms in Indic and
 * Persian scripts, and ZWSP (U+200B) marks word breaks in Thai, Khmer, Myanmar and Tibetan text.
 */
export type NormalizationForm = 'NFC' | 'NFKC';

export interface NormalizeOptions {
  /** Unicode normalisation form; NFC keeps compatibility characters (full-width forms, ligatures). Default NFC. */
  form?: NormalizationForm;
}

export interface NormalizeChanges {
  /** Whether NFC/NFKC changed the text (counting the changed code points would need a diff). */
  unicodeForm: boolean;
  /** \r\n, \r, VT, FF, NEL (U+0085), U+2028, U+2029 turned into \n (UAX #14 mandatory breaks). */
  lineSeparators: number;
  /** C0/C1 control characters removed (all but \t and \n, after line separators were converted). */
  controls: number;
  /** U+FEFF byte-order marks / zero-width no-break spaces removed. */
  byteOrderMarks: number;
  /** Runs of leading or trailing horizontal whitespace removed from lines. */
  trimmedEdges: number;
  /** Runs of two or more horizontal whitespace characters collapsed to one space. */
  spaceRuns: number;
  /**
   * Newlines removed with empty lines, and at the start and end of the text: paragraphs are
   * separated by exactly one \n (ARCHITECTURE §3).
   */
  blankLines: number;
}

export interface NormalizedText {
  text: string;
  changes: NormalizeChanges;
}

const LINE_SEPARATORS = /\r\n?|[\v\f\u0085\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\0-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]/g;
const BYTE_ORDER_MARKS = /\uFEFF/g;
const LINE_EDGE_SPACES = /^[\t\p{Zs}]+|[\t\p{Zs}]+$/gmu;
const SPACE_RUNS = /[\t\p{Zs}]{2,}/gu;
const BLANK_LINES = /\n{2,}/g;
const OUTER_NEWLINES = /^\n+|\n+$/g;

/** Replaces every match and returns how many there were (and, optionally, a weighted count). */
function replaceCounting(text: string, pattern: RegExp, replacement: string, weigh?: (match: string) => number): [string, number] {
  let count = 0;
  const result = text.replace(pattern, (match) => {
    count += weigh ? weigh(match) : 1;
    return replacement;
  });
  return [result, count];
}

const OTHER = 0;
const HORIZONTAL_SPACE = 1;
const NEWLINE = 2;
/** A line separator, control character or byte-order mark: the first three passes would change the text. */
const REMOVED = 3;

const REMOVED_CHARACTER = new RegExp(`${LINE_SEPARATORS.source}|${CONTROLS.source}|${BYTE_ORDER_MARKS.source}`);
const EDGE_SPACE = /[\t\p{Zs}]/u;

const cleanupClasses = lazyBmpClassTable((char) => {
  if (char === '\n') return NEWLINE;
  if (REMOVED_CHARACTER.test(char)) return REMOVED;
  return EDGE_SPACE.test(char) ? HORIZONTAL_SPACE : OTHER;
});

/**
 * Whether every pass of `normalizeText` but the Unicode form would leave `text` as it is: no line
 * separator, control or BOM, no space or tab at a line's edge or next to another, no empty line,
 * no newline at either end. Extracted text mostly is (extraction already collapses whitespace);
 * one scan instead of seven regex passes makes normalising ~2× faster.
 */
function isClean(text: string): boolean {
  const classes = cleanupClasses();
  let previous = NEWLINE; // the start of the text is the start of a line
  for (let i = 0; i < text.length; i++) {
    const cls = classes[text.charCodeAt(i)]!;
    if (cls === REMOVED) return false;
    if (cls === HORIZONTAL_SPACE && previous !== OTHER) return false; // at a line start, or a run
    if (cls === NEWLINE && previous !== OTHER) return false; // after a space, an empty line, or a leading newline
    previous = cls;
  }
  return previous === OTHER || text.length === 0;
}

const NO_CHANGES: Omit<NormalizeChanges, 'unicodeForm'> = { lineSeparators: 0, controls: 0, byteOrderMarks: 0, trimmedEdges: 0, spaceRuns: 0, blankLines: 0 };

export function normalizeText(input: string, options: NormalizeOptions = {}): NormalizedText {
  if (isClean(input) && input.normalize(options.form ?? 'NFC') === input) return { text: input, changes: { unicodeForm: false, ...NO_CHANGES } };
  return normalizeInPasses(input, options);
}

/** The definition: each kind of change in its own regex pass, in order (exported to test `normalizeText`'s shortcut against). */
export function normalizeInPasses(input: string, options: NormalizeOptions = {}): NormalizedText {
  const [separated, lineSeparators] = replaceCounting(input, LINE_SEPARATORS, '\n');
  const [withoutControls, controls] = replaceCounting(separated, CONTROLS, '');
  const [withoutBoms, byteOrderMarks] = replaceCounting(withoutControls, BYTE_ORDER_MARKS, '');
  const formed = withoutBoms.normalize(options.form ?? 'NFC');
  const [trimmed, trimmedEdges] = replaceCounting(formed, LINE_EDGE_SPACES, '');
  const [collapsed, spaceRuns] = replaceCounting(trimmed, SPACE_RUNS, ' ');
  const [inner, innerBlank] = replaceCounting(collapsed, BLANK_LINES, '\n', (match) => match.length - 1);
  const [text, outerBlank] = replaceCounting(inner, OUTER_NEWLINES, '', (match) => match.length);
  return {
    text,
    changes: {
      unicodeForm: formed !== withoutBoms,
      lineSeparators,
      controls,
      byteOrderMarks,
      trimmedEdges,
      spaceRuns,
      blankLines: innerBlank + outerBlank,
    },
  };
}

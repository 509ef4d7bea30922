/**
 * Lost, added or changed numbers (dates and times are numbers too). Numbers are read in any script's digits
 * (decimal-digits.ts) with their separators, and compared as digit strings without separators or leading zeros,
 * so `1,000`, `1.000`, `1 000`, `१,०००` and `１０００` are one number. Two passes excuse the usual rewrites:
 * numbers that differ only in how they are split (`10:30` vs `10.30`), and numbers written in Han or Roman
 * numerals on the other side (`15` / `十五`, `17th century` / `XVII secolo`). Small numbers (often spelled out as words) are flagged only when the other side has an unmatched
 * small number too, i.e. when a small number changed.
 */
import type { PreparedItem } from './error-item.js';
import { roundConfidence, type Flag } from './flag.js';
import { HAN_NUMERAL_RUN, ROMAN_NUMERAL_RUN, asciiDigits, hanNumeralValue, romanNumeralValue } from './numerals.js';
import { findLinks, withoutLinks } from './links.js';

export interface NumberOptions {
  /** Numbers up to this value, with one unmatched number on one side only, are taken as spelled out. */
  smallNumberMax: number;
}

// Calibrated: bench/eval/errors.js --calibrate (best F1 on a labelled FLORES-train + GATITOS sample; docs/eval-errors.md).
export const NUMBER_DEFAULTS: NumberOptions = { smallNumberMax: 10 };

export interface NumberToken {
  start: number;
  end: number;
  /** As written. */
  text: string;
  /** ASCII digit groups between separators. */
  groups: string[];
  /** All digits, leading zeros removed ('0' for zero). */
  key: string;
}

const DIGIT_RUN = /\p{Nd}+/gu;
/** Separators inside a number: decimal and grouping marks of many locales, Arabic ٫ ٬. */
const JOINERS = new Set(['.', ',', "'", '’', '\u066B', '\u066C']);
/** Spaces that group thousands (`1 000 000`): join only 3-digit groups after a group of at most 3. */
const GROUP_SPACES = new Set([' ', '\u00A0', '\u202F', '\u2009']);

const stripZeros = (digits: string): string => digits.replace(/^0+(?=\d)/u, '');

export function findNumbers(text: string): NumberToken[] {
  const runs = Array.from(text.matchAll(DIGIT_RUN), (m) => ({ start: m.index, end: m.index + m[0].length, digits: asciiDigits(m[0]) }));
  const out: NumberToken[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    const between = last && run.start === last.end + 1 ? text.charAt(last.end) : undefined;
    const join =
      last !== undefined &&
      between !== undefined &&
      (JOINERS.has(between) || (GROUP_SPACES.has(between) && run.digits.length === 3 && (last.groups.at(-1) as string).length <= 3));
    if (join) {
      last.groups.push(run.digits);
      last.end = run.end;
      last.text = text.slice(last.start, last.end);
      last.key = stripZeros(last.groups.join(''));
    } else {
      out.push({ start: run.start, end: run.end, text: text.slice(run.start, run.end), groups: [run.digits], key: stripZeros(run.digits) });
    }
  }
  return out;
}

/** Removes from `pool` one occurrence of each key found, returning the tokens whose key was not there. */
function takeFrom(tokens: readonly NumberToken[], pool: string[], keysOf: (t: NumberToken) => string[]): NumberToken[] {
  return tokens.filter((t) => {
    const keys = keysOf(t);
    const copy = [...pool];
    for (const k of keys) {
      const i = copy.indexOf(k);
      if (i < 0) return true;
      copy.splice(i, 1);
    }
    pool.splice(0, pool.length, ...copy);
    return false;
  });
}

/** Values of the Han and Roman numerals of a text, as number keys. */
const numeralValues = (text: string): string[] =>
  [...Array.from(text.matchAll(HAN_NUMERAL_RUN), (m) => hanNumeralValue(m[0])), ...Array.from(text.matchAll(ROMAN_NUMERAL_RUN), (m) => romanNumeralValue(m[0]))]
    .filter((v): v is number => v !== undefined)
    .map(String);

/** Numbers of `a` not matched in `b`, by the two passes and Han or Roman numerals. */
function unmatchedNumbers(a: readonly NumberToken[], b: readonly NumberToken[], bText: string): NumberToken[] {
  const whole = takeFrom(a, b.map((t) => t.key), (t) => [t.key]);
  const bLeft = takeFrom(b, a.map((t) => t.key), (t) => [t.key]);
  const groups = takeFrom(whole, bLeft.flatMap((t) => t.groups.map(stripZeros)), (t) => t.groups.map(stripZeros));
  return takeFrom(groups, numeralValues(bText), (t) => [t.key]);
}

const isSmall = (t: NumberToken, max: number): boolean => t.groups.length === 1 && Number(t.key) <= max;

export function detectNumberMismatch(item: PreparedItem, options: NumberOptions): Flag[] {
  const srcText = withoutLinks(item.src, findLinks(item.src));
  const hypText = withoutLinks(item.hyp, findLinks(item.hyp));
  const src = findNumbers(srcText);
  const hyp = findNumbers(hypText);
  if (src.length === 0 && hyp.length === 0) return [];
  const lost = unmatchedNumbers(src, hyp, hypText);
  // A number the reference has too is not an invention of the system.
  const hypAgainst = item.ref === undefined ? src : [...src, ...findNumbers(item.ref)];
  const added = unmatchedNumbers(hyp, hypAgainst, srcText + (item.ref ?? ''));
  const small = (t: NumberToken): boolean => isSmall(t, options.smallNumberMax);
  const smallChanged = lost.some(small) && added.some(small);
  const keep = (t: NumberToken): boolean => smallChanged || !small(t);
  const changed = lost.length > 0 && added.length > 0;
  const flag = (t: NumberToken, side: 'src' | 'hyp'): Flag => {
    const kind = changed ? 'changed' : side === 'src' ? 'lost' : 'added';
    return {
      mode: 'number-mismatch',
      severity: small(t) ? 'medium' : 'high',
      confidence: roundConfidence(small(t) ? 0.5 : 0.85),
      span: { side, start: t.start, end: t.end },
      message: side === 'src' ? `the number ${t.text} is missing from the output` : `the output has the number ${t.text}, which the source does not`,
      evidence: { kind, number: t.key },
    };
  };
  return [...lost.filter(keep).map((t) => flag(t, 'src')), ...added.filter(keep).map((t) => flag(t, 'hyp'))];
}

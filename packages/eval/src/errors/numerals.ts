/**
 * Numerals: numbers written in any script's digits, normalised to ASCII, and the Han and Roman numerals that
 * translations use for them. Unicode encodes every set of decimal digits
 * (General_Category Nd: Arabic-Indic, Devanagari, Bengali, Thai, Myanmar, full-width, mathematical…) as runs
 * of 0–9 in order, so a digit's value is its distance from the start of its run, modulo 10 (the mathematical
 * digits are five sets back to back).
 */

const ND = /^\p{Nd}$/u;
const values = new Map<number, number>();

/** The value 0–9 of a decimal digit of any script, or undefined for anything else. */
export function digitValue(char: string): number | undefined {
  const cp = char.codePointAt(0);
  if (cp === undefined || !ND.test(char)) return undefined;
  const cached = values.get(cp);
  if (cached !== undefined) return cached;
  let start = cp;
  while (start > 0 && ND.test(String.fromCodePoint(start - 1))) start--;
  const value = (cp - start) % 10;
  values.set(cp, value);
  return value;
}

/** Every decimal digit of the text as its ASCII digit; everything else unchanged. */
export function asciiDigits(text: string): string {
  let out = '';
  for (const char of text) {
    const v = digitValue(char);
    out += v === undefined ? char : String(v);
  }
  return out;
}

const HAN_DIGITS: Readonly<Record<string, number>> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const HAN_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const HAN_MYRIADS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
export const HAN_NUMERAL_RUN = /[〇零一二两兩三四五六七八九十百千万萬亿億]+/gu;

/**
 * Value of a run of Chinese numerals (三 3, 十五 15, 二十一 21, 两千 2000, 一九九八 1998 read digit by digit).
 * Used only to excuse a number written in Han numerals on the other side, never to raise a flag: 一 is also "a".
 */
export function hanNumeralValue(run: string): number | undefined {
  const chars = Array.from(run);
  if (chars.length > 1 && chars.every((c) => c in HAN_DIGITS)) return Number(chars.map((c) => HAN_DIGITS[c]).join(''));
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of chars) {
    if (c in HAN_DIGITS) digit = HAN_DIGITS[c];
    else if (c in HAN_UNITS) {
      section += (digit ?? 1) * (HAN_UNITS[c] as number);
      digit = undefined;
    } else if (c in HAN_MYRIADS) {
      total += (section + (digit ?? 0)) * (HAN_MYRIADS[c] as number);
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

export const ROMAN_NUMERAL_RUN = /\b[IVXLCDM]{2,}\b/gu;
const ROMAN = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/u;
const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/**
 * Value of a well-formed Roman numeral of two or more letters (XVII 17, MCMLXXXIV 1984), else undefined.
 * Like Han numerals, used only to excuse a number (`17th century` → `XVII secolo`).
 */
export function romanNumeralValue(run: string): number | undefined {
  if (run.length < 2 || !ROMAN.test(run)) return undefined;
  let total = 0;
  for (let i = 0; i < run.length; i++) {
    const v = ROMAN_VALUES[run.charAt(i)] as number;
    const next = ROMAN_VALUES[run.charAt(i + 1)] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

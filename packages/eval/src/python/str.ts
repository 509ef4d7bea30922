/**
 * Python `str` semantics that sacrebleu's results depend on. JavaScript differs in small but
 * score-changing ways: `\s` includes U+FEFF and excludes U+001C–U+001F and U+0085, `.length` counts
 * UTF-16 units, and `split(' ')` keeps empty pieces.
 */

/**
 * Python 3 `str.isspace()` (also what `str.split()`, `strip()` and `rstrip()` use): bidi class WS, B
 * or S, or category Zs. Every one of them is in the BMP, so scanning UTF-16 units is safe.
 */
const WHITESPACE = new Uint8Array(0x3001);
for (const [lo, hi] of [
  [0x09, 0x0d], [0x1c, 0x20], [0x85, 0x85], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a],
  [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000],
] as const) {
  for (let c = lo; c <= hi; c++) WHITESPACE[c] = 1;
}

/** True when UTF-16 unit `unit` is Python whitespace. */
export function isPyWhitespace(unit: number): boolean {
  return unit <= 0x3000 && WHITESPACE[unit] === 1;
}

/** Python `s.split()`: split on runs of whitespace, no empty pieces. */
export function pySplit(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    if (isPyWhitespace(s.charCodeAt(i))) {
      if (start >= 0) {
        out.push(s.slice(start, i));
        start = -1;
      }
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

/** Python `s.rstrip()`. */
export function pyRstrip(s: string): string {
  let end = s.length;
  while (end > 0 && isPyWhitespace(s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** Python `' '.join(s.split())`: collapse whitespace runs to one space, trim both ends. */
export function pyNormalizeSpaces(s: string): string {
  return pySplit(s).join(' ');
}

/** Python `''.join(s.split())`: drop every whitespace character. */
export function pyRemoveWhitespace(s: string): string {
  return pySplit(s).join('');
}

/**
 * Python `s.lower()`. V8's `toLowerCase` applies the same full Unicode mappings as CPython
 * (SpecialCasing: 'İ' → 'i̇', final sigma in context); the two only differ on characters newer than
 * the running Python's Unicode database.
 */
export function pyLower(s: string): string {
  return s.toLowerCase();
}

/** Number of code points (Python `len`). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

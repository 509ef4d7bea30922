import { lazyBmpClassTable } from '../normalize/bmp-class-table.js';

/**
 * Paragraph length in code points for the jusText-style thresholds, with East Asian Wide and
 * Fullwidth characters (UAX #11) counted twice: one Han or kana character carries roughly what
 * two or more Latin letters do, so a 40-character Chinese sentence is not "short".
 */
export interface TextMeasure {
  /** Weighted code points, spaces included (jusText measures `len(text)` of whitespace-collapsed text). */
  length: number;
  /** Weighted letters and combining marks (\p{L}, \p{M}). */
  letters: number;
  /** Weighted code points that are not whitespace. */
  nonSpace: number;
}

// Each table entry packs three weights (0–2) so the loop adds without branching:
// bits 0–1 length, bits 2–3 letters, bits 4–5 non-space; bit 6 marks a high surrogate.
const HIGH_SURROGATE = 0x40;
const pack = (length: number, letters: number, nonSpace: number): number => length | (letters << 2) | (nonSpace << 4);

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

const weightTable = lazyBmpClassTable((char, codePoint) => {
  if (codePoint >= 0xd800 && codePoint <= 0xdbff) return HIGH_SURROGATE;
  if (codePoint >= 0xdc00 && codePoint <= 0xdfff) return 0; // counted with its high surrogate
  if (/\s/.test(char)) return pack(1, 0, 0);
  const weight = WIDE.test(char) ? 2 : 1;
  return pack(weight, LETTER_OR_MARK.test(char) ? weight : 0, weight);
});

/** Astral planes 2–3 hold CJK ideograph extensions (wide letters); plane-1 emoji are wide symbols; the rest read as letters. */
function astralWeights(codePoint: number): number {
  if (codePoint >= 0x20000 && codePoint <= 0x3ffff) return pack(2, 2, 2);
  if (codePoint >= 0x1f000 && codePoint <= 0x1faff) return pack(2, 0, 2);
  return pack(1, 1, 1);
}

export function measureText(text: string): TextMeasure {
  const table = weightTable();
  let length = 0;
  let letters = 0;
  let nonSpace = 0;
  for (let i = 0; i < text.length; i++) {
    let weights = table[text.charCodeAt(i)]!;
    if (weights === HIGH_SURROGATE) weights = astralWeights(text.codePointAt(i)!);
    length += weights & 3;
    letters += (weights >> 2) & 3;
    nonSpace += (weights >> 4) & 3;
  }
  return { length, letters, nonSpace };
}

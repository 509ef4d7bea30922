import { lazyBmpClassTable } from '../normalize/bmp-class-table.js';
import { fmix32, imul, murmurStep } from './hash64.js';

const SEPARATOR = 0;
const WORD = 1;
/** A character of a script written without spaces: it is a token on its own. */
const SOLO = 2;
const DIGIT = 3;
const HIGH_SURROGATE = 4;

const UNSPACED_SCRIPTS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const tokenTable = lazyBmpClassTable((char, codePoint) => {
  if (codePoint >= 0xd800 && codePoint <= 0xdbff) return HIGH_SURROGATE;
  if (codePoint === 0x200c || codePoint === 0x200d) return WORD; // ZWNJ/ZWJ sit inside Indic and Persian words
  if (/\p{Nd}/u.test(char)) return DIGIT;
  if (!/[\p{L}\p{M}\p{N}]/u.test(char)) return SEPARATOR;
  return UNSPACED_SCRIPTS.test(char) && !/\p{M}/u.test(char) ? SOLO : WORD;
});

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * 32-bit hashes of the word n-gram shingles of `text` (datatrove's MinHash uses word 5-grams).
 * Tokens are runs of letters, marks and digits of the lower-cased text, so punctuation and case do
 * not matter and a digit run reads as one "0" (as datatrove's simplify_text). Characters of
 * scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) are one token each, so
 * there the shingles are character n-grams. A text with fewer than n tokens gives one shingle
 * over all of them; a text without tokens gives none.
 */
export function shingleHashes(text: string, size: number): Int32Array {
  const table = tokenTable();
  const lower = text.toLowerCase();
  const tokens: number[] = [];
  let token = FNV_OFFSET;
  let inToken = false;
  let previousDigit = false;
  const endToken = (): void => {
    if (inToken) tokens.push(fmix32(token));
    token = FNV_OFFSET;
    inToken = false;
    previousDigit = false;
  };
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    let cls = table[code]!;
    if (cls === HIGH_SURROGATE) {
      const codePoint = lower.codePointAt(i)!;
      cls = codePoint >= 0x20000 && codePoint <= 0x3ffff ? SOLO : WORD; // planes 2–3: CJK ideograph extensions
      if (cls === SOLO) {
        endToken();
        tokens.push(fmix32(imul(FNV_OFFSET ^ codePoint, FNV_PRIME)));
        i++;
        continue;
      }
    }
    switch (cls) {
      case SEPARATOR:
        endToken();
        break;
      case SOLO:
        endToken();
        tokens.push(fmix32(imul(FNV_OFFSET ^ code, FNV_PRIME)));
        break;
      case DIGIT:
        if (!previousDigit) token = imul(token ^ 0x30, FNV_PRIME);
        inToken = true;
        previousDigit = true;
        break;
      default:
        token = imul(token ^ code, FNV_PRIME);
        inToken = true;
        previousDigit = false;
    }
  }
  endToken();

  const n = Math.min(size, tokens.length);
  const shingles = new Int32Array(tokens.length === 0 ? 0 : tokens.length - n + 1);
  for (let start = 0; start < shingles.length; start++) {
    let h = n;
    for (let j = 0; j < n; j++) h = murmurStep(h, tokens[start + j]!);
    shingles[start] = fmix32(h ^ n);
  }
  return shingles;
}

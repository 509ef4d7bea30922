import { lazyBmpClassTable } from '../normalize/bmp-class-table.js';
import { fmix32, imul } from './hash64.js';

const SEPARATOR = 0;
const WORD = 1;
/** A character of a script written without spaces: it is a token on its own. */
const SOLO = 2;
const DIGIT = 3;
const HIGH_SURROGATE = 4;

const UNSPACED_SCRIPTS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function tokenClass(char: string, codePoint: number): number {
  if (codePoint === 0x200c || codePoint === 0x200d) return WORD; // ZWNJ/ZWJ sit inside Indic and Persian words
  if (/\p{Nd}/u.test(char)) return DIGIT;
  if (!/[\p{L}\p{M}\p{N}]/u.test(char)) return SEPARATOR;
  return UNSPACED_SCRIPTS.test(char) && !/\p{M}/u.test(char) ? SOLO : WORD;
}

const tokenTable = lazyBmpClassTable((char, codePoint) => (codePoint >= 0xd800 && codePoint <= 0xdbff ? HIGH_SURROGATE : tokenClass(char, codePoint)));

/** Classes of supplementary-plane characters met so far (Adlam, Osage, Gothic, CJK extensions, emoji, …). */
const astralClasses = new Map<number, number>();

function astralClass(codePoint: number): number {
  let cls = astralClasses.get(codePoint);
  if (cls === undefined) {
    cls = codePoint >= 0x20000 && codePoint <= 0x3ffff ? SOLO : tokenClass(String.fromCodePoint(codePoint), codePoint); // planes 2–3: CJK ideograph extensions
    astralClasses.set(codePoint, cls);
  }
  return cls;
}

/** Multiplier of the rolling shingle hash: an odd 32-bit prime (2654435761, Knuth's golden-ratio multiplier). */
const ROLL_PRIME = 0x9e3779b1 | 0;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Token hashes of the document being shingled; grown as needed and reused (one document at a time). */
let tokens = new Int32Array(4096);

function pushToken(count: number, hash: number): number {
  if (count === tokens.length) {
    const grown = new Int32Array(tokens.length * 2);
    grown.set(tokens);
    tokens = grown;
  }
  tokens[count] = hash;
  return count + 1;
}

/**
 * 32-bit hashes of the word n-gram shingles of `text` (datatrove's MinHash uses word 5-grams).
 * Tokens are runs of letters, marks and digits of the lower-cased text, so punctuation and case do
 * not matter and a digit run reads as one "0" (as datatrove's simplify_text). Characters of
 * scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) are one token each, so
 * there the shingles are character n-grams. Supplementary-plane letters (Adlam, Osage, …) are
 * word characters like any other. A text with fewer than n tokens gives one shingle over all of
 * them; a text without tokens gives none.
 */
export function shingleHashes(text: string, size: number): Int32Array {
  const table = tokenTable();
  const lower = text.toLowerCase();
  let count = 0;
  let token = FNV_OFFSET;
  let inToken = false;
  let previousDigit = false;
  for (let i = 0; i < lower.length; i++) {
    let code = lower.charCodeAt(i);
    let cls = table[code]!;
    if (cls === HIGH_SURROGATE) {
      const low = lower.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        cls = astralClass(code);
        i++;
      } else {
        cls = SEPARATOR; // a lone surrogate is no character
      }
    }
    if (cls === WORD) {
      token = imul(token ^ code, FNV_PRIME);
      inToken = true;
      previousDigit = false;
      continue;
    }
    if (cls === DIGIT) {
      if (!previousDigit) token = imul(token ^ 0x30, FNV_PRIME);
      inToken = true;
      previousDigit = true;
      continue;
    }
    // A separator or a solo character ends the running token.
    if (inToken) {
      count = pushToken(count, fmix32(token));
      token = FNV_OFFSET;
      inToken = false;
      previousDigit = false;
    }
    if (cls === SOLO) count = pushToken(count, fmix32(imul(FNV_OFFSET ^ code, FNV_PRIME)));
  }
  if (inToken) count = pushToken(count, fmix32(token));

  const n = Math.min(size, count);
  const shingles = new Int32Array(count === 0 ? 0 : count - n + 1);
  // Polynomial rolling hash of the n token hashes (mod 2^32), so each shingle costs O(1), not O(n):
  // h = Σ tokens[start + j] · P^(n−1−j). Two different shingles collide only if that linear form of
  // their (already avalanched) token hashes is equal, ~2^-32; fmix32 then spreads the sum.
  let outgoing = 1; // P^(n−1), the weight of the token that leaves the window
  for (let j = 1; j < n; j++) outgoing = imul(outgoing, ROLL_PRIME);
  let h = 0;
  for (let j = 0; j < n; j++) h = (imul(h, ROLL_PRIME) + tokens[j]!) | 0;
  for (let start = 0; start < shingles.length; start++) {
    if (start > 0) h = (imul(h - imul(tokens[start - 1]!, outgoing), ROLL_PRIME) + tokens[start + n - 1]!) | 0;
    shingles[start] = fmix32(h ^ n);
  }
  return shingles;
}

import { lazyBmpTable } from '../normalize/bmp-class-table.js';
import { type Hash64, hashUnits } from './hash64.js';

const DROP = 0;
const SPACE = 0x20;
const ZERO = 0x30;

/**
 * What each BMP code unit becomes in a dedup key, after datatrove's `simplify_text`
 * (utils/text.py): lower-cased (ς and σ alike), then decomposed (NFD) with non-spacing marks removed when that
 * leaves one character (é → e, İ → i); punctuation, symbols, non-spacing and enclosing marks, controls and format
 * characters (ZWJ, soft hyphen) dropped; digits → "0"; whitespace → one space. Characters whose
 * decomposition is several letters (Hangul syllables) stay as they are. One table lookup per
 * code unit replaces five Unicode regex passes (~5× faster here).
 */
const foldTable = lazyBmpTable(Uint16Array, (char, codePoint) => {
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return codePoint;
  if (/\s/.test(char)) return SPACE;
  if (/\p{Nd}/u.test(char)) return ZERO;
  if (/[\p{P}\p{S}\p{Mn}\p{Me}\p{Cc}\p{Cf}]/u.test(char)) return DROP;
  // Lower-casing one character cannot see word ends, so fold final sigma too (ς → σ), as case folding does.
  const upperLower = char.toLowerCase().toUpperCase().toLowerCase();
  const lower = upperLower.length === 1 ? upperLower : char.toLowerCase();
  const base = lower.normalize('NFD').replace(/\p{Mn}/gu, '');
  if (base.length === 1) return base.charCodeAt(0);
  return lower.length === 1 ? lower.charCodeAt(0) : codePoint;
});

let buffer = new Uint16Array(4096);

/**
 * Writes the dedup key of `text` into the shared buffer and returns its length: folded units,
 * digit runs as one "0", whitespace runs as one space, no space at either end. Astral characters
 * pass through unchanged.
 */
function foldInto(text: string): number {
  const table = foldTable();
  if (buffer.length < text.length) buffer = new Uint16Array(text.length * 2);
  const out = buffer;
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const unit = table[text.charCodeAt(i)]!;
    if (unit === DROP) continue;
    if (unit === SPACE) {
      pendingSpace = length > 0;
      continue;
    }
    if (pendingSpace) {
      out[length++] = SPACE;
      pendingSpace = false;
    } else if (unit === ZERO && length > 0 && out[length - 1] === ZERO) {
      continue;
    }
    out[length++] = unit;
  }
  return length;
}

/** The text two paragraphs must share to count as the same (see foldTable), e.g. "Article 12: Privacy!" → "article 0 privacy". */
export function dedupKey(text: string): string {
  const length = foldInto(text);
  let key = '';
  for (let start = 0; start < length; start += 8192) key += String.fromCharCode(...buffer.subarray(start, Math.min(length, start + 8192)));
  return key;
}

/** 64-bit fingerprint of a paragraph's dedup key, or null when the key is empty (only punctuation, symbols or spaces). */
export function paragraphFingerprint(paragraph: string): Hash64 | null {
  const length = foldInto(paragraph);
  return length === 0 ? null : hashUnits(buffer, length);
}

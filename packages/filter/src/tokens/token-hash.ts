/**
 * FNV-1a over UTF-16 units, for the tables that look tokens up where they sit in the text (token-ids.ts,
 * token-set.ts): a span's hash is taken with its units lower-cased one by one (char-classes lowerUnit), and
 * equals the hash of the lower-cased token as a string, so either side of a lookup can be a span or a string.
 * Being a fold, unit after unit, the scan takes it as it reads each token (text-scan.ts). Unmixed: callers
 * mask the low bits and confirm every match by comparing units.
 */
import { lowerUnit } from './char-classes.js';

/** The hash of the empty string, which each unit then folds into. */
export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** `hash` with one more unit, lower-cased (char-classes lowerUnit). */
export function foldUnit(hash: number, unit: number): number {
  return Math.imul(hash ^ lowerUnit(unit), FNV_PRIME);
}

/** `hash` with the units of text[start, end) folded in, lower-cased one by one. */
export function foldUnits(hash: number, text: string, start: number, end: number): number {
  let folded = hash;
  for (let i = start; i < end; i++) folded = foldUnit(folded, text.charCodeAt(i));
  return folded;
}

/** Hash of the unit-by-unit lower-cased text[start, end); equals hashString of that lower-cased text. */
export function hashFolded(text: string, start: number, end: number): number {
  return foldUnits(FNV_OFFSET, text, start, end);
}

export function hashString(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** Whether the unit-by-unit lower-cased text[start, end) is `token`. */
export function foldedEquals(text: string, start: number, end: number, token: string): boolean {
  if (token.length !== end - start) return false;
  for (let i = 0; i < token.length; i++) if (token.charCodeAt(i) !== lowerUnit(text.charCodeAt(start + i))) return false;
  return true;
}

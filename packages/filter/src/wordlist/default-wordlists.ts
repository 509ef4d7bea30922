/**
 * Which wordlist folder `filter.wordlist` reads when none is named: `models/wordlists-full` when it has been
 * built (it matches the tags of models/langid-full), else the shipped `models/wordlists-udhr`.
 */
import { findModel } from '@ntl/core';

export const DEFAULT_WORDLIST_NAMES = ['wordlists-full', 'wordlists-udhr'] as const;

export function defaultWordlistDir(cwd = process.cwd()): string {
  return findModel(DEFAULT_WORDLIST_NAMES, cwd);
}

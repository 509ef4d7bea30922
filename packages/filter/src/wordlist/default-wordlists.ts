/**
 * Which wordlist folder `filter.wordlist` reads when none is named: `models/wordlists-full` when it has been
 * built (it matches the tags of models/langid-full), else the shipped `models/wordlists-udhr`, each looked up
 * under the working directory and then in the repository holding this package — the same rule as the default
 * LangID model, so the two agree on language tags.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file is packages/filter/{src,dist}/wordlist/default-wordlists.{ts,js}. */
const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export const DEFAULT_WORDLIST_NAMES = ['wordlists-full', 'wordlists-udhr'] as const;

export function defaultWordlistDir(cwd = process.cwd()): string {
  const roots = [...new Set([resolve(cwd), resolve(REPOSITORY_ROOT)])];
  const candidates = DEFAULT_WORDLIST_NAMES.flatMap((name) => roots.map((root) => join(root, 'models', name)));
  return candidates.find((dir) => existsSync(dir)) ?? join(resolve(REPOSITORY_ROOT), 'models', 'wordlists-udhr');
}

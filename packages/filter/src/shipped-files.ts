/**
 * Files and folders the filters read by default from `models/` (wordlists, seed-calibrated thresholds):
 * looked up under the working directory, then in the repository holding this package — the rule the default
 * LangID model follows — with the names in order of preference (a `-full` build before the shipped `-udhr` one).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file is packages/filter/{src,dist}/shipped-files.{ts,js}. */
const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The first existing `models/<name>`, or undefined. */
export function findShipped(names: readonly string[], cwd = process.cwd()): string | undefined {
  const roots = [...new Set([resolve(cwd), resolve(REPOSITORY_ROOT)])];
  return names.flatMap((name) => roots.map((root) => join(root, 'models', name))).find((path) => existsSync(path));
}

/** Where the repository's copy of `models/<name>` is (whether or not it exists), for error messages. */
export function shippedPath(name: string): string {
  return join(resolve(REPOSITORY_ROOT), 'models', name);
}

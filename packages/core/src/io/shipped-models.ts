/**
 * Model files and folders steps read by default from `models/` (LangID models, wordlists, thresholds): looked
 * up under the working directory, then in the repository holding the packages — so a pipeline works from any
 * folder of a clone — with the names in order of preference (a user's `-full` build before a shipped `-udhr`).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file is packages/core/{src,dist}/io/shipped-models.{ts,js}. */
const REPOSITORY_ROOT = resolve(fileURLToPath(new URL('../../../../', import.meta.url)));

/** Every candidate path, in order of preference: each name under the working directory, then under the repository. */
export function modelCandidates(names: readonly string[], cwd = process.cwd()): string[] {
  const roots = [...new Set([resolve(cwd), REPOSITORY_ROOT])];
  return names.flatMap((name) => roots.map((root) => join(root, 'models', name)));
}

/** The first candidate that exists, else the repository's copy of the last name (the shipped one), which then fails to load with a clear error. */
export function findModel(names: readonly string[], cwd = process.cwd()): string {
  return modelCandidates(names, cwd).find((path) => existsSync(path)) ?? join(REPOSITORY_ROOT, 'models', names[names.length - 1] ?? '');
}

/** The first candidate that exists, or undefined (for optional files). */
export function findOptionalModel(names: readonly string[], cwd = process.cwd()): string | undefined {
  return modelCandidates(names, cwd).find((path) => existsSync(path));
}

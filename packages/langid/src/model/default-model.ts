/**
 * Which model folder to use when none is named: `models/langid-full` when it has been built, else the
 * shipped `models/langid-udhr`, each looked up first under the working directory and then in the
 * repository that holds this package (so the pipeline works from any folder of a fresh clone).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODEL_FILE } from './manifest.js';

/** The repository root: this file is packages/langid/{src,dist}/model/default-model.{ts,js}. */
const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export const DEFAULT_MODEL_NAMES = ['langid-full', 'langid-udhr'] as const;

/** Candidate folders in order of preference. */
export function defaultModelCandidates(cwd = process.cwd()): string[] {
  const roots = [...new Set([resolve(cwd), resolve(REPOSITORY_ROOT)])];
  return DEFAULT_MODEL_NAMES.flatMap((name) => roots.map((root) => join(root, 'models', name)));
}

/** The first candidate with a model.json; the shipped udhr folder (which then fails to load with a clear error) when none has. */
export function defaultModelDir(cwd = process.cwd()): string {
  const candidates = defaultModelCandidates(cwd);
  return candidates.find((dir) => existsSync(join(dir, MODEL_FILE))) ?? join(resolve(REPOSITORY_ROOT), 'models', 'langid-udhr');
}

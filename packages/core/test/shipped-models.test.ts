import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findModel, findOptionalModel, modelCandidates } from '../src/io/shipped-models.js';

const repository = resolve(import.meta.dirname, '..', '..', '..');

test('models are found under the working directory first, then in the repository, in the order of the names', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'ntl-models-'));
  expect(modelCandidates(['a-full', 'a-udhr'], cwd)).toEqual([join(cwd, 'models/a-full'), join(repository, 'models/a-full'), join(cwd, 'models/a-udhr'), join(repository, 'models/a-udhr')]);
  // Nothing exists: the repository's copy of the last (shipped) name, or undefined for optional files.
  expect(findModel(['a-full', 'a-udhr'], cwd)).toBe(join(repository, 'models/a-udhr'));
  expect(findOptionalModel(['a-full', 'a-udhr'], cwd)).toBeUndefined();
  mkdirSync(join(cwd, 'models/a-udhr'), { recursive: true });
  expect(findModel(['a-full', 'a-udhr'], cwd)).toBe(join(cwd, 'models/a-udhr'));
  // The shipped LangID model exists in the repository and wins over a missing preferred name.
  expect(findModel(['no-such-model', 'langid-udhr'], cwd)).toBe(join(repository, 'models/langid-udhr'));
});

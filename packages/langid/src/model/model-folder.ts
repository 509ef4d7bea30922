/** Saving and loading n-gram model folders: `model.json` + the `.ftz` weights it names. */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '@ntl/core';
import { writeClusters, type ConfusableClusters } from '../clusters/confusable-clusters.js';
import { FastTextClassifier, labelTag } from '../ngram/fasttext-classifier.js';
import { FastTextInference } from '../ngram/fasttext-inference.js';
import { FastTextFormatError, modelLabels, readFastText } from '../ngram/fasttext-format.js';
import { MODEL_FILE, manifestProblem, type LangIdModelManifest } from './manifest.js';
import { ModelLoadError, rebuildCommand } from './model-error.js';
import { NgramLangIdModel } from './ngram-model.js';

/** Writes the weights (and clusters) first and model.json last, each atomically: a folder with a model.json is complete. */
export function saveModel(dir: string, manifest: LangIdModelManifest, weights: Uint8Array, clusters?: ConfusableClusters): void {
  writeFileAtomic(join(dir, manifest.files.weights), weights);
  if (clusters && manifest.files.clusters) writeClusters(join(dir, manifest.files.clusters), clusters);
  writeJsonAtomic(join(dir, MODEL_FILE), manifest);
}

async function readManifest(dir: string, command: string): Promise<LangIdModelManifest> {
  const path = join(dir, MODEL_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ModelLoadError(path, code === 'ENOENT' || code === 'ENOTDIR' ? 'is missing' : `cannot be read (${code ?? String(error)})`, command);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ModelLoadError(path, `is not valid JSON (${(error as Error).message})`, command);
  }
  const problem = manifestProblem(value);
  if (problem) throw new ModelLoadError(path, problem, command);
  return value as LangIdModelManifest;
}

/** Loads a model folder as a SentenceClassifier; every failure is a ModelLoadError naming the file and the rebuild command. */
export async function loadLangIdModel(dir: string): Promise<NgramLangIdModel> {
  const command = rebuildCommand(dir);
  const manifest = await readManifest(dir, command);
  const weightsPath = join(dir, manifest.files.weights);
  if (!existsSync(weightsPath)) throw new ModelLoadError(weightsPath, 'is missing', command);
  const bytes = new Uint8Array(await readFile(weightsPath));
  let parsed: ReturnType<typeof readFastText>;
  try {
    parsed = readFastText(bytes);
  } catch (error) {
    if (error instanceof FastTextFormatError) throw new ModelLoadError(weightsPath, `is corrupt (${error.message})`, command);
    throw error;
  }
  const labels = modelLabels(parsed).map(labelTag);
  const expected = [...manifest.languages].sort().join(' ');
  if ([...labels].sort().join(' ') !== expected) {
    throw new ModelLoadError(weightsPath, `does not match ${MODEL_FILE} (its ${labels.length} labels are not the ${manifest.languages.length} languages listed)`, command);
  }
  // Parsed once: the engine is built from the same parse the checks read.
  return new NgramLangIdModel(manifest, new FastTextClassifier(new FastTextInference(parsed)));
}

/**
 * The folder's confusable clusters file when its model.json names one that exists (a model built with held-out
 * data), else undefined. Synchronous and lenient: for option defaults, where the model itself is loaded later.
 */
export function modelClustersFile(dir: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, MODEL_FILE), 'utf8')) as Partial<LangIdModelManifest>;
    const path = manifest.files?.clusters === undefined ? undefined : join(dir, manifest.files.clusters);
    return path !== undefined && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Saving and loading n-gram model folders: `model.json` + the `.ftz` weights and the cluster refiners it names. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '@ntl/core';
import { writeClusters, type ConfusableClusters } from '../clusters/confusable-clusters.js';
import { FastTextClassifier, labelTag, type TagClassifier } from '../ngram/fasttext-classifier.js';
import { FastTextInference } from '../ngram/fasttext-inference.js';
import { FastTextFormatError, modelLabels, readFastText } from '../ngram/fasttext-format.js';
import { MODEL_FILE, manifestProblem, type LangIdModelManifest } from './manifest.js';
import { ModelLoadError, rebuildCommand } from './model-error.js';
import { ClusterRefiners, RefinerSetError } from '../refiners/cluster-refiners.js';
import { NaiveBayesClassifier, NaiveBayesFormatError } from '../refiners/naive-bayes.js';
import type { TrainedRefiner } from '../refiners/train-refiners.js';
import { NgramLangIdModel } from './ngram-model.js';

export const REFINERS_DIR = 'refiners';

/** Longer names stand for their languages with the first, a count and a hash: file systems cap a name at 255 bytes. */
const MAX_REFINER_NAME = 120;

/**
 * `refiners/<languages joined by +>.<format>` (`.nb`, `.bin`, `.ftz`): the name says which cluster it decides, the
 * extension how to read it. A big cluster's (a 30-language Bantu group) is `<first>+<n>-more-<hash>.<format>`;
 * the languages themselves are the file's labels, and model.json lists every file.
 */
export function refinerFile(refiner: TrainedRefiner): string {
  const joined = refiner.languages.join('+');
  const name = joined.length <= MAX_REFINER_NAME ? joined : `${refiner.languages[0]}+${refiner.languages.length - 1}-more-${createHash('sha256').update(joined).digest('hex').slice(0, 12)}`;
  return `${REFINERS_DIR}/${name}.${refiner.format}`;
}

/**
 * Writes the weights (clusters, refiners) first and model.json last, each atomically: a folder with a model.json
 * is complete. `refiners[i]` is written to `manifest.files.refiners[i]`.
 */
export function saveModel(dir: string, manifest: LangIdModelManifest, weights: Uint8Array, clusters?: ConfusableClusters, refiners: readonly TrainedRefiner[] = []): void {
  writeFileAtomic(join(dir, manifest.files.weights), weights);
  if (clusters && manifest.files.clusters) writeClusters(join(dir, manifest.files.clusters), clusters);
  const files = manifest.files.refiners ?? [];
  if (files.length !== refiners.length) throw new RangeError(`model.json names ${files.length} refiner files for ${refiners.length} refiners`);
  refiners.forEach((refiner, i) => writeFileAtomic(join(dir, files[i] as string), refiner.weights));
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

/** Parses a fastText file of the folder; a missing or corrupt file is a ModelLoadError. */
async function readWeights(path: string, command: string): Promise<ReturnType<typeof readFastText>> {
  if (!existsSync(path)) throw new ModelLoadError(path, 'is missing', command);
  const bytes = new Uint8Array(await readFile(path));
  try {
    return readFastText(bytes);
  } catch (error) {
    if (error instanceof FastTextFormatError) throw new ModelLoadError(path, `is corrupt (${error.message})`, command);
    throw error;
  }
}

/** A naive Bayes refiner (`.nb`); a missing or corrupt file is a ModelLoadError. */
async function readNaiveBayes(path: string, command: string): Promise<NaiveBayesClassifier> {
  if (!existsSync(path)) throw new ModelLoadError(path, 'is missing', command);
  try {
    return NaiveBayesClassifier.fromBytes(new Uint8Array(await readFile(path)));
  } catch (error) {
    if (error instanceof NaiveBayesFormatError) throw new ModelLoadError(path, `is corrupt (${error.message})`, command);
    throw error;
  }
}

/** The refiners model.json names, read by their extension; each must decide among languages the model answers, none shared. */
async function readRefiners(dir: string, manifest: LangIdModelManifest, command: string): Promise<ClusterRefiners | undefined> {
  const files = manifest.files.refiners ?? [];
  if (files.length === 0) return undefined;
  const known = new Set(manifest.languages);
  const classifiers: TagClassifier[] = [];
  for (const file of files) {
    const path = join(dir, file);
    const classifier = file.endsWith('.nb') ? await readNaiveBayes(path, command) : new FastTextClassifier(new FastTextInference(await readWeights(path, command)));
    const unknown = classifier.labels.filter((tag) => !known.has(tag));
    if (unknown.length > 0) throw new ModelLoadError(path, `decides among languages ${MODEL_FILE} does not list (${unknown.join(', ')})`, command);
    classifiers.push(classifier);
  }
  try {
    return new ClusterRefiners(classifiers);
  } catch (error) {
    if (error instanceof RefinerSetError) throw new ModelLoadError(join(dir, MODEL_FILE), `names inconsistent refiners (${error.message})`, command);
    throw error;
  }
}

export interface LoadModelOptions {
  /** Load the folder's cluster refiners when it has any (default true); false predicts with stage 1 alone. */
  refiners?: boolean;
}

/** Loads a model folder as a SentenceClassifier; every failure is a ModelLoadError naming the file and the rebuild command. */
export async function loadLangIdModel(dir: string, options: LoadModelOptions = {}): Promise<NgramLangIdModel> {
  const command = rebuildCommand(dir);
  const manifest = await readManifest(dir, command);
  const weightsPath = join(dir, manifest.files.weights);
  const parsed = await readWeights(weightsPath, command);
  const labels = modelLabels(parsed).map(labelTag);
  const expected = [...manifest.languages].sort().join(' ');
  if ([...labels].sort().join(' ') !== expected) {
    throw new ModelLoadError(weightsPath, `does not match ${MODEL_FILE} (its ${labels.length} labels are not the ${manifest.languages.length} languages listed)`, command);
  }
  const refiners = options.refiners === false ? undefined : await readRefiners(dir, manifest, command);
  // Parsed once: the engine is built from the same parse the checks read.
  return new NgramLangIdModel(manifest, new FastTextClassifier(new FastTextInference(parsed)), refiners);
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

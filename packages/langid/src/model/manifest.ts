/**
 * `model.json` of an n-gram LangID model folder (ARCHITECTURE §3: a model is a folder with model.json plus
 * weights). Loading checks kind and version so a folder of another model kind, or of a future format, fails
 * with a clear error instead of mispredicting.
 */
import { isValidTag } from '@ntl/core';
import type { ModelTextOptions } from '../ngram/model-text.js';

export const MODEL_KIND = 'ntl.langid.ngram';
export const MODEL_VERSION = 1;
export const MODEL_FILE = 'model.json';

export interface LangIdModelManifest {
  kind: typeof MODEL_KIND;
  version: typeof MODEL_VERSION;
  /** Tags the model answers, sorted. */
  languages: string[];
  createdWith: Record<string, string>;
  /** Data, hyperparameters and sampling, as given to trainModel (for the record and for reproduction). */
  training: Record<string, unknown>;
  /** Held-out figures measured when the model was built. */
  metrics: Record<string, unknown>;
  /**
   * `weights`: the fastText model; `clusters`: the confusable clusters derived from the held-out confusions
   * (for the filters); `refiners`: one model per cluster deciding among its languages (its labels;
   * refiners/cluster-refiners.ts): naive Bayes `.nb`, or fastText `.bin`/`.ftz` in folders built before naive Bayes
   * or with `kind: 'fasttext'`; absent in folders built before refiners or with `refiners: false`;
   * `neural`: the SSLID stage's files, when it was trained (loadCombinedClassifier).
   */
  files: { weights: string; clusters?: string; refiners?: string[]; neural?: string[] };
  /** Applied identically at training and prediction time. */
  modelText: ModelTextOptions;
  /** Texts are cut to this many code points (after normalisation) before the model: bounds time on 1 MB lines. */
  maxChars: number;
  /** Score under which a prediction of the tag becomes `und_Zyyy` ('below-threshold'); absent = 0. */
  thresholds: Record<string, number>;
  /**
   * Stage 1 answers at least this probable are kept without asking their cluster's refiner; absent: every answer
   * in a cluster is refined (folders built before the gate).
   */
  refineBelow?: number;
}

/** Why a parsed model.json is unusable, or undefined when it is fine. */
export function manifestProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not a JSON object';
  const manifest = value as Record<string, unknown>;
  if (manifest['kind'] !== MODEL_KIND) return `has kind ${JSON.stringify(manifest['kind'])}, expected "${MODEL_KIND}"`;
  if (manifest['version'] !== MODEL_VERSION) return `has version ${JSON.stringify(manifest['version'])}, this ntl reads version ${MODEL_VERSION}`;
  const languages = manifest['languages'];
  if (!Array.isArray(languages) || languages.length === 0 || !languages.every((tag) => typeof tag === 'string' && isValidTag(tag))) {
    return 'has no valid "languages" list of xxx_Xxxx tags';
  }
  const files = manifest['files'] as Record<string, unknown> | undefined;
  if (typeof files?.['weights'] !== 'string' || files['weights'] === '') return 'names no weights file ("files.weights")';
  const refiners = files['refiners'];
  if (refiners !== undefined && !(Array.isArray(refiners) && refiners.every((file) => typeof file === 'string' && file !== ''))) {
    return 'has a "files.refiners" that is not a list of file names';
  }
  const modelText = manifest['modelText'] as Record<string, unknown> | undefined;
  if (typeof modelText?.['lowercase'] !== 'boolean') return 'has no "modelText.lowercase" setting';
  const maxChars = manifest['maxChars'];
  if (typeof maxChars !== 'number' || !Number.isInteger(maxChars) || maxChars < 1) return 'has no positive integer "maxChars"';
  const thresholds = manifest['thresholds'];
  if (typeof thresholds !== 'object' || thresholds === null || Object.values(thresholds).some((t) => typeof t !== 'number' || !(t >= 0 && t <= 1))) {
    return 'has no "thresholds" object of numbers in [0, 1]';
  }
  const refineBelow = manifest['refineBelow'];
  if (refineBelow !== undefined && !(typeof refineBelow === 'number' && refineBelow > 0 && refineBelow <= 1)) return 'has a "refineBelow" that is not a number in (0, 1]';
  return undefined;
}

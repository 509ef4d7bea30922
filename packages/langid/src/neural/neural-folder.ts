/**
 * The neural stage inside a model folder (ARCHITECTURE §3): `neural/model.json` (tfjs model-JSON; ntl's
 * settings in `userDefinedMetadata`) and `neural/weights.bin`, next to stage 1's `model.json` + `lid.ftz`.
 * Loading checks kind, version and every shape, and fails with a ModelLoadError naming the file and the
 * command that rebuilds it.
 */
import * as tf from '@tensorflow/tfjs';
import { join } from 'node:path';
import { isValidTag } from '@ntl/core';
import { loadLangIdModel } from '../model/model-folder.js';
import { ModelLoadError, rebuildCommand } from '../model/model-error.js';
import { ensureBackend } from './backend.js';
import type { FeatureConfig } from './char-features.js';
import { fileIOHandler, MODEL_JSON, WEIGHTS_BIN, WeightsFileError } from './file-io-handler.js';
import { InterpolatedClassifier } from './interpolated-classifier.js';
import { networkFromTensors, networkTensors, weightShapes, type NetworkShape } from './network.js';
import { NeuralLangIdModel } from './neural-model.js';

export const NEURAL_KIND = 'ntl.langid.neural';
export const NEURAL_VERSION = 1;
export const NEURAL_DIR = 'neural';
/** The files a model folder's model.json should list for the neural stage. */
export const NEURAL_FILES = [`${NEURAL_DIR}/${MODEL_JSON}`, `${NEURAL_DIR}/${WEIGHTS_BIN}`] as const;

export interface NeuralMetadata {
  kind: typeof NEURAL_KIND;
  version: typeof NEURAL_VERSION;
  languages: string[];
  features: FeatureConfig;
  network: NetworkShape;
  targetVocabulary: number[];
  /** Weight of the neural model in the combined classifier (interpolated-classifier.ts). */
  interpolationWeight: number;
  training: Record<string, unknown>;
  metrics: Record<string, unknown>;
}

export interface NeuralFolderInfo {
  interpolationWeight: number;
  training?: Record<string, unknown>;
  metrics?: Record<string, unknown>;
}

/** Writes `<modelDir>/neural/{weights.bin,model.json}`; returns the paths to list in the folder's `files`. */
export async function saveNeuralModel(modelDir: string, model: NeuralLangIdModel, info: NeuralFolderInfo): Promise<string[]> {
  const tensors = networkTensors(model.network);
  try {
    const order = weightShapes(model.network.shape).map(([name]) => name);
    const { data, specs } = await tf.io.encodeWeights(order.map((name) => ({ name, tensor: tensors[name] as tf.Tensor })));
    const metadata: NeuralMetadata = {
      kind: NEURAL_KIND,
      version: NEURAL_VERSION,
      languages: [...model.languages],
      features: model.features,
      network: model.network.shape,
      targetVocabulary: [...model.targetVocabulary],
      interpolationWeight: info.interpolationWeight,
      training: info.training ?? {},
      metrics: info.metrics ?? {},
    };
    await fileIOHandler(join(modelDir, NEURAL_DIR)).save({
      format: NEURAL_KIND,
      generatedBy: `@ntl/langid, @tensorflow/tfjs ${tf.version_core}`,
      weightSpecs: specs,
      weightData: data,
      userDefinedMetadata: metadata as unknown as tf.io.ModelArtifacts['userDefinedMetadata'],
    });
  } finally {
    tf.dispose(Object.values(tensors));
  }
  return [...NEURAL_FILES];
}

const isPositiveInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

/** Why the metadata is unusable, or undefined when it is fine. */
export function neuralMetadataProblem(value: unknown): string | undefined {
  const metadata = value as Partial<NeuralMetadata> | undefined;
  if (typeof metadata !== 'object' || metadata === null) return 'has no "userDefinedMetadata" object';
  if (metadata.kind !== NEURAL_KIND) return `has kind ${JSON.stringify(metadata.kind)}, expected "${NEURAL_KIND}"`;
  if (metadata.version !== NEURAL_VERSION) return `has version ${JSON.stringify(metadata.version)}, this ntl reads version ${NEURAL_VERSION}`;
  const { languages, features, network, targetVocabulary, interpolationWeight } = metadata;
  if (!Array.isArray(languages) || languages.length === 0 || !languages.every((tag) => typeof tag === 'string' && isValidTag(tag))) return 'has no valid "languages" list of xxx_Xxxx tags';
  if (!features || !isPositiveInteger(features.maxLength) || !isPositiveInteger(features.buckets) || !Array.isArray(features.orders) || !features.orders.every(isPositiveInteger) || typeof features.modelText?.lowercase !== 'boolean') {
    return 'has no valid "features" (maxLength, orders, buckets, modelText)';
  }
  if (!network || !(['buckets', 'dim', 'hidden', 'classes', 'targets'] as const).every((key) => isPositiveInteger(network[key]))) return 'has no valid "network" shape';
  if (network.classes !== languages.length) return `has ${network.classes} classes for ${languages.length} languages`;
  if (network.buckets !== features.buckets) return `has ${network.buckets} embedding rows for ${features.buckets} buckets`;
  if (!Array.isArray(targetVocabulary) || targetVocabulary.length !== network.targets - 1 || !targetVocabulary.every((c) => Number.isInteger(c) && c >= 0)) {
    return `has no "targetVocabulary" of ${network.targets - 1} code points`;
  }
  if (typeof interpolationWeight !== 'number' || !(interpolationWeight >= 0 && interpolationWeight <= 1)) return 'has no "interpolationWeight" in [0, 1]';
  return undefined;
}

export interface LoadedNeuralModel {
  model: NeuralLangIdModel;
  metadata: NeuralMetadata;
}

/** Loads `<modelDir>/neural/`; every failure is a ModelLoadError naming the file and the rebuild command. */
export async function loadNeuralModel(modelDir: string, options: { log?: (message: string) => void } = {}): Promise<LoadedNeuralModel> {
  await ensureBackend(options);
  const command = `${rebuildCommand(modelDir)} --neural`;
  const dir = join(modelDir, NEURAL_DIR);
  let artifacts: tf.io.ModelArtifacts;
  try {
    artifacts = await fileIOHandler(dir).load();
  } catch (error) {
    if (error instanceof WeightsFileError) throw new ModelLoadError(error.file, error.problem, command);
    throw error;
  }
  const modelPath = join(dir, MODEL_JSON);
  const problem = neuralMetadataProblem(artifacts.userDefinedMetadata);
  if (problem) throw new ModelLoadError(modelPath, problem, command);
  const metadata = artifacts.userDefinedMetadata as unknown as NeuralMetadata;
  const tensors = tf.io.decodeWeights(artifacts.weightData as ArrayBuffer, artifacts.weightSpecs ?? []);
  try {
    const network = networkFromTensors(metadata.network, tensors);
    return { model: new NeuralLangIdModel(metadata.languages, metadata.features, metadata.targetVocabulary, network), metadata };
  } catch (error) {
    throw new ModelLoadError(join(dir, WEIGHTS_BIN), `does not match ${MODEL_JSON} (${(error as Error).message})`, command);
  } finally {
    tf.dispose(Object.values(tensors));
  }
}

/** Stage 1 and the neural stage of one folder, interpolated with the folder's tuned weight. */
export async function loadCombinedClassifier(modelDir: string, options: { log?: (message: string) => void } = {}): Promise<InterpolatedClassifier> {
  const stage1 = await loadLangIdModel(modelDir);
  const { model, metadata } = await loadNeuralModel(modelDir, options);
  return new InterpolatedClassifier(stage1, model, metadata.interpolationWeight);
}

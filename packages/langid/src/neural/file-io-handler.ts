/**
 * A tfjs IOHandler over two files in a folder, `model.json` (tfjs's model-JSON layout: format, generatedBy,
 * modelTopology, weightsManifest, userDefinedMetadata) and `weights.bin`. tfjs's own `file://` handler exists
 * only in @tensorflow/tfjs-node, which cannot be installed here (ARCHITECTURE §4). Writes are atomic
 * (temp-then-rename), weights first, so a folder whose model.json exists is complete.
 */
import * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '@ntl/core';

export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

/** A file the handler cannot use; `file` is its path. */
export class WeightsFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file} ${problem}`);
    this.name = 'WeightsFileError';
  }
}

interface ModelJson {
  format?: string;
  generatedBy?: string;
  modelTopology?: unknown;
  weightsManifest: Array<{ paths: string[]; weights: tf.io.WeightsManifestEntry[] }>;
  userDefinedMetadata?: tf.io.ModelArtifacts['userDefinedMetadata'];
}

const BYTES_PER_ELEMENT: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

function byteSize(specs: readonly tf.io.WeightsManifestEntry[], file: string): number {
  return specs.reduce((total, spec) => {
    const bytes = BYTES_PER_ELEMENT[spec.dtype];
    if (bytes === undefined || spec.quantization) throw new WeightsFileError(file, `has weight "${spec.name}" of unsupported dtype ${spec.dtype}${spec.quantization ? ' (quantized)' : ''}`);
    return total + spec.shape.reduce((n, d) => n * d, 1) * bytes;
  }, 0);
}

async function readOrFail(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new WeightsFileError(path, code === 'ENOENT' || code === 'ENOTDIR' ? 'is missing' : `cannot be read (${code ?? String(error)})`);
  }
}

function parseModelJson(text: string, path: string): ModelJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new WeightsFileError(path, `is not valid JSON (${(error as Error).message})`);
  }
  const manifest = (value as Partial<ModelJson> | null)?.weightsManifest;
  const group = manifest?.[0];
  if (!Array.isArray(manifest) || manifest.length !== 1 || !Array.isArray(group?.paths) || group.paths.length !== 1 || !Array.isArray(group.weights)) {
    throw new WeightsFileError(path, `has no "weightsManifest" naming one weights file`);
  }
  if (group.paths[0] !== WEIGHTS_BIN) throw new WeightsFileError(path, `names weights file "${String(group.paths[0])}", expected "${WEIGHTS_BIN}"`);
  return value as ModelJson;
}

/** An IOHandler whose save and load are both present. */
export type FileIOHandler = tf.io.IOHandler & Required<Pick<tf.io.IOHandler, 'save' | 'load'>>;

export function fileIOHandler(dir: string): FileIOHandler {
  const modelPath = join(dir, MODEL_JSON);
  const weightsPath = join(dir, WEIGHTS_BIN);
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      const weightData = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const json: ModelJson = {
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? [] }],
        userDefinedMetadata: artifacts.userDefinedMetadata,
      };
      writeFileAtomic(weightsPath, new Uint8Array(weightData));
      writeJsonAtomic(modelPath, json);
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON({ ...artifacts, weightData }) };
    },
    async load(): Promise<tf.io.ModelArtifacts> {
      const json = parseModelJson((await readOrFail(modelPath)).toString('utf8'), modelPath);
      const specs = (json.weightsManifest[0] as { weights: tf.io.WeightsManifestEntry[] }).weights;
      const bytes = await readOrFail(weightsPath);
      const expected = byteSize(specs, modelPath);
      if (bytes.length !== expected) throw new WeightsFileError(weightsPath, `has ${bytes.length} bytes, ${MODEL_JSON} describes ${expected}`);
      const artifacts: tf.io.ModelArtifacts = {
        weightSpecs: specs,
        weightData: Uint8Array.from(bytes).buffer,
      };
      if (json.format !== undefined) artifacts.format = json.format;
      if (json.generatedBy !== undefined) artifacts.generatedBy = json.generatedBy;
      if (json.modelTopology !== undefined) artifacts.modelTopology = json.modelTopology as tf.io.ModelArtifacts['modelTopology'];
      if (json.userDefinedMetadata !== undefined) artifacts.userDefinedMetadata = json.userDefinedMetadata;
      return artifacts;
    },
  };
}

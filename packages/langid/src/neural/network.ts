/**
 * The SSLID network. Encoder: hashed character n-gram embeddings (char-features.ts), held in JS tables
 * (embedding-table.ts); a sentence vector is the mean over positions of the sum of the n-grams ending there,
 * and a position's vector is that sum alone. Two tfjs heads read them:
 * - classification: one ReLU hidden layer, softmax over the model's languages;
 * - reconstruction (MASS-style, masking.ts and batches.ts): for each masked position, the sum of the
 *   position's own (masked) n-grams, the sentence vector of the visible positions and the embedding of the
 *   previous original character (MASS's decoder reads the span shifted right, i.e. teacher forcing), one ReLU
 *   layer, softmax over the target characters (target-vocabulary.ts).
 * A per-position encoder was tried first: a width-3 convolution block over the position vectors (written as a
 * matMul over shifted copies, since wasm has no Conv2DBackpropFilter) cost ~1.1 s per step of 64 sentences on
 * this project's shared 2-core machine, about 25× the bag encoder, which would have left a few hundred
 * training steps in the time budget. Two wasm costs found on the way shape this file: tf.gather is
 * ~10× slower than a matMul of the same output (hence the JS tables), and a matMul with a transposed operand
 * runs ~6× slower than a plain one (hence `dense` below).
 */
import * as tf from '@tensorflow/tfjs';
import { EmbeddingTable } from './embedding-table.js';

export interface NetworkShape {
  /** Rows of the n-gram embedding table. */
  buckets: number;
  dim: number;
  /** Width of the classification head's hidden layer. */
  hidden: number;
  classes: number;
  /** Reconstruction targets (index 0 = any other character); the previous-character table has one more row, for the start. */
  targets: number;
}

export interface Network {
  readonly shape: NetworkShape;
  /** The n-gram table [buckets, dim]. */
  readonly embeddings: EmbeddingTable;
  /** The decoder's previous-character table [targets + 1, dim]. */
  readonly previous: EmbeddingTable;
  /** The heads' dense weights by name (the names saved in weights.bin). */
  readonly weights: ReadonlyMap<string, tf.Variable>;
}

export const EMBEDDINGS = 'embeddings';
export const PREVIOUS = 'decoder.previous';
/** Sentence vectors average sums of 4 rows; this keeps them near unit scale at the start. */
const EMBEDDING_STD = 0.1;

/** Weight names and shapes, in save order. */
export function weightShapes(shape: NetworkShape): Array<[string, number[]]> {
  const { dim } = shape;
  return [
    [EMBEDDINGS, [shape.buckets, dim]],
    [PREVIOUS, [shape.targets + 1, dim]],
    ['classifier.hidden.kernel', [dim, shape.hidden]],
    ['classifier.hidden.bias', [shape.hidden]],
    ['classifier.output.kernel', [shape.hidden, shape.classes]],
    ['classifier.output.bias', [shape.classes]],
    ['decoder.hidden.kernel', [dim, dim]],
    ['decoder.hidden.bias', [dim]],
    ['decoder.output.kernel', [dim, shape.targets]],
    ['decoder.output.bias', [shape.targets]],
  ];
}

/** Dense weights of the reconstruction head (classification-only training leaves them alone). */
export const isDecoderWeight = (name: string): boolean => name.startsWith('decoder.');
const isTable = (name: string): boolean => name === EMBEDDINGS || name === PREVIOUS;

let networks = 0;

/** tfjs variable names are global; each network gets its own prefix so several can live side by side. */
function variables(values: ReadonlyArray<[string, tf.Tensor]>): Map<string, tf.Variable> {
  const prefix = `sslid${networks++}`;
  return new Map(values.map(([name, value]) => [name, tf.variable(value, true, `${prefix}/${name}`)]));
}

/** A freshly initialised network (Glorot-normal matrices, zero biases); `seed` makes it reproducible. */
export function createNetwork(shape: NetworkShape, seed = 1): Network {
  const values = weightShapes(shape)
    .filter(([name]) => !isTable(name))
    .map(([name, dims], i): [string, tf.Tensor] => [
      name,
      dims.length === 1 ? tf.zeros(dims) : tf.randomNormal(dims, 0, Math.sqrt(2 / ((dims[0] as number) + (dims[1] as number))), 'float32', seed * 1000 + i),
    ]);
  const weights = variables(values);
  tf.dispose(values.map(([, value]) => value));
  return {
    shape,
    embeddings: EmbeddingTable.random(shape.buckets, shape.dim, EMBEDDING_STD, seed),
    previous: EmbeddingTable.random(shape.targets + 1, shape.dim, EMBEDDING_STD, seed + 1),
    weights,
  };
}

/** Every weight as a tensor (the caller disposes them), for saving. */
export function networkTensors(network: Network): Record<string, tf.Tensor> {
  const table = (t: EmbeddingTable): tf.Tensor => tf.tensor2d(t.values, [t.rows, t.dim]);
  return {
    [EMBEDDINGS]: table(network.embeddings),
    [PREVIOUS]: table(network.previous),
    ...Object.fromEntries([...network.weights].map(([name, v]) => [name, tf.clone(v)])),
  };
}

/** A network holding the given values (names and shapes checked against `shape`); the values are copied. */
export function networkFromTensors(shape: NetworkShape, tensors: Readonly<Record<string, tf.Tensor>>): Network {
  for (const [name, dims] of weightShapes(shape)) {
    const value = tensors[name];
    if (!value) throw new Error(`weight "${name}" is missing`);
    if (value.shape.join('x') !== dims.join('x')) throw new Error(`weight "${name}" has shape [${value.shape.join(', ')}], expected [${dims.join(', ')}]`);
  }
  const table = (name: string, rows: number): EmbeddingTable => new EmbeddingTable(rows, shape.dim, Float32Array.from((tensors[name] as tf.Tensor).dataSync()));
  return {
    shape,
    embeddings: table(EMBEDDINGS, shape.buckets),
    previous: table(PREVIOUS, shape.targets + 1),
    weights: variables(weightShapes(shape).filter(([name]) => !isTable(name)).map(([name]) => [name, tensors[name] as tf.Tensor])),
  };
}

export function disposeNetwork(network: Network): void {
  for (const weight of network.weights.values()) weight.dispose();
}

function weight(network: Network, name: string): tf.Variable {
  const value = network.weights.get(name);
  if (!value) throw new Error(`network has no weight "${name}"`);
  return value;
}

/** x · w, with gradients computed through explicit transposes: wasm's transposed matMul is ~6× slower. */
const dense = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [x, w, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: tf.matMul(x, w),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [input, kernel] = saved as [tf.Tensor2D, tf.Tensor2D];
      return [tf.matMul(dy as tf.Tensor2D, tf.transpose(kernel)), tf.matMul(tf.transpose(input), dy as tf.Tensor2D)];
    },
  };
}) as (x: tf.Tensor2D, w: tf.Tensor2D) => tf.Tensor2D;

function layer(network: Network, x: tf.Tensor2D, name: string): tf.Tensor2D {
  return tf.add(dense(x, weight(network, `${name}.kernel`) as tf.Tensor2D), weight(network, `${name}.bias`));
}

/** Language logits [batch, classes] from sentence vectors [batch, dim]. */
export function classLogits(network: Network, sentences: tf.Tensor2D): tf.Tensor2D {
  return layer(network, tf.relu(layer(network, sentences, 'classifier.hidden')), 'classifier.output');
}

/** Reconstruction logits [masked positions, targets] from the decoder inputs (reconstructionInputs). */
export function reconstructionLogits(network: Network, inputs: tf.Tensor2D): tf.Tensor2D {
  return layer(network, tf.relu(layer(network, inputs, 'decoder.hidden')), 'decoder.output');
}

/**
 * Joint training of the SSLID network (Bapna et al. 2022 §2.1.2, after Caswell et al. 2020): each step adds
 * (a) cross-entropy on a temperature-sampled batch of labelled sentences and (b) `reconstructionWeight` times
 * the masked-span reconstruction loss on a batch of unlabelled sentences (MASS, Song et al. 2019: one
 * contiguous span of `maskFraction` of the positions is hidden and predicted).
 *
 * Simplifications relative to MASS: MASS encodes with a Transformer and decodes the span with a Transformer
 * decoder that attends to every encoder state and to the span's previous tokens. Here the encoder is a bag of
 * hashed n-gram embeddings, and each masked position is predicted independently from the sum of the (masked)
 * n-grams ending there, the mean of the visible positions' n-grams and the previous original character
 * (network.ts); targets are the frequent characters only (target-vocabulary.ts). The intent for language ID:
 * to reconstruct the span, the sentence vector must encode which language's spelling the visible half follows,
 * and the n-grams that only the unlabelled (in-domain) text contains get trained embeddings in the space the
 * classifier reads. bench/langid/sslid.js measures whether it helps: with UDHR as seed and FLORES as the
 * unlabelled text it did not (accuracy −3 points before self-training, ±0.5 after it).
 */
import * as tf from '@tensorflow/tfjs';
import { seededRandom } from '../seed/seeded-random.js';
import { bagCount, concatBags, type Bags } from './bags.js';
import { reconstructionBatch, sentenceBags, type ReconstructionBatch } from './batches.js';
import { SparseAdam } from './embedding-table.js';
import { maskSpan } from './masking.js';
import { classLogits, isDecoderWeight, reconstructionLogits, type Network } from './network.js';
import type { NeuralLangIdModel } from './neural-model.js';
import { targetIndexer } from './target-vocabulary.js';
import { temperatureSampler } from './temperature-sampler.js';

export interface LabelledSequence {
  /** Code points (NeuralLangIdModel.sequence); never empty. */
  sequence: readonly number[];
  /** Index into the model's languages. */
  label: number;
}

export interface TrainingData {
  labelled: readonly LabelledSequence[];
  /** Unlabelled sequences for the reconstruction objective. */
  unlabelled?: ReadonlyArray<readonly number[]>;
}

export interface TrainingOptions {
  steps: number;
  /** Labelled sentences per step; default 64. */
  batchSize?: number;
  /** Unlabelled sentences per step; default 16 (~900 masked positions: the reconstruction softmax then costs about what the classification step does). */
  reconstructionBatchSize?: number;
  /** Weight of the reconstruction loss; 0 trains classification only (default 1 when unlabelled text is given). */
  reconstructionWeight?: number;
  /** Share of each unlabelled sentence masked; default 0.5 (MASS). */
  maskFraction?: number;
  /** Adam's learning rate (dense and sparse); default 0.01: at 1,000 steps held-out UDHR accuracy was 0.854 at 0.003, 0.864 at 0.01, 0.755 at 0.03. */
  learningRate?: number;
  /** Sampling temperature across languages; default 3. */
  temperature?: number;
  seed?: number;
  /** Logs the mean losses every this many steps; default 100. */
  logEvery?: number;
  log?: (message: string) => void;
}

export const DEFAULT_TRAINING = {
  batchSize: 64,
  reconstructionBatchSize: 16,
  maskFraction: 0.5,
  learningRate: 0.01,
  temperature: 3,
  logEvery: 100,
} as const;

export interface LossPoint {
  /** Last step of the window. */
  step: number;
  /** Mean losses over the window (reconstruction absent when it was not trained). */
  classification: number;
  reconstruction?: number;
}

export interface TrainingReport {
  steps: number;
  seconds: number;
  curve: LossPoint[];
}

interface StepLosses {
  classification: number;
  reconstruction?: number;
}

interface Optimizers {
  dense: tf.Optimizer;
  embeddings: SparseAdam;
  previous: SparseAdam;
}

/** Decoder inputs [masked, dim]: local n-grams + the sentence's visible context + the previous character. */
function decoderInputs(network: Network, batch: ReconstructionBatch, context: Float32Array): Float32Array {
  const { dim } = network.shape;
  const inputs = network.embeddings.lookup(batch.local);
  const previous = network.previous.lookup(batch.previous);
  batch.rows.forEach((row, m) => {
    for (let j = 0; j < dim; j++) inputs[m * dim + j] = (inputs[m * dim + j] as number) + (context[row * dim + j] as number) + (previous[m * dim + j] as number);
  });
  return inputs;
}

/** Gradient of each sentence's context vector: the sum over its masked positions. */
function contextGradient(batch: ReconstructionBatch, gradient: Float32Array, dim: number): Float32Array {
  const sums = new Float32Array(bagCount(batch.context) * dim);
  batch.rows.forEach((row, m) => {
    for (let j = 0; j < dim; j++) sums[row * dim + j] = (sums[row * dim + j] as number) + (gradient[m * dim + j] as number);
  });
  return sums;
}

function concatFloats(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * One optimisation step: tfjs computes the joint loss and its gradients with respect to the heads' weights
 * (Adam) and to the bag sums it was given, which the sparse optimisers turn into updates of the rows that fed them.
 */
function step(
  model: NeuralLangIdModel,
  labelled: { bags: Bags; labels: Int32Array },
  reconstruction: { batch: ReconstructionBatch; weight: number } | undefined,
  variables: ReadonlyArray<[string, tf.Variable]>,
  optimizers: Optimizers,
): StepLosses {
  const { network } = model;
  const { dim } = network.shape;
  const sentences = network.embeddings.lookup(labelled.bags);
  const context = reconstruction && network.embeddings.lookup(reconstruction.batch.context);
  const decoderInput = reconstruction && context && decoderInputs(network, reconstruction.batch, context);
  const losses: tf.Scalar[] = [];
  const gradients = tf.tidy(() => {
    const labels = tf.oneHot(tf.tensor1d(labelled.labels, 'int32'), model.languages.length);
    const inputs = [tf.tensor2d(sentences, [bagCount(labelled.bags), dim])];
    const targets = reconstruction && tf.oneHot(tf.tensor1d(reconstruction.batch.targets, 'int32'), network.shape.targets);
    if (decoderInput) inputs.push(tf.tensor2d(decoderInput, [decoderInput.length / dim, dim]));
    return tf.valueAndGrads((...xs: tf.Tensor[]) => {
      const [sentenceInput, maskedInput] = xs as [tf.Tensor2D, tf.Tensor2D | undefined];
      const classification = tf.losses.softmaxCrossEntropy(labels, classLogits(network, sentenceInput)) as tf.Scalar;
      // Clones: the loss tensors themselves are disposed with the gradient tape.
      losses.push(tf.keep(tf.clone(classification)));
      if (!reconstruction || !maskedInput || !targets) return classification;
      const loss = tf.losses.softmaxCrossEntropy(targets, reconstructionLogits(network, maskedInput)) as tf.Scalar;
      losses.push(tf.keep(tf.clone(loss)));
      return tf.add(classification, tf.mul(loss, reconstruction.weight)) as tf.Scalar;
    })([...inputs, ...variables.map(([, v]) => v)]).grads;
  });
  const inputCount = decoderInput ? 2 : 1;
  const [sentenceGradient, maskedGradient] = gradients.slice(0, inputCount).map((g) => g.dataSync() as Float32Array);
  optimizers.dense.applyGradients(Object.fromEntries(variables.map(([, v], i) => [v.name, gradients[inputCount + i] as tf.Tensor])));
  tf.dispose(gradients);
  if (reconstruction && maskedGradient) {
    const { batch } = reconstruction;
    optimizers.embeddings.update(
      concatBags(concatBags(labelled.bags, batch.local), batch.context),
      concatFloats(concatFloats(sentenceGradient as Float32Array, maskedGradient), contextGradient(batch, maskedGradient, dim)),
    );
    optimizers.previous.update(batch.previous, maskedGradient);
  } else {
    optimizers.embeddings.update(labelled.bags, sentenceGradient as Float32Array);
  }
  const [classification, reconstructionLoss] = losses.map((loss) => loss.dataSync()[0] as number);
  tf.dispose(losses);
  return reconstructionLoss === undefined ? { classification: classification ?? NaN } : { classification: classification ?? NaN, reconstruction: reconstructionLoss };
}

export function trainNetwork(model: NeuralLangIdModel, data: TrainingData, options: TrainingOptions): TrainingReport {
  const settings = { ...DEFAULT_TRAINING, ...options };
  const log = options.log ?? (() => {});
  const unlabelled = data.unlabelled ?? [];
  const reconstructionWeight = unlabelled.length > 0 ? (options.reconstructionWeight ?? 1) : 0;
  const random = seededRandom(settings.seed ?? 1);
  const nextLabelled = temperatureSampler(data.labelled, (item) => String(item.label), settings.temperature, random);
  const targetIndex = targetIndexer(model.targetVocabulary);
  const startIndex = model.network.shape.targets;
  const variables = [...model.network.weights].filter(([name]) => reconstructionWeight > 0 || !isDecoderWeight(name));
  const { learningRate } = settings;
  const optimizers: Optimizers = {
    dense: tf.train.adam(learningRate),
    embeddings: new SparseAdam(model.network.embeddings, { learningRate }),
    previous: new SparseAdam(model.network.previous, { learningRate }),
  };
  const curve: LossPoint[] = [];
  let window = { steps: 0, classification: 0, reconstruction: 0 };
  const started = performance.now();
  try {
    for (let n = 1; n <= settings.steps; n++) {
      const batch = Array.from({ length: settings.batchSize }, nextLabelled);
      const labelled = { bags: sentenceBags(batch.map((item) => item.sequence), model.features), labels: Int32Array.from(batch, (item) => item.label) };
      let reconstruction: { batch: ReconstructionBatch; weight: number } | undefined;
      if (reconstructionWeight > 0) {
        const sequences = Array.from({ length: settings.reconstructionBatchSize }, () => unlabelled[Math.floor(random() * unlabelled.length)] as readonly number[]);
        const spans = sequences.map((sequence) => maskSpan(sequence.length, settings.maskFraction, random));
        reconstruction = { batch: reconstructionBatch(sequences, spans, targetIndex, startIndex, model.features), weight: reconstructionWeight };
      }
      const losses = step(model, labelled, reconstruction, variables, optimizers);
      window = { steps: window.steps + 1, classification: window.classification + losses.classification, reconstruction: window.reconstruction + (losses.reconstruction ?? 0) };
      if (n % settings.logEvery === 0 || n === settings.steps) {
        const point: LossPoint = { step: n, classification: window.classification / window.steps };
        if (reconstruction) point.reconstruction = window.reconstruction / window.steps;
        curve.push(point);
        const seconds = (performance.now() - started) / 1000;
        log(`step ${n}/${settings.steps}: classification loss ${point.classification.toFixed(3)}${point.reconstruction === undefined ? '' : `, reconstruction loss ${point.reconstruction.toFixed(3)}`} (${seconds.toFixed(0)} s)`);
        window = { steps: 0, classification: 0, reconstruction: 0 };
      }
    }
  } finally {
    optimizers.dense.dispose();
  }
  return { steps: settings.steps, seconds: (performance.now() - started) / 1000, curve };
}

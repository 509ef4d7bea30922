/**
 * Builds the semi-supervised neural stage (SSLID, Bapna et al. 2022 §2.1.2) next to a trained stage 1
 * (on the tfjs backend chosen by selectBackend, or the default one, backend.ts):
 * 1. joint training: classification of the labelled seed + masked-span reconstruction of the unlabelled text;
 * 2. self-training rounds on the unlabelled text (self-training.ts);
 * 3. the interpolation weight with stage 1, tuned on held-out labelled text;
 * then, with `outDir`, saves `neural/` into that model folder.
 */
import { UND } from '@ntl/core';
import { DEFAULT_MODEL_TEXT_OPTIONS, type ModelTextOptions } from '../ngram/model-text.js';
import type { SentenceClassifier } from '../prediction.js';
import type { LabeledText } from '../seed/labeled-text.js';
import { ensureBackend } from './backend.js';
import { sequenceOf, type FeatureConfig } from './char-features.js';
import { DEFAULT_STAGE1_K, tuneInterpolationWeight, type WeightTuning } from './interpolated-classifier.js';
import { createNetwork } from './network.js';
import { saveNeuralModel } from './neural-folder.js';
import { NeuralLangIdModel } from './neural-model.js';
import { selfTrain, type SelfTrainingOptions, type SelfTrainingRound } from './self-training.js';
import { buildTargetVocabulary } from './target-vocabulary.js';
import { trainNetwork, type LabelledSequence, type TrainingOptions, type TrainingReport } from './training.js';

export interface NeuralModelOptions {
  /** Positions read per sentence (boundary spaces included); default 128. */
  maxLength?: number;
  /** Character n-gram orders; default 1–4, as stage 1's minn/maxn. */
  orders?: number[];
  /** n-gram hash buckets; default 2^16. */
  buckets?: number;
  /** Embedding width; default 32 (stage 1's dim). */
  dim?: number;
  /** Classification head's hidden width; default 256. */
  hidden?: number;
  /** Reconstruction targets (frequent characters + "other"); default 192. */
  targets?: number;
  modelText?: ModelTextOptions;
  seed?: number;
}

export const DEFAULT_NEURAL_MODEL = { maxLength: 128, orders: [1, 2, 3, 4], buckets: 1 << 16, dim: 32, hidden: 256, targets: 192 } as const;

/** A fresh model over `languages`, its reconstruction targets the most frequent characters of `texts`. */
export function createNeuralModel(languages: readonly string[], texts: Iterable<string>, options: NeuralModelOptions = {}): NeuralLangIdModel {
  const settings = { ...DEFAULT_NEURAL_MODEL, ...options };
  const features: FeatureConfig = {
    maxLength: settings.maxLength,
    orders: [...settings.orders],
    buckets: settings.buckets,
    modelText: options.modelText ?? DEFAULT_MODEL_TEXT_OPTIONS,
  };
  const targetVocabulary = buildTargetVocabulary(
    [...texts].map((text) => sequenceOf(text, features)),
    settings.targets,
  );
  const shape = { buckets: settings.buckets, dim: settings.dim, hidden: settings.hidden, classes: languages.length, targets: targetVocabulary.length + 1 };
  return new NeuralLangIdModel([...languages], features, targetVocabulary, createNetwork(shape, settings.seed ?? 1));
}

/** Labelled texts as training sequences (texts without letters are dropped: nothing to learn from). */
export function labelledSequences(model: NeuralLangIdModel, texts: readonly LabeledText[]): LabelledSequence[] {
  const index = new Map(model.languages.map((tag, i) => [tag, i]));
  return texts.flatMap((text) => {
    const label = index.get(text.tag);
    const sequence = model.sequence(text.text);
    return label === undefined || sequence.length === 0 ? [] : [{ sequence, label }];
  });
}

export interface TrainNeuralOptions {
  /** The seed: labelled text; its tags are the model's languages. */
  labelled: readonly LabeledText[];
  /** Unlabelled text (the crawl) for the reconstruction objective and self-training. */
  unlabelled: readonly string[];
  /** Stage 1, trained on the same seed: the second view self-training must agree with, and the partner in the interpolation. */
  stage1: SentenceClassifier;
  /** Labelled text not trained on, for the interpolation weight. */
  heldOut: readonly LabeledText[];
  model?: NeuralModelOptions;
  /** Joint training; default 1,500 steps, other defaults in training.ts. */
  training?: Partial<TrainingOptions>;
  /** Self-training (default 2 rounds of 500 steps); false skips it. */
  selfTraining?: (Partial<Omit<SelfTrainingOptions, 'training'>> & { steps?: number }) | false;
  seed?: number;
  /** Saves `neural/` into this model folder (which should hold the stage 1 model). */
  outDir?: string;
  log?: (message: string) => void;
}

export const DEFAULT_JOINT_STEPS = 1500;
export const DEFAULT_SELF_TRAINING_STEPS = 500;

export interface TrainedNeuralModel {
  model: NeuralLangIdModel;
  joint: TrainingReport;
  selfTraining: SelfTrainingRound[];
  interpolation: WeightTuning;
  /** Files written into outDir, relative to it (for the folder's model.json `files`). */
  files: string[];
}

/** The interpolation weight that maximises accuracy on held-out labelled text. */
export function tuneOnHeldOut(model: NeuralLangIdModel, stage1: SentenceClassifier, heldOut: readonly LabeledText[]): WeightTuning {
  const texts = heldOut.map((t) => t.text);
  return tuneInterpolationWeight(stage1.predict(texts, { k: DEFAULT_STAGE1_K }), model.probabilities(texts), heldOut.map((t) => t.tag), model.languages);
}

export async function trainNeuralModel(options: TrainNeuralOptions): Promise<TrainedNeuralModel> {
  const log = options.log ?? (() => {});
  await ensureBackend({ log });
  const seed = options.seed ?? 1;
  const languages = [...new Set(options.labelled.map((t) => t.tag))].filter((tag) => tag !== UND).sort();
  const model = createNeuralModel(languages, [...options.labelled.map((t) => t.text), ...options.unlabelled], { seed, ...options.model });
  const labelled = labelledSequences(model, options.labelled);
  const unlabelled = options.unlabelled.map((text) => model.sequence(text)).filter((s) => s.length > 0);
  log(`neural: ${languages.length} languages, ${labelled.length} labelled and ${unlabelled.length} unlabelled sentences`);
  const training = { steps: DEFAULT_JOINT_STEPS, seed, log, ...options.training };
  const joint = trainNetwork(model, { labelled, unlabelled }, training);
  const self = options.selfTraining === false ? undefined : options.selfTraining;
  const rounds =
    options.selfTraining === false
      ? []
      : selfTrain(model, options.stage1, { labelled, pool: options.unlabelled }, {
          ...self,
          training: { ...training, steps: self?.steps ?? DEFAULT_SELF_TRAINING_STEPS },
          log,
        });
  const interpolation = tuneOnHeldOut(model, options.stage1, options.heldOut);
  log(`neural: interpolation weight ${interpolation.weight} (held-out accuracy ${interpolation.accuracyByWeight.map(([w, a]) => `${w}: ${a.toFixed(3)}`).join(', ')})`);
  const files = options.outDir
    ? await saveNeuralModel(options.outDir, model, {
        interpolationWeight: interpolation.weight,
        training: { seed, joint: { ...training, log: undefined }, selfTraining: options.selfTraining === false ? false : { rounds: rounds.length, steps: self?.steps ?? DEFAULT_SELF_TRAINING_STEPS, ...self }, model: options.model ?? {} },
        metrics: { heldOutAccuracyByWeight: interpolation.accuracyByWeight, selfTraining: rounds.map((r) => ({ round: r.round, ...r.selection.counts })) },
      })
    : [];
  return { model, joint, selfTraining: rounds, interpolation, files };
}

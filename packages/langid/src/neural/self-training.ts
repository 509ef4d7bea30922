/**
 * Self-training rounds: label the unlabelled pool with the current model, keep the confident predictions that
 * stage 1 agrees with (pseudo-labels.ts), and fine-tune on seed + kept sentences, the reconstruction objective
 * still running on the pool. Each round relabels the whole pool with the newer model and replaces the
 * previous round's labels, so an early mistake is not locked in.
 */
import { UND } from '@ntl/core';
import type { LangPrediction, SentenceClassifier } from '../prediction.js';
import type { NeuralLangIdModel } from './neural-model.js';
import { selectPseudoLabels, type PseudoLabelOptions, type PseudoLabelSelection } from './pseudo-labels.js';
import { trainNetwork, type LabelledSequence, type TrainingOptions, type TrainingReport } from './training.js';
import { topK } from './top-k.js';

export interface SelfTrainingOptions extends PseudoLabelOptions {
  /** Default 2. */
  rounds?: number;
  /** Fine-tuning per round (steps, learning rate…); `seed` is offset by the round number. */
  training: TrainingOptions;
  log?: (message: string) => void;
  /** Called after each round's training (e.g. to measure the model round by round). */
  afterRound?: (round: SelfTrainingRound) => void;
}

export interface SelfTrainingRound {
  round: number;
  selection: Omit<PseudoLabelSelection, 'kept'>;
  /** Share of kept labels that are right, when the pool's true tags were given (diagnostics only). */
  keptPrecision?: number;
  labelSeconds: number;
  training: TrainingReport;
}

export interface SelfTrainingData {
  labelled: readonly LabelledSequence[];
  /** Pool texts; stage 1 reads these. */
  pool: readonly string[];
  /** The pool's true tags, never used for training: only to report how clean the pseudo-labels are. */
  poolTags?: readonly string[];
}

export const DEFAULT_ROUNDS = 2;

/** The neural model's best label per sequence (a rejected `und_Zyyy` one for an empty sequence). */
function neuralPredictions(model: NeuralLangIdModel, sequences: ReadonlyArray<readonly number[]>): LangPrediction[] {
  return model.probabilitiesOfSequences(sequences).map((probabilities) => {
    if (!probabilities) return { tag: UND, score: 0, top: [], reason: 'no-letters' };
    const [[index, score]] = topK(probabilities, 1) as [[number, number]];
    const tag = model.languages[index] as string;
    return { tag, score, top: [[tag, score]] };
  });
}

export function selfTrain(model: NeuralLangIdModel, stage1: SentenceClassifier, data: SelfTrainingData, options: SelfTrainingOptions): SelfTrainingRound[] {
  const log = options.log ?? (() => {});
  const sequences = data.pool.map((text) => model.sequence(text));
  const stage1Predictions = stage1.predict(data.pool);
  const labelIndex = new Map(model.languages.map((tag, i) => [tag, i]));
  const rounds: SelfTrainingRound[] = [];
  for (let round = 1; round <= (options.rounds ?? DEFAULT_ROUNDS); round++) {
    const started = performance.now();
    const { kept, ...selection } = selectPseudoLabels(neuralPredictions(model, sequences), stage1Predictions, options);
    const labelSeconds = (performance.now() - started) / 1000;
    const pseudo = kept.map(({ index, tag }): LabelledSequence => ({ sequence: sequences[index] as number[], label: labelIndex.get(tag) as number }));
    const keptPrecision = data.poolTags && kept.length > 0 ? kept.filter(({ index, tag }) => data.poolTags?.[index] === tag).length / kept.length : undefined;
    log(
      `self-training round ${round}: ${selection.counts.confident} confident, ${selection.counts.agreeing} agree with stage 1, ${kept.length} kept in ` +
        `${Object.keys(selection.perLanguage).length} languages${keptPrecision === undefined ? '' : ` (${(100 * keptPrecision).toFixed(1)}% correct)`}`,
    );
    const training = trainNetwork(
      model,
      { labelled: [...data.labelled, ...pseudo], unlabelled: sequences.filter((s) => s.length > 0) },
      { ...options.training, seed: (options.training.seed ?? 1) + round, log },
    );
    const result: SelfTrainingRound = { round, selection, ...(keptPrecision === undefined ? {} : { keptPrecision }), labelSeconds, training };
    rounds.push(result);
    options.afterRound?.(result);
  }
  return rounds;
}

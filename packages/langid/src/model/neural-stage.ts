/**
 * Adds the SSLID neural stage to a built n-gram model folder (`ntl langid train --neural`): trains it on the
 * folder's seed data plus unlabelled crawl text, saves `neural/`, and lists its files in model.json, so
 * `loadCombinedClassifier` finds it. Stage 1 is the folder's own model: the partner self-training must agree
 * with and the one the interpolation weight is tuned against (on the held-out seed texts; when stage 1 was
 * refit on them it looks better there than it is, which only makes the tuned weight favour stage 1).
 */
import { join } from 'node:path';
import { writeJsonAtomic } from '@ntl/core';
import type { LabeledText } from '../seed/labeled-text.js';
import { trainNeuralModel, type TrainedNeuralModel } from '../neural/train-neural.js';
import { MODEL_FILE } from './manifest.js';
import { loadLangIdModel } from './model-folder.js';

export interface NeuralStageOptions {
  labelled: readonly LabeledText[];
  heldOut: readonly LabeledText[];
  /** Unlabelled text (crawl sentences) for masked-span reconstruction and self-training. */
  unlabelled: readonly string[];
  /** Joint training steps (default 1,500); each self-training round then fine-tunes for a third of them (default 500). */
  steps?: number;
  /** Self-training rounds (default 2; 0 skips self-training). */
  rounds?: number;
  seed?: number;
  log?: (message: string) => void;
}

export async function addNeuralStage(modelDir: string, options: NeuralStageOptions): Promise<TrainedNeuralModel> {
  if (options.heldOut.length === 0) throw new Error(`${modelDir}: the neural stage needs held-out seed texts to tune its interpolation weight`);
  const stage1 = await loadLangIdModel(modelDir);
  try {
    const trained = await trainNeuralModel({
      labelled: options.labelled,
      unlabelled: options.unlabelled,
      stage1,
      heldOut: options.heldOut,
      ...(options.steps ? { training: { steps: options.steps } } : {}),
      selfTraining:
        options.rounds === 0
          ? false
          : { ...(options.rounds === undefined ? {} : { rounds: options.rounds }), ...(options.steps ? { steps: Math.ceil(options.steps / 3) } : {}) },
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      outDir: modelDir,
      ...(options.log ? { log: options.log } : {}),
    });
    const manifest = { ...stage1.manifest, files: { ...stage1.manifest.files, neural: trained.files } };
    writeJsonAtomic(join(modelDir, MODEL_FILE), manifest);
    return trained;
  } finally {
    stage1.dispose();
  }
}

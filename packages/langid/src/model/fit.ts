/** One fastText fit: the sampled, normalised, shuffled lines → trained and (optionally) quantized weights. */
import { Worker } from 'node:worker_threads';
import { trainFastText, type FastTextHyperparameters, type TrainingLine, type TrainProgress } from '../ngram/fasttext-train.js';
import { modelText, type ModelTextOptions } from '../ngram/model-text.js';
import { quantizeFastText, type QuantizeOptions } from '../ngram/quantize.js';
import type { LabeledText } from '../seed/labeled-text.js';
import { seededRandom, shuffleInPlace } from '../seed/seeded-random.js';
import { temperatureSample } from '../seed/temperature.js';

export interface FitJob {
  lines: TrainingLine[];
  hyperparameters: FastTextHyperparameters;
  quantize: QuantizeOptions | false;
}

/** Temperature-sampled, normalised (modelText) and shuffled training lines; texts without letters are dropped. */
export function trainingLines(
  texts: readonly LabeledText[],
  options: { temperature: number; maxRepeat: number; modelText: ModelTextOptions; seed: number },
): TrainingLine[] {
  const sampled = temperatureSample(texts, { temperature: options.temperature, maxRepeat: options.maxRepeat, seed: options.seed });
  const lines = sampled.map((t) => ({ tag: t.tag, text: modelText(t.text, options.modelText) })).filter((line) => line.text !== '');
  return shuffleInPlace(lines, seededRandom(options.seed));
}

export async function fitLines(lines: TrainingLine[], hyperparameters: FastTextHyperparameters, quantize: QuantizeOptions | false, onProgress?: TrainProgress): Promise<Uint8Array> {
  const bin = await trainFastText(lines, hyperparameters, onProgress);
  return quantize === false ? bin : quantizeFastText(bin, quantize);
}

/**
 * fitLines in a worker thread. Needs the compiled fit-worker.js next to this module (the built package);
 * callers fall back to fitLines where it is absent (tests run the TypeScript sources).
 */
export function fitInWorker(job: FitJob, workerUrl: URL): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: job });
    worker.once('message', (weights: Uint8Array) => resolve(weights));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the training worker exited with code ${code}`));
    });
  });
}

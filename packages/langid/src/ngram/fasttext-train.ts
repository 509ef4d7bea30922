/** Supervised fastText training in the wasm runtime: labelled model texts in, `.bin` model bytes out. */
import { LABEL_PREFIX } from './fasttext-classifier.js';
import { newFastTextModule } from './fasttext-wasm.js';

export interface FastTextHyperparameters {
  /** Size of the hidden layer (embedding dimension). */
  dim: number;
  epoch: number;
  /** Initial learning rate, decayed linearly to 0. */
  lr: number;
  /** Character n-gram lengths (in code points, inside `<word>` boundaries). */
  minn: number;
  maxn: number;
  /** 1 = words only; 2 adds word bigrams. */
  wordNgrams: number;
  /** Hash buckets for n-grams. */
  bucket: number;
  /** Words seen fewer times are not vocabulary entries (their n-grams still count). */
  minCount: number;
  loss: 'softmax' | 'hs' | 'ova' | 'ns';
  /** fastText's random seed (initialisation and label sampling); training uses one thread, so runs repeat exactly. */
  seed: number;
}

export interface TrainingLine {
  tag: string;
  /** Already normalised by modelText and shuffled: fastText reads the file in order. */
  text: string;
}

export type TrainProgress = (progress: number, wordsPerSecond: number) => void;

function trainingFile(lines: Iterable<TrainingLine>): Uint8Array {
  const parts: string[] = [];
  for (const { tag, text } of lines) {
    if (text !== '') parts.push(`${LABEL_PREFIX}${tag} ${text}\n`);
  }
  return new TextEncoder().encode(parts.join(''));
}

/** Trains on one thread (deterministic for a given seed and input order) and returns the `.bin` bytes. */
export async function trainFastText(lines: Iterable<TrainingLine>, hyperparameters: FastTextHyperparameters, onProgress?: TrainProgress): Promise<Uint8Array> {
  const module = await newFastTextModule();
  const input = 'train.txt';
  const output = 'model.bin';
  module.FS.writeFile(input, trainingFile(lines));
  const args = new module.Args();
  const { loss, ...numbers } = hyperparameters;
  Object.assign(args, numbers, { thread: 1, verbose: 0, input, output, minCountLabel: 0, label: LABEL_PREFIX });
  args['model'] = module.ModelName.supervised;
  args['loss'] = module.LossName[loss];
  const native = new module.FastText();
  let reported = -1;
  try {
    native.train(args, (progress, _loss, wordsPerSecond) => {
      // The binding calls back every few hundred tokens: report each whole percent once.
      const percent = Math.floor(progress * 100);
      if (onProgress && percent > reported) {
        reported = percent;
        onProgress(progress, wordsPerSecond);
      }
    });
    native.saveModel(output);
    return module.FS.readFile(output).slice();
  } catch (error) {
    // C++ exceptions arrive as bare numbers (pointers): say where they came from.
    throw typeof error === 'number' ? new Error('fastText training failed inside the wasm module (empty vocabulary or unreadable input)') : error;
  } finally {
    native.delete();
  }
}

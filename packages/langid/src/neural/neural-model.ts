/**
 * Stage 2 as a SentenceClassifier: the SSLID network's softmax over the model's languages. Defined answers
 * for bad input as stage 1 gives them: empty or whitespace-only → `und_Zyyy` 'empty'; no letters once the
 * shared model-text normalisation has removed digits, URLs, symbols and emoji → 'no-letters'. Long texts are
 * cut to the first `maxLength` positions (char-features.ts), so a 1 MB line costs what a sentence costs.
 */
import * as tf from '@tensorflow/tfjs';
import { UND } from '@ntl/core';
import type { LangPrediction, SentenceClassifier } from '../prediction.js';
import { sentenceBags } from './batches.js';
import { sequenceOf, type FeatureConfig } from './char-features.js';
import { classLogits, disposeNetwork, type Network } from './network.js';
import { topK } from './top-k.js';

/** Sentences per forward pass at prediction time. */
const PREDICT_BATCH = 256;

export class NeuralLangIdModel implements SentenceClassifier {
  constructor(
    readonly languages: readonly string[],
    readonly features: FeatureConfig,
    /** Code points the reconstruction head predicts (target-vocabulary.ts). */
    readonly targetVocabulary: readonly number[],
    readonly network: Network,
  ) {
    if (network.shape.classes !== languages.length) throw new Error(`network has ${network.shape.classes} classes for ${languages.length} languages`);
  }

  /** The code points the encoder reads for a text (empty when it has no letters). */
  sequence(text: string): number[] {
    return sequenceOf(text, this.features);
  }

  /** Softmax over `languages` for each sequence (undefined for an empty one). */
  probabilitiesOfSequences(sequences: ReadonlyArray<readonly number[]>): Array<Float32Array | undefined> {
    const result: Array<Float32Array | undefined> = new Array(sequences.length).fill(undefined);
    const nonEmpty = sequences.map((_, i) => i).filter((i) => (sequences[i] as number[]).length > 0);
    const classes = this.languages.length;
    for (let from = 0; from < nonEmpty.length; from += PREDICT_BATCH) {
      const indices = nonEmpty.slice(from, from + PREDICT_BATCH);
      const sentences = this.network.embeddings.lookup(sentenceBags(indices.map((i) => sequences[i] as number[]), this.features));
      const probabilities = tf.tidy(() => tf.softmax(classLogits(this.network, tf.tensor2d(sentences, [indices.length, this.network.shape.dim]))));
      const values = probabilities.dataSync() as Float32Array;
      probabilities.dispose();
      indices.forEach((index, row) => {
        result[index] = values.slice(row * classes, (row + 1) * classes);
      });
    }
    return result;
  }

  probabilities(texts: readonly string[]): Array<Float32Array | undefined> {
    return this.probabilitiesOfSequences(texts.map((text) => this.sequence(typeof text === 'string' ? text : String(text ?? ''))));
  }

  predict(texts: readonly string[], options: { k?: number } = {}): LangPrediction[] {
    const k = Math.max(1, Math.floor(options.k ?? 1));
    return this.probabilities(texts).map((probabilities, i) => {
      if (!probabilities) return { tag: UND, score: 1, top: [], reason: String(texts[i] ?? '').trim() === '' ? 'empty' : 'no-letters' };
      const top = topK(probabilities, k).map(([index, p]): [string, number] => [this.languages[index] as string, p]);
      const [tag, score] = top[0] as [string, number];
      return { tag, score, top };
    });
  }

  dispose(): void {
    disposeNetwork(this.network);
  }
}

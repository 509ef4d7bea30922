/**
 * A fastText supervised model answering ntl tags: the pure-TypeScript engine (fasttext-inference.ts) with the
 * `__label__` prefix removed from its labels. fasttext.wasm.js stays the trainer (fasttext-train.ts) and the
 * reference this engine is tested against (fasttext-wasm-classifier.ts).
 */
import { FastTextInference, probability } from './fasttext-inference.js';
import type { PredictionHeap } from './prediction-heap.js';

export const LABEL_PREFIX = '__label__';

/** A label without fastText's `__label__` prefix. */
export function labelTag(label: string): string {
  return label.startsWith(LABEL_PREFIX) ? label.slice(LABEL_PREFIX.length) : label;
}

/** The answer both classifiers give: probabilities as fastText reports them, capped at 1 (see FastTextInference.predict). */
export interface TagClassifier {
  /** Model labels with the `__label__` prefix removed, in the model's order. */
  readonly labels: readonly string[];
  /** The k most probable tags of one model text (see modelText), best first. */
  predict(text: string, k: number): Array<[string, number]>;
  /**
   * The probabilities predict would give `tags` (0 for a tag it does not know) for the text predict read last,
   * without ranking or reading it again (where offered).
   */
  probabilities?(tags: readonly string[]): number[];
  /** Frees native memory, where the classifier holds any. */
  dispose?(): void;
}

export class FastTextClassifier implements TagClassifier {
  readonly labels: readonly string[];

  /** Label index of each tag. */
  private readonly index: ReadonlyMap<string, number>;

  constructor(private readonly engine: FastTextInference) {
    this.labels = engine.labels.map(labelTag);
    this.index = new Map(this.labels.map((tag, i) => [tag, i]));
  }

  /** Parses `.bin` or `.ftz` bytes; throws FastTextFormatError for a file fastText would refuse. */
  static fromBytes(bytes: Uint8Array): FastTextClassifier {
    return new FastTextClassifier(FastTextInference.fromBytes(bytes));
  }

  /** The text is read as one line ending in fastText's end-of-sentence token, as the fastText CLI does. */
  predict(text: string, k: number): Array<[string, number]> {
    return this.tags(this.engine.rank(text, k));
  }

  /** From the hidden vector of the text predict read last: a few dot products per tag (FastTextInference.labelProbabilities). */
  probabilities(tags: readonly string[]): number[] {
    const indices = tags.map((tag) => this.index.get(tag) ?? -1);
    const known = indices.filter((i) => i >= 0);
    const found = this.engine.labelProbabilities(known);
    let next = 0;
    return indices.map((i) => (i < 0 ? 0 : Math.min(1, found[next++]!)));
  }

  private tags(heap: PredictionHeap): Array<[string, number]> {
    const top: Array<[string, number]> = [];
    for (let i = 0; i < heap.size; i++) top.push([this.labels[heap.labels[i]!]!, Math.min(1, probability(heap.scores[i]!))]);
    return top;
  }
}

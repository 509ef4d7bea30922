/** A fastText supervised model loaded into the wasm runtime, answering raw label probabilities. */
import { newFastTextModule, type FastTextNative } from './fasttext-wasm.js';

export const LABEL_PREFIX = '__label__';

export class FastTextClassifier {
  /** Model labels with the `__label__` prefix removed, in the model's order. */
  readonly labels: readonly string[];
  private readonly tags = new Map<string, string>();

  private constructor(private readonly native: FastTextNative) {
    const [words, counts] = native.getLabels();
    const labels: string[] = [];
    for (let i = 0; i < words.size(); i++) {
      const label = words.get(i) ?? '';
      const tag = label.startsWith(LABEL_PREFIX) ? label.slice(LABEL_PREFIX.length) : label;
      labels.push(tag);
      this.tags.set(label, tag);
    }
    words.delete();
    counts.delete();
    this.labels = labels;
  }

  /** Loads `.bin` or `.ftz` bytes; check them with readFastText first (the C++ loader aborts on bad input). */
  static async fromBytes(bytes: Uint8Array): Promise<FastTextClassifier> {
    const module = await newFastTextModule();
    const path = 'model.bin';
    module.FS.writeFile(path, bytes);
    const native = new module.FastText();
    try {
      native.loadModel(path);
    } finally {
      module.FS.unlink(path);
    }
    return new FastTextClassifier(native);
  }

  /**
   * The k most probable labels of one model text (see modelText), best first. A newline is appended as the
   * fastText CLI and Python binding do, so the end-of-sentence token seen in training is present.
   */
  predict(text: string, k: number): Array<[string, number]> {
    const vector = this.native.predict(`${text}\n`, k, 0);
    const top: Array<[string, number]> = [];
    try {
      for (let i = 0; i < vector.size(); i++) {
        const [probability, label] = vector.get(i) ?? [0, ''];
        top.push([this.tags.get(label) ?? label, Math.min(1, probability)]);
      }
    } finally {
      vector.delete();
    }
    return top;
  }

  dispose(): void {
    this.native.delete();
  }
}

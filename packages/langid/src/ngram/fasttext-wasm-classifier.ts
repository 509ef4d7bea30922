/**
 * A fastText supervised model loaded into the wasm runtime (fasttext.wasm.js): the reference that the
 * TypeScript engine (FastTextClassifier) is tested against and benchmarked with. ntl predicts with the engine.
 */
import { labelTag, type TagClassifier } from './fasttext-classifier.js';
import { newFastTextModule, type FastTextNative } from './fasttext-wasm.js';

export class WasmFastTextClassifier implements TagClassifier {
  readonly labels: readonly string[];
  private readonly tags = new Map<string, string>();

  private constructor(private readonly native: FastTextNative) {
    const [words, counts] = native.getLabels();
    const labels: string[] = [];
    for (let i = 0; i < words.size(); i++) {
      const label = words.get(i) ?? '';
      labels.push(labelTag(label));
      this.tags.set(label, labelTag(label));
    }
    words.delete();
    counts.delete();
    this.labels = labels;
  }

  /** Loads `.bin` or `.ftz` bytes; check them with readFastText first (the C++ loader aborts on bad input). */
  static async fromBytes(bytes: Uint8Array): Promise<WasmFastTextClassifier> {
    const module = await newFastTextModule();
    const path = 'model.bin';
    module.FS.writeFile(path, bytes);
    const native = new module.FastText();
    try {
      native.loadModel(path);
    } finally {
      module.FS.unlink(path);
    }
    return new WasmFastTextClassifier(native);
  }

  /** A newline is appended as the fastText CLI and Python binding do, so the end-of-sentence token is present. */
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

  /** Frees the wasm model (embind objects are not garbage-collected). */
  dispose(): void {
    this.native.delete();
  }
}

/**
 * The parts of fasttext.wasm.js (fastText 0.9.2 compiled to WebAssembly with embind) that ntl uses, typed
 * here rather than through the package's own d.ts, which references emscripten's global types.
 * Traps (ARCHITECTURE §4, and found here):
 * - `train` needs a function callback (null crashes the binding) and trains on one thread;
 * - fastText does not shuffle: lines sorted by language train a model that only knows the last languages;
 * - embind vectors returned by `predict` must be `delete()`d or they leak wasm memory;
 * - the binding exposes no `quantize`: quantize.ts writes `.ftz` files itself;
 * - one module instance does not survive a second training after files were unlinked or rewritten in its
 *   virtual file system (a C++ exception, or silently different weights): every training and every loaded
 *   model gets an instance of its own.
 */
import { getFastTextModule } from 'fasttext.wasm.js';

export interface EmbindVector<T> {
  size(): number;
  get(index: number): T | undefined;
  delete(): void;
}

export interface FastTextArgs {
  [key: string]: unknown;
}

export interface FastTextNative {
  train(args: FastTextArgs, callback: (progress: number, loss: number, wordsPerSec: number, lr: number, eta: number) => void): void;
  loadModel(path: string): void;
  saveModel(path: string): void;
  predict(text: string, k: number, threshold: number): EmbindVector<[number, string]>;
  getLabels(): [EmbindVector<string>, EmbindVector<number>];
  delete(): void;
}

export interface FastTextModule {
  FS: {
    writeFile(path: string, data: Uint8Array): void;
    readFile(path: string): Uint8Array;
    unlink(path: string): void;
  };
  FastText: new () => FastTextNative;
  Args: new () => FastTextArgs;
  ModelName: Record<'supervised', unknown>;
  LossName: Record<'hs' | 'ns' | 'softmax' | 'ova', unknown>;
}

/** A new instance of the wasm module, with its own memory and virtual file system (freed with it). */
export function newFastTextModule(): Promise<FastTextModule> {
  return (getFastTextModule as () => Promise<unknown>)() as Promise<FastTextModule>;
}

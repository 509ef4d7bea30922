/**
 * Which tfjs backend the neural stage runs on (ARCHITECTURE §4): the native TensorFlow binding when
 * `@tensorflow/tfjs-node-gpu` or `@tensorflow/tfjs-node` is installed (they cannot install on the project's
 * machines: they download libtensorflow at install time, so they are never dependencies), else the wasm
 * backend (SIMD, one thread, ~30× the pure-JS cpu backend), which is the default and what CI runs. The choice
 * is logged once, with why, because a 30× slower backend must never go unnoticed.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

export type BackendPreference = 'auto' | 'tensorflow' | 'wasm' | 'cpu';
export const BACKEND_PREFERENCES: readonly BackendPreference[] = ['auto', 'tensorflow', 'wasm', 'cpu'];

export interface BackendChoice {
  /** tfjs's name of the backend in use: 'tensorflow', 'wasm' or 'cpu'. */
  name: string;
  /** The line that was logged. */
  message: string;
}

export interface BackendOptions {
  /** Default 'auto': tensorflow when installed, else wasm. */
  prefer?: BackendPreference;
  log?: (message: string) => void;
  /** Imports a native binding by package name (tests inject failures); default dynamic import. */
  importNative?: (name: string) => Promise<unknown>;
}

/** GPU build first: it also runs on CPU when no GPU is visible (TensorFlow's own fallback). */
const NATIVE_PACKAGES = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'] as const;

async function tryNative(importNative: (name: string) => Promise<unknown>): Promise<{ loaded?: string; failures: string[] }> {
  const failures: string[] = [];
  for (const name of NATIVE_PACKAGES) {
    try {
      await importNative(name);
      if (await tf.setBackend('tensorflow')) return { loaded: name, failures };
      failures.push(`${name} loaded but its backend did not initialise`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      failures.push(code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' ? `${name} not installed` : `${name} failed (${(error as Error).message})`);
    }
  }
  return { failures };
}

async function useBackend(name: 'wasm' | 'cpu'): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`tfjs backend "${name}" failed to initialise`);
  await tf.ready();
}

function wasmDetails(): string {
  const simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? 'SIMD' : 'no SIMD';
  const threads = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') ? 'multi-threaded' : '1 thread';
  return `${simd}, ${threads}`;
}

let selected: BackendChoice | undefined;

/** Selects and initialises the backend, logs one line saying which and why, and returns it. */
export async function selectBackend(options: BackendOptions = {}): Promise<BackendChoice> {
  const prefer = options.prefer ?? 'auto';
  const log = options.log ?? (() => {});
  const importNative = options.importNative ?? ((name: string) => import(name));
  let message: string;
  if (prefer === 'cpu') {
    await useBackend('cpu');
    message = 'langid neural: tfjs backend "cpu" (pure JS, ~30× slower than wasm; chosen explicitly)';
  } else if (prefer === 'wasm') {
    await useBackend('wasm');
    message = `langid neural: tfjs backend "wasm" (${wasmDetails()}; chosen explicitly)`;
  } else {
    const native = await tryNative(importNative);
    if (native.loaded) {
      message = `langid neural: tfjs backend "tensorflow" (native, from ${native.loaded})`;
    } else {
      await useBackend('wasm');
      const wanted = prefer === 'tensorflow' ? 'tensorflow backend requested but unavailable, degraded to wasm: ' : '';
      message = `langid neural: tfjs backend "wasm" (${wasmDetails()}; ${wanted}${native.failures.join('; ')})`;
    }
  }
  log(message);
  selected = { name: tf.getBackend(), message };
  return selected;
}

/** The backend chosen earlier, or `selectBackend(options)` when none was: the entry points that train or load call this. */
export async function ensureBackend(options: BackendOptions = {}): Promise<BackendChoice> {
  return selected ?? selectBackend(options);
}

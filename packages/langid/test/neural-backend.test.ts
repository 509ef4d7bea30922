import * as tf from '@tensorflow/tfjs';
import { ensureBackend, selectBackend } from '../src/neural/backend.js';

const notInstalled = async (name: string): Promise<unknown> => {
  throw Object.assign(new Error(`Cannot find package '${name}'`), { code: 'ERR_MODULE_NOT_FOUND' });
};

describe('selectBackend', () => {
  test('auto without a native binding falls back to wasm and logs which and why', async () => {
    const lines: string[] = [];
    const tried: string[] = [];
    const choice = await selectBackend({ log: (line) => lines.push(line), importNative: (name) => (tried.push(name), notInstalled(name)) });
    expect(choice.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(tried).toEqual(['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']);
    expect(lines).toEqual([choice.message]);
    expect(choice.message).toMatch(/^langid neural: tfjs backend "wasm" \((no )?SIMD, 1 thread; @tensorflow\/tfjs-node-gpu not installed; @tensorflow\/tfjs-node not installed\)$/);
  });

  test('a requested native backend that is unavailable degrades to wasm, saying so', async () => {
    const lines: string[] = [];
    const failing = async (): Promise<unknown> => {
      throw new Error('libcudart.so.11.0: cannot open shared object file');
    };
    const choice = await selectBackend({ prefer: 'tensorflow', log: (line) => lines.push(line), importNative: failing });
    expect(choice.name).toBe('wasm');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('tensorflow backend requested but unavailable, degraded to wasm');
    expect(lines[0]).toContain('@tensorflow/tfjs-node-gpu failed (libcudart.so.11.0: cannot open shared object file)');
  });

  test('an explicit choice is honoured and logged', async () => {
    const lines: string[] = [];
    expect((await selectBackend({ prefer: 'cpu', log: (line) => lines.push(line) })).name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect((await selectBackend({ prefer: 'wasm', log: (line) => lines.push(line) })).name).toBe('wasm');
    expect(lines[0]).toMatch(/^langid neural: tfjs backend "cpu" \(pure JS.*chosen explicitly\)$/);
    expect(lines[1]).toMatch(/^langid neural: tfjs backend "wasm" \(.*chosen explicitly\)$/);
  });

  test('ensureBackend keeps the earlier choice without selecting or logging again', async () => {
    const lines: string[] = [];
    const earlier = await selectBackend({ prefer: 'cpu' });
    expect(await ensureBackend({ prefer: 'wasm', log: (line) => lines.push(line) })).toEqual(earlier);
    expect(tf.getBackend()).toBe('cpu');
    expect(lines).toEqual([]);
  });
});

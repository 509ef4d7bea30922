import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelLoadError } from '../src/model/model-error.js';
import { selectBackend } from '../src/neural/backend.js';
import { fileIOHandler, WeightsFileError } from '../src/neural/file-io-handler.js';
import { networkTensors } from '../src/neural/network.js';
import { loadCombinedClassifier, loadNeuralModel, NEURAL_FILES, saveNeuralModel } from '../src/neural/neural-folder.js';
import { createNeuralModel, labelledSequences, trainNeuralModel } from '../src/neural/train-neural.js';
import { loadLangIdModel } from '../src/model/model-folder.js';
import { trainModel } from '../src/model/train-model.js';
import type { LabeledText } from '../src/seed/labeled-text.js';
import { trainNetwork } from '../src/neural/training.js';

const LANGUAGES = ['eng_Latn', 'fra_Latn', 'rus_Cyrl'];
const TEXTS = ['the cat sat on the mat', 'le chat est sur le tapis', 'кошка сидит на коврике'];
const SMALL = { buckets: 512, dim: 8, hidden: 12, targets: 10, maxLength: 32 };

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'ntl-neural-'));
}

async function trainedModel(): Promise<ReturnType<typeof createNeuralModel>> {
  const model = createNeuralModel(LANGUAGES, TEXTS, SMALL);
  const labelled = labelledSequences(model, TEXTS.map((text, i) => ({ tag: LANGUAGES[i] as string, text, docId: String(i), source: 'test' })));
  trainNetwork(model, { labelled, unlabelled: labelled.map((l) => l.sequence) }, { steps: 3, batchSize: 4, reconstructionBatchSize: 2 });
  return model;
}

beforeAll(async () => {
  await selectBackend({ prefer: 'wasm' });
});

describe('fileIOHandler', () => {
  test('round-trips weights byte for byte with specs and metadata', async () => {
    const dir = freshDir();
    const a = tf.tensor2d([[1.5, -2.25], [Math.PI, 1e-30]]);
    const b = tf.tensor1d([7, -8, 2 ** 30], 'int32');
    const { data, specs } = await tf.io.encodeWeights({ a, b });
    await fileIOHandler(dir).save({ format: 'test', generatedBy: 'jest', weightSpecs: specs, weightData: data, userDefinedMetadata: { answer: 42 } });
    const loaded = await fileIOHandler(dir).load();
    expect(loaded.weightSpecs).toEqual(specs);
    expect(loaded.format).toBe('test');
    expect(loaded.userDefinedMetadata).toEqual({ answer: 42 });
    expect(new Uint8Array(loaded.weightData as ArrayBuffer)).toEqual(new Uint8Array(data));
    expect(readFileSync(join(dir, 'weights.bin')).length).toBe(4 * 4 + 3 * 4);
    const decoded = tf.io.decodeWeights(loaded.weightData as ArrayBuffer, loaded.weightSpecs ?? []);
    expect(decoded['a']?.dataSync()).toEqual(a.dataSync());
    expect(Array.from(decoded['b']?.dataSync() ?? [])).toEqual([7, -8, 2 ** 30]);
    tf.dispose([a, b, ...Object.values(decoded)]);
  });

  test('names the file that is missing, truncated or not JSON', async () => {
    const dir = freshDir();
    await expect(fileIOHandler(dir).load()).rejects.toThrow(new WeightsFileError(join(dir, 'model.json'), 'is missing'));
    const { data, specs } = await tf.io.encodeWeights({ w: tf.ones([4]) });
    await fileIOHandler(dir).save({ weightSpecs: specs, weightData: data });
    truncateSync(join(dir, 'weights.bin'), 10);
    await expect(fileIOHandler(dir).load()).rejects.toThrow(`${join(dir, 'weights.bin')} has 10 bytes, model.json describes 16`);
    writeFileSync(join(dir, 'model.json'), '{"weightsManifest": ');
    await expect(fileIOHandler(dir).load()).rejects.toThrow(/model\.json is not valid JSON/);
  });
});

describe('neural model folders', () => {
  test('save and load give back identical weights and predictions', async () => {
    const dir = freshDir();
    const model = await trainedModel();
    const files = await saveNeuralModel(dir, model, { interpolationWeight: 0.4, metrics: { note: 'test' } });
    expect(files).toEqual([...NEURAL_FILES]);
    expect(files).toEqual(['neural/model.json', 'neural/weights.bin']);
    const { model: loaded, metadata } = await loadNeuralModel(dir);
    expect(metadata.interpolationWeight).toBe(0.4);
    expect(metadata.languages).toEqual(LANGUAGES);
    expect(loaded.targetVocabulary).toEqual(model.targetVocabulary);
    const before = networkTensors(model.network);
    const after = networkTensors(loaded.network);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [name, tensor] of Object.entries(before)) expect([name, after[name]?.dataSync()]).toEqual([name, tensor.dataSync()]);
    expect(loaded.predict(TEXTS, { k: 3 })).toEqual(model.predict(TEXTS, { k: 3 }));
    tf.dispose([...Object.values(before), ...Object.values(after)]);
    model.dispose();
    loaded.dispose();
  });

  test('a missing or inconsistent folder fails with the file and the command that rebuilds it', async () => {
    const dir = freshDir();
    await expect(loadNeuralModel(dir)).rejects.toThrow(new ModelLoadError(join(dir, 'neural', 'model.json'), 'is missing', `ntl langid train --output ${dir} --neural`));
    const model = await trainedModel();
    await saveNeuralModel(dir, model, { interpolationWeight: 0.5 });
    model.dispose();
    const path = join(dir, 'neural', 'model.json');
    const json = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...json, userDefinedMetadata: { ...json.userDefinedMetadata, version: 2 } }));
    await expect(loadNeuralModel(dir)).rejects.toThrow(`${path} has version 2, this ntl reads version 1`);
    writeFileSync(path, JSON.stringify({ ...json, userDefinedMetadata: { ...json.userDefinedMetadata, languages: ['eng_Latn'] } }));
    await expect(loadNeuralModel(dir)).rejects.toThrow(`${path} has 3 classes for 1 languages`);
    // Same number of bytes, transposed shape: caught when the weights are matched to the network.
    const specs = json.weightsManifest[0].weights.map((spec: { name: string; shape: number[] }) =>
      spec.name === 'classifier.hidden.kernel' ? { ...spec, shape: [...spec.shape].reverse() } : spec,
    );
    writeFileSync(path, JSON.stringify({ ...json, weightsManifest: [{ paths: ['weights.bin'], weights: specs }] }));
    await expect(loadNeuralModel(dir)).rejects.toThrow(
      `${join(dir, 'neural', 'weights.bin')} does not match model.json (weight "classifier.hidden.kernel" has shape [12, 8], expected [8, 12])`,
    );
  });
});

describe('trainNeuralModel into a stage-1 model folder', () => {
  // Three languages' sentences, each a short real sentence varied by word order.
  const SENTENCES: Record<string, string[]> = {
    eng_Latn: ['the cat sleeps on the warm mat', 'my brother reads a book every night', 'we walk to the market in the morning'],
    fra_Latn: ['le chat dort sur le tapis chaud', 'mon frère lit un livre chaque soir', 'nous marchons au marché le matin'],
    rus_Cyrl: ['кошка спит на тёплом коврике', 'мой брат читает книгу каждый вечер', 'мы идём на рынок утром'],
  };
  const texts = (rotate: number): LabeledText[] =>
    Object.entries(SENTENCES).flatMap(([tag, list]) =>
      list.map((text, i) => {
        const words = text.split(' ');
        return { tag, text: [...words.slice(rotate % words.length), ...words.slice(0, rotate % words.length)].join(' '), docId: `${tag}:${i}:${rotate}`, source: 'test' };
      }),
    );

  test('trains, tunes the weight, saves neural/ and loads back as the combined classifier', async () => {
    const dir = freshDir();
    const labelled = [0, 1, 2, 3].flatMap(texts);
    await trainModel({ data: labelled, heldOut: texts(4), refit: false, quantize: false, outDir: dir, hyperparameters: { epoch: 5 } });
    const stage1 = await loadLangIdModel(dir);
    const lines: string[] = [];
    const trained = await trainNeuralModel({
      labelled,
      unlabelled: texts(5).map((t) => t.text),
      stage1,
      heldOut: texts(4),
      model: SMALL,
      training: { steps: 20, batchSize: 8, reconstructionBatchSize: 4 },
      selfTraining: { rounds: 1, steps: 5, minScore: 0.5 },
      outDir: dir,
      log: (line) => lines.push(line),
    });
    stage1.dispose();
    expect(trained.files).toEqual(['neural/model.json', 'neural/weights.bin']);
    expect(trained.model.languages).toEqual(LANGUAGES);
    expect(trained.joint.steps).toBe(20);
    expect(trained.selfTraining).toHaveLength(1);
    expect(trained.interpolation.accuracyByWeight).toHaveLength(11);
    expect(lines.some((line) => line.startsWith('neural: 3 languages, 36 labelled and 9 unlabelled sentences'))).toBe(true);
    const combined = await loadCombinedClassifier(dir);
    expect(combined.weight).toBe(trained.interpolation.weight);
    expect(combined.languages).toEqual(LANGUAGES);
    const [empty, russian] = combined.predict(['  ', 'кошка читает книгу'], { k: 2 });
    expect(empty).toEqual({ tag: 'und_Zyyy', score: 1, top: [], reason: 'empty' });
    expect(russian?.tag).toBe('rus_Cyrl');
    expect(russian?.top).toHaveLength(2);
    trained.model.dispose();
    combined.dispose();
  });
});

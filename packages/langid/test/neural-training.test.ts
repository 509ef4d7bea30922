import { selectBackend } from '../src/neural/backend.js';
import { interpolate, InterpolatedClassifier, tuneInterpolationWeight } from '../src/neural/interpolated-classifier.js';
import { createNeuralModel, labelledSequences } from '../src/neural/train-neural.js';
import { trainNetwork } from '../src/neural/training.js';
import type { LangPrediction, PredictOptions, SentenceClassifier } from '../src/prediction.js';
import type { LabeledText } from '../src/seed/labeled-text.js';
import { seededRandom } from '../src/seed/seeded-random.js';

/**
 * Four constructed "languages": words of 1–3 consonant-vowel syllables over overlapping inventories, so no
 * single letter decides and the model has to weigh n-grams. The tags only name the classes.
 */
const INVENTORIES: Record<string, [string, string]> = {
  fin_Latn: ['ptk', 'aei'],
  haw_Latn: ['mnl', 'ouy'],
  mri_Latn: ['ptm', 'aou'],
  smo_Latn: ['ksl', 'eiy'],
};
const LANGUAGES = Object.keys(INVENTORIES).sort();

function sentences(tag: string, count: number, random: () => number): LabeledText[] {
  const [consonants, vowels] = INVENTORIES[tag] as [string, string];
  const pick = (letters: string): string => letters[Math.floor(random() * letters.length)] as string;
  return Array.from({ length: count }, (_, i) => {
    const words = Array.from({ length: 3 + Math.floor(random() * 4) }, () =>
      Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(consonants) + pick(vowels)).join(''),
    );
    return { tag, text: `${words.join(' ')}.`, docId: `${tag}:${i}`, source: 'constructed' };
  });
}

const random = seededRandom(3);
const train = LANGUAGES.flatMap((tag) => sentences(tag, 40, random));
const heldOut = LANGUAGES.flatMap((tag) => sentences(tag, 25, random));
const unlabelled = LANGUAGES.flatMap((tag) => sentences(tag, 40, random)).map((t) => t.text);
const SMALL = { buckets: 4096, dim: 16, hidden: 32, targets: 16, maxLength: 64 };

function accuracy(predictions: readonly LangPrediction[], gold: readonly LabeledText[]): number {
  return predictions.filter((p, i) => p.tag === gold[i]?.tag).length / gold.length;
}

beforeAll(async () => {
  await selectBackend({ prefer: 'wasm' });
});

describe('training a tiny model', () => {
  test('classification alone: the loss falls and held-out accuracy is far above chance (0.25)', () => {
    const model = createNeuralModel(LANGUAGES, train.map((t) => t.text), SMALL);
    const before = accuracy(model.predict(heldOut.map((t) => t.text)), heldOut);
    const report = trainNetwork(model, { labelled: labelledSequences(model, train) }, { steps: 30, batchSize: 32, logEvery: 5 });
    expect(report.curve.map((point) => point.step)).toEqual([5, 10, 15, 20, 25, 30]);
    expect(report.curve.every((point) => point.reconstruction === undefined)).toBe(true);
    const first = report.curve[0] as { classification: number };
    const last = report.curve[5] as { classification: number };
    // log(4) ≈ 1.39 for a uniform guess over the four languages.
    expect(first.classification).toBeGreaterThan(1);
    expect(last.classification).toBeLessThan(first.classification * 0.5);
    const after = accuracy(model.predict(heldOut.map((t) => t.text)), heldOut);
    expect(before).toBeLessThan(0.5);
    expect(after).toBeGreaterThanOrEqual(0.9);
    model.dispose();
  });

  test('with masked-span reconstruction on unlabelled text both losses fall', () => {
    const model = createNeuralModel(LANGUAGES, [...train.map((t) => t.text), ...unlabelled], SMALL);
    const sequences = unlabelled.map((text) => model.sequence(text));
    const report = trainNetwork(model, { labelled: labelledSequences(model, train), unlabelled: sequences }, { steps: 30, batchSize: 32, reconstructionBatchSize: 16, logEvery: 5 });
    const first = report.curve[0] as { classification: number; reconstruction: number };
    const last = report.curve[5] as { classification: number; reconstruction: number };
    // 15 targets + other: log(16) ≈ 2.77 for a uniform guess.
    expect(first.reconstruction).toBeGreaterThan(2);
    expect(last.reconstruction).toBeLessThan(first.reconstruction - 0.3);
    expect(last.classification).toBeLessThan(first.classification * 0.5);
    expect(accuracy(model.predict(heldOut.map((t) => t.text)), heldOut)).toBeGreaterThanOrEqual(0.9);
    model.dispose();
  });

  test('the same seed gives the same model', () => {
    const run = (): Float32Array | undefined => {
      const model = createNeuralModel(LANGUAGES, train.map((t) => t.text), { ...SMALL, seed: 4 });
      trainNetwork(model, { labelled: labelledSequences(model, train) }, { steps: 5, batchSize: 8, seed: 4 });
      const [probabilities] = model.probabilities(['kapeti toki']);
      model.dispose();
      return probabilities;
    };
    expect(run()).toEqual(run());
  });
});

describe('NeuralLangIdModel.predict', () => {
  let model: ReturnType<typeof createNeuralModel>;
  beforeAll(() => {
    model = createNeuralModel(LANGUAGES, ['pa'], SMALL);
  });
  afterAll(() => model.dispose());

  test('gives top-k over its languages, summing to at most 1, best first', () => {
    const [prediction] = model.predict(['kapeti toki'], { k: 3 }) as [LangPrediction];
    expect(prediction.top).toHaveLength(3);
    expect(prediction.top[0]).toEqual([prediction.tag, prediction.score]);
    expect(prediction.top.map(([, p]) => p)).toEqual([...prediction.top.map(([, p]) => p)].sort((a, b) => b - a));
    expect(LANGUAGES).toContain(prediction.tag);
  });

  test('has a defined answer for bad input', () => {
    const long = 'pa'.repeat(500_000);
    const predictions = model.predict(['', '   \n', '12 345 😀 https://example.com', '\uD800', long]);
    expect(predictions.slice(0, 4).map((p) => [p.tag, p.reason])).toEqual([
      ['und_Zyyy', 'empty'],
      ['und_Zyyy', 'empty'],
      ['und_Zyyy', 'no-letters'],
      ['und_Zyyy', 'no-letters'],
    ]);
    expect(LANGUAGES).toContain(predictions[4]?.tag);
  });
});

describe('interpolation with stage 1', () => {
  const languages = ['fin_Latn', 'haw_Latn', 'mri_Latn'];
  const stage1: LangPrediction = { tag: 'haw_Latn', score: 0.6, top: [['haw_Latn', 0.6], ['fin_Latn', 0.3]] };

  test('mixes the two distributions with the weight', () => {
    const neural = Float32Array.from([0.7, 0.1, 0.2]);
    const mixed = interpolate(stage1, neural, languages, 0.5, 3);
    expect(mixed.top.map(([tag]) => tag)).toEqual(['fin_Latn', 'haw_Latn', 'mri_Latn']);
    expect(mixed.top.map(([, p]) => Math.round(p * 1000) / 1000)).toEqual([0.5, 0.35, 0.1]);
    expect(mixed.tag).toBe('fin_Latn');
    expect(interpolate(stage1, neural, languages, 0, 1).tag).toBe('haw_Latn');
    expect(interpolate(stage1, neural, languages, 1, 1)).toEqual({ tag: 'fin_Latn', score: Math.fround(0.7), top: [['fin_Latn', Math.fround(0.7)]] });
  });

  test("passes stage 1's no-evidence answers through", () => {
    const empty: LangPrediction = { tag: 'und_Zyyy', score: 1, top: [], reason: 'empty' };
    expect(interpolate(empty, Float32Array.from([1, 0, 0]), languages, 0.9, 1)).toBe(empty);
    expect(interpolate(stage1, undefined, languages, 0.9, 1)).toBe(stage1);
  });

  test('tunes the weight on held-out predictions, preferring the smaller weight on ties', () => {
    const stage1s: LangPrediction[] = [stage1, stage1, { tag: 'mri_Latn', score: 0.9, top: [['mri_Latn', 0.9]] }];
    const neural = [Float32Array.from([0.7, 0.1, 0.2]), Float32Array.from([0.1, 0.8, 0.1]), Float32Array.from([0.1, 0.1, 0.8])];
    const tuning = tuneInterpolationWeight(stage1s, neural, ['fin_Latn', 'haw_Latn', 'mri_Latn'], languages, [0, 0.25, 0.5, 1]);
    expect(tuning.accuracyByWeight.map(([, a]) => Math.round(a * 3))).toEqual([2, 2, 3, 3]);
    expect(tuning.weight).toBe(0.5);
  });

  test('the classifier rejects weights outside [0, 1]', () => {
    const model = createNeuralModel(languages, ['pa'], SMALL);
    const fixed: SentenceClassifier = { languages, predict: (texts) => texts.map(() => stage1) };
    expect(() => new InterpolatedClassifier(fixed, model, 1.5)).toThrow('interpolation weight must be in [0, 1], got 1.5');
    expect(new InterpolatedClassifier(fixed, model, 0).predict(['pa'])[0]?.tag).toBe('haw_Latn');
    model.dispose();
  });

  test("passes refine and reject on to stage 1", () => {
    const model = createNeuralModel(languages, ['pa'], SMALL);
    const asked: PredictOptions[] = [];
    const recording: SentenceClassifier = {
      languages,
      predict: (texts, options = {}) => {
        asked.push(options);
        return texts.map(() => stage1);
      },
    };
    const combined = new InterpolatedClassifier(recording, model, 0, 10);
    combined.predict(['pa'], { k: 2 });
    combined.predict(['pa'], { refine: false, reject: true });
    expect(asked).toEqual([{ k: 10 }, { k: 10, refine: false, reject: true }]);
    model.dispose();
  });
});

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelLoadError } from '../src/model/model-error.js';
import { loadLangIdModel } from '../src/model/model-folder.js';
import { trainModel, type TrainedModel } from '../src/model/train-model.js';
import { modelText } from '../src/ngram/model-text.js';
import { NaiveBayesClassifier, NaiveBayesFormatError, trainNaiveBayes } from '../src/refiners/naive-bayes.js';
import { DEFAULT_NAIVE_BAYES_OPTIONS, DEFAULT_REFINER_ROUTING } from '../src/refiners/train-refiners.js';
import type { LabeledText } from '../src/seed/labeled-text.js';
import { galicianPortugueseTexts, TINY_TRAINING } from './galician-portuguese.js';

describe('NaiveBayesClassifier', () => {
  // Unigrams only, α = 1, temperature 1: small enough to work out by hand.
  const UNIGRAMS = { minn: 1, maxn: 1, words: false, alpha: 1, temperature: 1 };

  it('scores by smoothed, class-balanced counts and answers softmax probabilities', () => {
    // xxx: a 1, b 1; yyy: b 2 (equal totals, so no rescaling). Weights log((c + 1) / 1): a → [log 2, 0], b → [log 2, log 3].
    const model = NaiveBayesClassifier.fromBytes(trainNaiveBayes([{ tag: 'xxx_Latn', text: 'ab' }, { tag: 'yyy_Latn', text: 'bb' }], ['xxx_Latn', 'yyy_Latn'], UNIGRAMS));
    expect(model.labels).toEqual(['xxx_Latn', 'yyy_Latn']);
    const probabilities = (text: string): Array<[string, number]> => model.predict(text, 2).map(([tag, p]) => [tag, Number(p.toFixed(6))]);
    expect(probabilities('a')).toEqual([['xxx_Latn', 0.666667], ['yyy_Latn', 0.333333]]);
    expect(probabilities('b')).toEqual([['yyy_Latn', 0.6], ['xxx_Latn', 0.4]]);
    expect(probabilities('ab')).toEqual([['xxx_Latn', 0.571429], ['yyy_Latn', 0.428571]]);
    // Nothing seen: even, in label order.
    expect(model.predict('zq', 2)).toEqual([['xxx_Latn', 0.5], ['yyy_Latn', 0.5]]);
    expect(model.predict('a', 1)).toHaveLength(1);
  });

  it('balances the classes: more text of one language does not make the others win on unseen n-grams', () => {
    const lines = [
      { tag: 'xxx_Latn', text: 'ab' },
      { tag: 'yyy_Latn', text: 'bb' },
      // Ten more unrelated texts of xxx: its totals grow, its counts of a and b do not.
      ...Array.from({ length: 10 }, () => ({ tag: 'xxx_Latn', text: 'cd' })),
    ];
    const model = NaiveBayesClassifier.fromBytes(trainNaiveBayes(lines, ['xxx_Latn', 'yyy_Latn'], UNIGRAMS));
    // xxx total 22 scaled to the mean 12, yyy 2 to 12: a → [log(12/22 + 1), 0], so xxx still wins on 'a'.
    const [best, other] = model.predict('a', 2);
    expect(best?.[0]).toBe('xxx_Latn');
    expect(best?.[1]).toBeCloseTo((1 + 12 / 22) / (1 + 12 / 22 + 1), 6);
    expect(other?.[0]).toBe('yyy_Latn');
  });

  it('reads words and n-grams past the Basic Multilingual Plane', () => {
    // Only whole words distinguish these (same letters); 𐌰 (U+10330, Gothic) is one code point.
    const options = { minn: 1, maxn: 1, words: true, alpha: 0.1, temperature: 1 };
    const model = NaiveBayesClassifier.fromBytes(trainNaiveBayes([{ tag: 'xxx_Latn', text: 'ab ba' }, { tag: 'yyy_Latn', text: 'aa bb' }, { tag: 'got_Goth', text: '𐌰𐌰' }], ['got_Goth', 'xxx_Latn', 'yyy_Latn'], options));
    expect(model.predict('ab', 1)[0]?.[0]).toBe('xxx_Latn');
    expect(model.predict('bb', 1)[0]?.[0]).toBe('yyy_Latn');
    expect(model.predict('𐌰', 1)[0]?.[0]).toBe('got_Goth');
  });

  it('scores features seen by one class and by more classes than fit in a slot alike, from aligned or unaligned bytes', () => {
    // Totals 2 each (no rescaling). a → [log 2, log 3, log 2] (seen by all three: a row of its own), b → [log 2, 0, 0], c → [0, 0, log 2].
    const bytes = trainNaiveBayes([{ tag: 'xxx_Latn', text: 'ab' }, { tag: 'yyy_Latn', text: 'aa' }, { tag: 'zzz_Latn', text: 'ac' }], ['xxx_Latn', 'yyy_Latn', 'zzz_Latn'], UNIGRAMS);
    const unaligned = new Uint8Array(bytes.length + 1);
    unaligned.set(bytes, 1);
    for (const model of [NaiveBayesClassifier.fromBytes(bytes), NaiveBayesClassifier.fromBytes(unaligned.subarray(1))]) {
      const probabilities = (text: string): Array<[string, number]> => model.predict(text, 3).map(([tag, p]) => [tag, Number(p.toFixed(6))]);
      expect(probabilities('a')).toEqual([['yyy_Latn', 0.428571], ['xxx_Latn', 0.285714], ['zzz_Latn', 0.285714]]);
      expect(probabilities('ab')).toEqual([['xxx_Latn', 0.444444], ['yyy_Latn', 0.333333], ['zzz_Latn', 0.222222]]);
      expect(probabilities('bc')).toEqual([['xxx_Latn', 0.4], ['zzz_Latn', 0.4], ['yyy_Latn', 0.2]]);
    }
  });

  it('keeps every weight out of the slots past 256 classes, with the same scores', () => {
    // 300 classes, each with one letter of its own and a letter all share: the one-class features of a small
    // refiner sit in its slots; here their class indices would not fit a byte.
    const tags = Array.from({ length: 300 }, (_, i) => `x${String(i).padStart(2, '0').slice(-2)}${String.fromCharCode(97 + Math.floor(i / 100))}_Latn`);
    const letter = (i: number): string => String.fromCodePoint(0x4e00 + i);
    const many = NaiveBayesClassifier.fromBytes(trainNaiveBayes(tags.map((tag, i) => ({ tag, text: `${letter(i)}a` })), tags, UNIGRAMS));
    const [best, second] = many.predict(letter(123), 2);
    expect(best?.[0]).toBe(tags[123]);
    // Seen by its class: log 2 over 0 for the 299 others, through the same softmax.
    expect(best?.[1]).toBeCloseTo(2 / (2 + 299), 8); // float32 weights
    expect(second?.[1]).toBeCloseTo(1 / (2 + 299), 8);
  });

  it('refuses bytes it did not write', () => {
    expect(() => NaiveBayesClassifier.fromBytes(new TextEncoder().encode('not a model'))).toThrow(new NaiveBayesFormatError('not a naive Bayes refiner (wrong magic number)'));
    const bytes = trainNaiveBayes([{ tag: 'xxx_Latn', text: 'ab' }], ['xxx_Latn', 'yyy_Latn'], UNIGRAMS);
    expect(() => NaiveBayesClassifier.fromBytes(bytes.subarray(0, bytes.length - 4))).toThrow(`${bytes.length - 4} bytes, expected ${bytes.length}`);
  });
});

/** The tiny Galician/Portuguese model of galician-portuguese.ts, with the default (naive Bayes) refiners. */
describe('trainModel with naive Bayes refiners (the default)', () => {
  let texts: LabeledText[];
  let dir: string;
  let trained: TrainedModel;

  beforeAll(async () => {
    texts = await galicianPortugueseTexts();
    dir = mkdtempSync(join(tmpdir(), 'ntl-nb-refiners-'));
    trained = await trainModel({ data: texts, ...TINY_TRAINING, refit: false, outDir: join(dir, 'model') });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('saves one .nb refiner for the confused pair and answers every held-out Galician sentence with it', async () => {
    expect(trained.refiners.map((r) => [r.languages, r.format])).toEqual([[['glg_Latn', 'por_Latn'], 'nb']]);
    const manifest = JSON.parse(readFileSync(join(dir, 'model', 'model.json'), 'utf8'));
    expect(manifest.files.refiners).toEqual(['refiners/glg_Latn+por_Latn.nb']);
    expect(manifest.training.refiners).toEqual({ kind: 'naive-bayes', naiveBayes: DEFAULT_NAIVE_BAYES_OPTIONS, ...DEFAULT_REFINER_ROUTING });
    expect(manifest.refineBelow).toBe(DEFAULT_REFINER_ROUTING.refineBelow);
    // Stage 1 alone gets none of the 25 Galician sentences (refiners.test.ts); with the naive Bayes refiner all 25 are right (160 of 161 in all).
    expect(manifest.metrics.heldOutWithoutRefiners).toMatchObject({ sentences: 161, accuracyBeforeThresholds: 0.8447 });
    expect(manifest.metrics.heldOut).toMatchObject({ sentences: 161, accuracyBeforeThresholds: 0.9938, lowRecall: [] });
    const model = await loadLangIdModel(join(dir, 'model'));
    const galician = trained.split.heldOut.filter((t) => t.tag === 'glg_Latn').map((t) => t.text);
    expect(model.predict(galician, { reject: false }).map((p) => p.tag)).toEqual(galician.map(() => 'glg_Latn'));
    expect(model.predict(galician, { reject: false, refine: false }).filter((p) => p.tag === 'glg_Latn')).toHaveLength(0);
    // The saved refiner answers as the trained one.
    const sentence = modelText(galician[0] as string);
    const saved = model.refiners?.refiners[0]?.predict(sentence, 2);
    expect(saved).toEqual(NaiveBayesClassifier.fromBytes(trained.refiners[0]?.weights ?? new Uint8Array()).predict(sentence, 2));
  });

  it('leaves stage 1 answers at least refineBelow probable to stage 1', async () => {
    const gated = (name: string, refineBelow: number): string => {
      const target = join(dir, name);
      cpSync(join(dir, 'model'), target, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(target, 'model.json'), 'utf8'));
      writeFileSync(join(target, 'model.json'), JSON.stringify({ ...manifest, refineBelow }));
      return target;
    };
    const galician = trained.split.heldOut.filter((t) => t.tag === 'glg_Latn').map((t) => t.text);
    const always = await loadLangIdModel(gated('gate-1', 1));
    const stage1 = always.predict(galician, { reject: false, refine: false });
    // Stage 1's Portuguese answers, least sure first: a gate between two of them refines the less sure only.
    const scores = stage1.map((p) => p.score).sort((a, b) => a - b);
    const gate = ((scores[11] as number) + (scores[12] as number)) / 2;
    expect(scores[11]).toBeLessThan(scores[12] as number);
    const half = await loadLangIdModel(gated('gate-half', gate));
    const answers = half.predict(galician, { reject: false });
    answers.forEach((answer, i) => expect(answer.tag).toBe((stage1[i]?.score ?? 1) < gate ? 'glg_Latn' : 'por_Latn'));
    expect(answers.filter((p) => p.tag === 'glg_Latn')).toHaveLength(12);
    expect(always.predict(galician, { reject: false }).filter((p) => p.tag === 'glg_Latn')).toHaveLength(25);
    await expect(loadLangIdModel(gated('gate-bad', 1.5))).rejects.toThrow('has a "refineBelow" that is not a number in (0, 1]');
  });

  it('clusters for refiners at their own threshold, leaving the filters their clusters', async () => {
    const none = await trainModel({ data: texts, ...TINY_TRAINING, refiners: { clusterThreshold: 0.9 }, refit: false, outDir: join(dir, 'none') });
    expect(none.clusters?.clusters).toEqual([['glg_Latn', 'por_Latn']]);
    expect(none.refiners).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, 'none', 'model.json'), 'utf8'));
    expect(manifest.files).toEqual({ weights: 'lid.ftz', clusters: 'clusters.json' });
    expect(manifest.refineBelow).toBeUndefined();
  });

  it('fails to load a folder whose naive Bayes refiner is corrupt', async () => {
    const corrupt = join(dir, 'corrupt');
    cpSync(join(dir, 'model'), corrupt, { recursive: true });
    const file = join(corrupt, 'refiners/glg_Latn+por_Latn.nb');
    writeFileSync(file, 'not a model');
    await expect(loadLangIdModel(corrupt)).rejects.toThrow(new ModelLoadError(file, 'is corrupt (not a naive Bayes refiner (wrong magic number))', `ntl langid train --output ${corrupt}`));
  });
});

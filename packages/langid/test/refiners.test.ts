import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOptions, silentLogger, Stats, UND, type Doc } from '@ntl/core';
import { detectStep } from '../src/detect/detect-step.js';
import type { TagClassifier } from '../src/ngram/fasttext-classifier.js';
import { modelText } from '../src/ngram/model-text.js';
import { ModelLoadError } from '../src/model/model-error.js';
import { loadLangIdModel, refinerFile } from '../src/model/model-folder.js';
import { trainModel, type TrainedModel } from '../src/model/train-model.js';
import { ClusterRefiners, RefinerSetError } from '../src/refiners/cluster-refiners.js';
import { DEFAULT_REFINER_HYPERPARAMETERS, DEFAULT_REFINER_ROUTING, trainRefiners, type TrainedRefiner } from '../src/refiners/train-refiners.js';
import type { LabeledText } from '../src/seed/labeled-text.js';
import { galicianPortugueseTexts, TINY_TRAINING } from './galician-portuguese.js';
import { loadUdhr } from '../src/seed/udhr.js';

/** A refiner answering fixed probabilities, recording what it was asked. */
function fixedRefiner(answer: Array<[string, number]>): TagClassifier & { asked: string[] } {
  const asked: string[] = [];
  return {
    labels: answer.map(([tag]) => tag),
    asked,
    predict(text: string, k: number) {
      asked.push(text);
      return answer.slice(0, k);
    },
  };
}

describe('ClusterRefiners.refine', () => {
  it("shares the cluster's stage 1 mass out by its refiner, the refiner's answer first", () => {
    const refiner = fixedRefiner([
      ['hrv_Latn', 0.8],
      ['bos_Latn', 0.2],
    ]);
    const refiners = new ClusterRefiners([refiner]);
    expect(refiners.languages).toEqual(['bos_Latn', 'hrv_Latn']);
    expect([refiners.clusterOf('bos_Latn'), refiners.clusterOf('slv_Latn'), refiners.clusterOf(undefined)]).toEqual([['hrv_Latn', 'bos_Latn'], undefined, undefined]);
    const top: Array<[string, number]> = [
      ['bos_Latn', 0.5],
      ['slv_Latn', 0.3],
      ['hrv_Latn', 0.1],
    ];
    // Mass 0.6 (bos + hrv): hrv 0.6 × 0.8, bos 0.6 × 0.2.
    const refined = refiners.refine(top, 'svi ljudi', 0.6);
    expect(refined.map(([tag]) => tag)).toEqual(['hrv_Latn', 'slv_Latn', 'bos_Latn']);
    expect(refined.map(([, p]) => p)).toEqual([0.6 * 0.8, 0.3, 0.6 * 0.2]);
    expect(refiner.asked).toEqual(['svi ljudi']);
    // As many labels as stage 1 listed: with k = 1 the answer alone, same label and score.
    expect(refiners.refine(top.slice(0, 1), 'svi ljudi', 0.6)).toEqual([['hrv_Latn', 0.6 * 0.8]]);
    // The answer stays first, in the cluster, even when a label outside it now scores higher.
    const even = new ClusterRefiners([fixedRefiner([['hrv_Latn', 0.5], ['bos_Latn', 0.5]])]);
    expect(even.refine([['bos_Latn', 0.4], ['slv_Latn', 0.35]], 'x', 0.4)).toEqual([['hrv_Latn', 0.2], ['slv_Latn', 0.35]]);
  });

  it('leaves answers whose best label is in no cluster alone, without asking a refiner', () => {
    const refiner = fixedRefiner([
      ['hrv_Latn', 0.8],
      ['bos_Latn', 0.2],
    ]);
    const refiners = new ClusterRefiners([refiner]);
    const top: Array<[string, number]> = [
      ['slv_Latn', 0.7],
      ['hrv_Latn', 0.2],
    ];
    expect(refiners.refine(top, 'vsi ljudje', 1)).toEqual(top);
    expect(refiners.refine([], '', 1)).toEqual([]);
    expect(refiner.asked).toEqual([]);
  });

  it('refuses a language in two refiners and a refiner of one language', () => {
    const a = fixedRefiner([['hrv_Latn', 0.5], ['bos_Latn', 0.5]]);
    const b = fixedRefiner([['srp_Latn', 0.5], ['hrv_Latn', 0.5]]);
    expect(() => new ClusterRefiners([a, b])).toThrow(new RefinerSetError('hrv_Latn is in two refiners'));
    expect(() => new ClusterRefiners([fixedRefiner([['hrv_Latn', 1]])])).toThrow('a refiner needs two or more languages, got [hrv_Latn]');
  });
});

/** The tiny Galician/Portuguese model of galician-portuguese.ts: its fastText refiner gets 24 of the 25 held-out Galician sentences right. */
const REFINERS = { kind: 'fasttext' as const, hyperparameters: { bucket: 5000 } };

describe('trainModel with cluster refiners', () => {
  let texts: LabeledText[];
  let dir: string;
  let trained: TrainedModel;

  beforeAll(async () => {
    texts = await galicianPortugueseTexts();
    dir = mkdtempSync(join(tmpdir(), 'ntl-refiners-'));
    trained = await trainModel({ data: texts, ...TINY_TRAINING, refiners: REFINERS, refit: false, outDir: join(dir, 'model') });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('trains a refiner for the confused pair, lists it in model.json and records both held-out figures', () => {
    expect(trained.clusters?.clusters).toEqual([['glg_Latn', 'por_Latn']]);
    expect(trained.refiners.map((r) => r.languages)).toEqual([['glg_Latn', 'por_Latn']]);
    const manifest = JSON.parse(readFileSync(join(dir, 'model', 'model.json'), 'utf8'));
    expect(manifest.files).toEqual({ weights: 'lid.ftz', clusters: 'clusters.json', refiners: ['refiners/glg_Latn+por_Latn.bin'] });
    expect(manifest.training.refiners).toEqual({ kind: 'fasttext', hyperparameters: { ...DEFAULT_REFINER_HYPERPARAMETERS, bucket: 5000 }, quantize: false, ...DEFAULT_REFINER_ROUTING });
    expect(refinerFile({ ...(trained.refiners[0] as TrainedRefiner), format: 'ftz' })).toBe('refiners/glg_Latn+por_Latn.ftz');
    // A 40-language cluster's name would pass the file system's 255 bytes: first language, count and hash instead.
    const many = Array.from({ length: 40 }, (_, i) => `l${String(i).padStart(2, '0')}_Latn`);
    const big = refinerFile({ ...(trained.refiners[0] as TrainedRefiner), languages: many, format: 'nb' });
    expect(big).toMatch(/^refiners\/l00_Latn\+39-more-[0-9a-f]{12}\.nb$/);
    expect(refinerFile({ ...(trained.refiners[0] as TrainedRefiner), languages: [...many.slice(0, 39), 'l99_Latn'], format: 'nb' })).not.toBe(big);
    expect(manifest.metrics.heldOutWithoutRefiners).toMatchObject({ sentences: 161, accuracyBeforeThresholds: 0.8447, lowRecall: [{ tag: 'glg_Latn', recall: 0, sentences: 25 }] });
    expect(manifest.metrics.heldOut).toMatchObject({ sentences: 161, accuracyBeforeThresholds: 0.9938, accuracy: 0.9938, lowRecall: [] });
  });

  it('predicts with the refiner by default, with stage 1 alone on request or when loaded without refiners', async () => {
    const model = await loadLangIdModel(join(dir, 'model'));
    const bare = await loadLangIdModel(join(dir, 'model'), { refiners: false });
    try {
      expect(model.refiners?.languages).toEqual(['glg_Latn', 'por_Latn']);
      expect(bare.refiners).toBeUndefined();
      const heldOut = trained.split.heldOut;
      const sentences = heldOut.map((t) => t.text);
      const refined = model.predict(sentences, { reject: false, k: 3 });
      const alone = model.predict(sentences, { reject: false, k: 3, refine: false });
      expect(bare.predict(sentences, { reject: false, k: 3 })).toEqual(alone);
      const galician = heldOut.flatMap((t, i) => (t.tag === 'glg_Latn' ? [i] : []));
      expect(galician.filter((i) => alone[i]?.tag === 'por_Latn')).toHaveLength(25);
      expect(galician.filter((i) => refined[i]?.tag === 'glg_Latn')).toHaveLength(24);
      const fixed = heldOut.filter((t, i) => alone[i]?.tag !== t.tag && refined[i]?.tag === t.tag).length;
      const broken = heldOut.filter((t, i) => alone[i]?.tag === t.tag && refined[i]?.tag !== t.tag).length;
      expect([fixed, broken]).toEqual([24, 0]);
      // Answers outside the cluster are untouched.
      alone.forEach((prediction, i) => {
        if (!['glg_Latn', 'por_Latn'].includes(prediction.tag)) expect(refined[i]).toEqual(prediction);
      });
      // A cluster answer scores the members' stage 1 probability times the refiner's, whatever k.
      const first = galician[0] as number;
      const stage1 = model.predict([sentences[first] as string], { reject: false, k: 4, refine: false })[0]?.top ?? [];
      const mass = stage1.filter(([tag]) => tag === 'glg_Latn' || tag === 'por_Latn').reduce((sum, [, p]) => sum + p, 0);
      const [single] = model.predict([sentences[first] as string], { reject: false });
      expect(single?.tag).toBe(refined[first]?.tag);
      expect(single?.score).toBe(refined[first]?.score);
      const refiner = model.refiners?.refiners[0];
      const r = refiner?.predict(modelText(sentences[first] as string), 2).find(([tag]) => tag === single?.tag)?.[1] ?? 0;
      expect(mass).toBeGreaterThan(alone[first]?.score ?? 1);
      expect(single?.score).toBeCloseTo(mass * r, 6);
      expect(model.predict([' '])).toEqual([{ tag: UND, score: 1, top: [], reason: 'empty' }]);
    } finally {
      model.dispose();
      bare.dispose();
    }
  });

  it('refits the refiners on all data', async () => {
    const refit = await trainModel({ data: texts, ...TINY_TRAINING, refiners: REFINERS, outDir: join(dir, 'refit') });
    expect(refit.manifest.files.refiners).toEqual(['refiners/glg_Latn+por_Latn.bin']);
    expect(Buffer.compare(Buffer.from(refit.refiners[0]?.weights ?? []), Buffer.from(trained.refiners[0]?.weights ?? []))).not.toBe(0);
    // Same clusters and held-out figures as the run without refit; the saved refiner saw the held-out texts too.
    expect(refit.clusters?.clusters).toEqual([['glg_Latn', 'por_Latn']]);
    expect(refit.heldOut?.accuracyBeforeThresholds).toBe(trained.heldOut?.accuracyBeforeThresholds);
    expect(refit.manifest.training.timings).toHaveProperty('refitRefinersSeconds');
    const model = await loadLangIdModel(join(dir, 'refit'));
    try {
      const galician = trained.split.heldOut.filter((t) => t.tag === 'glg_Latn').map((t) => t.text);
      // The refit refiner has seen these sentences.
      expect(model.predict(galician, { reject: false }).filter((p) => p.tag === 'glg_Latn')).toHaveLength(25);
    } finally {
      model.dispose();
    }
  });

  it('decides inside the cluster in the langid.detect step unless refine is false', async () => {
    const galician = trained.split.heldOut.filter((t) => t.tag === 'glg_Latn').slice(0, 4).map((t) => t.text).join(' ');
    const detect = async (options: Record<string, unknown>): Promise<string | undefined> => {
      const step = detectStep.create(parseOptions(detectStep.options, { model: join(dir, 'model'), ...options }));
      const stats = new Stats();
      const context = { rank: 0, worldSize: 1, stats, signal: new AbortController().signal, log: silentLogger, inputs: [], outputDir: dir, progress: () => undefined };
      async function* input(): AsyncIterable<Doc> {
        yield { id: 'gl', text: galician, source: { path: 'test.jsonl', record: 0 }, meta: {} };
      }
      for await (const doc of step(input(), context)) return doc.lang?.tag;
      return undefined;
    };
    expect(await detect({})).toBe('glg_Latn');
    expect(await detect({ refine: false })).toBe('por_Latn');
  });

  it('trains no refiners when asked not to', async () => {
    const plain = await trainModel({ data: texts, ...TINY_TRAINING, quantize: false, refiners: false, refit: false, outDir: join(dir, 'plain') });
    expect(plain.refiners).toEqual([]);
    expect(plain.clusters?.clusters).toEqual([['glg_Latn', 'por_Latn']]);
    const manifest = JSON.parse(readFileSync(join(dir, 'plain', 'model.json'), 'utf8'));
    expect(manifest.files).toEqual({ weights: 'lid.bin', clusters: 'clusters.json' });
    expect(manifest.metrics.heldOutWithoutRefiners).toBeUndefined();
    expect(manifest.metrics.heldOut.accuracyBeforeThresholds).toBe(0.8447);
  });

  it('fails to load a folder whose refiner is missing, corrupt or decides languages the model lacks', async () => {
    const copy = (name: string): string => {
      const target = join(dir, name);
      cpSync(join(dir, 'model'), target, { recursive: true });
      return target;
    };
    const file = 'refiners/glg_Latn+por_Latn.bin';
    const missing = copy('missing');
    rmSync(join(missing, file));
    await expect(loadLangIdModel(missing)).rejects.toThrow(new ModelLoadError(join(missing, file), 'is missing', `ntl langid train --output ${missing}`));
    // Loading without refiners does not read them.
    const bare = await loadLangIdModel(missing, { refiners: false });
    expect(bare.refiners).toBeUndefined();
    const corrupt = copy('corrupt');
    writeFileSync(join(corrupt, file), 'not a model');
    await expect(loadLangIdModel(corrupt)).rejects.toThrow(`${join(corrupt, file)} is corrupt (not a fastText model (wrong magic number))`);
    const foreign = copy('foreign');
    const [german] = await trainRefiners(
      (await loadUdhr()).filter((t) => t.tag === 'deu_Latn' || t.tag === 'glg_Latn'),
      [['deu_Latn', 'glg_Latn']],
      { kind: 'fasttext', hyperparameters: { ...DEFAULT_REFINER_HYPERPARAMETERS, bucket: 1000, epoch: 1 }, quantize: false, temperature: 3, maxRepeat: 100, modelText: trained.manifest.modelText, seed: 1 },
    );
    writeFileSync(join(foreign, file), (german as { weights: Uint8Array }).weights);
    await expect(loadLangIdModel(foreign)).rejects.toThrow(`${join(foreign, file)} decides among languages model.json does not list (deu_Latn)`);
    const listed = copy('not-a-list');
    const manifest = JSON.parse(readFileSync(join(listed, 'model.json'), 'utf8'));
    writeFileSync(join(listed, 'model.json'), JSON.stringify({ ...manifest, files: { ...manifest.files, refiners: file } }));
    await expect(loadLangIdModel(listed)).rejects.toThrow('has a "files.refiners" that is not a list of file names');
  });
});

#!/usr/bin/env node
/**
 * Within-cluster refiners (packages/langid/src/refiners/; paper §2.1.3 derives the clusters): how much they add
 * to a model that was built without them, and which refiner features to use.
 *
 *   npm run build && node bench/langid/refiner.js --model /tmp/ntl-models/langid-full-heldout \
 *     [--flores DIR] [--settings a,b] [--tune-only] [--per-cluster] [--retrain] [--rounds 3]
 *
 * A folder built with refiners (`ntl langid train --preset full --no-refit`) is measured as it is (unless --retrain,
 * which trains new ones for the folder's refiner clusters). For a folder without, its clusters.json names the
 * clusters and refiners are trained here as trainModel's held-out run trains them (trainRefiners, stage 1's text
 * normalisation) on the `full` preset's held-out-run data: FLORES-SIB train + aligned UDHR minus its held-out
 * articles (fraction 0.1, seed 1). Whether stage 1's answer is refined follows the folder's model.json
 * (`refineBelow`).
 * - Tuning (more than one --settings): each setting's refiners are trained on 90% of those documents (split by
 *   docId, seed 7: FLORES translations stay on one side) and scored alone on the other 10%'s sentences of their
 *   clusters' languages. FLORES dev is never tuned on.
 * - Report: the chosen setting's refiners trained on all of it (with --retrain over a folder that has refiners,
 *   the folder's own are timed alongside); FLORES-SIB dev answered by stage 1 alone and with
 *   the refiners (best label, as `ntl langid eval`), overall and per cluster with gold sentences; sentences per
 *   CPU-second of NgramLangIdModel.predict, one raw sentence per call, refiners off and on alternating, best of
 *   --rounds after a 2,000-sentence warm-up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readClusters } from '../../packages/langid/dist/clusters/confusable-clusters.js';
import { evaluate } from '../../packages/langid/dist/eval/evaluate.js';
import { loadLangIdModel } from '../../packages/langid/dist/model/model-folder.js';
import { NgramLangIdModel } from '../../packages/langid/dist/model/ngram-model.js';
import { FastTextClassifier } from '../../packages/langid/dist/ngram/fasttext-classifier.js';
import { modelText } from '../../packages/langid/dist/ngram/model-text.js';
import { ClusterRefiners } from '../../packages/langid/dist/refiners/cluster-refiners.js';
import { DEFAULT_NAIVE_BAYES_OPTIONS, DEFAULT_REFINER_HYPERPARAMETERS, refinerClassifier, trainRefiners } from '../../packages/langid/dist/refiners/train-refiners.js';
import { alignLabels } from '../../packages/langid/dist/seed/align-labels.js';
import { loadFloresSib } from '../../packages/langid/dist/seed/flores-sib.js';
import { isHeldOut, splitByDocument } from '../../packages/langid/dist/seed/split.js';
import { loadUdhr } from '../../packages/langid/dist/seed/udhr.js';
import { DEFAULT_FLORES } from './datasets.js';
import { args, option, cpuSeconds } from '../options.js';

const BASE = { lr: 0.5, minCount: 1, loss: 'softmax', seed: 1, epoch: 25 };
const fastText = (hyperparameters) => ({ kind: 'fasttext', hyperparameters, quantize: false });
const naiveBayes = (options) => ({ kind: 'naive-bayes', naiveBayes: { ...DEFAULT_NAIVE_BAYES_OPTIONS, ...options } });
/**
 * The settings tried; `default` is what trainModel uses (naive Bayes, refiners/naive-bayes.ts). fastText ones
 * (stage 1: hs, dim 32, char 1–4-grams + words, 5 epochs) are named after their features; `fasttext` was the
 * default before naive Bayes.
 */
const SETTINGS = {
  default: naiveBayes({}),
  'nb.a0.03': naiveBayes({ alpha: 0.03 }),
  'nb.a0.3': naiveBayes({ alpha: 0.3 }),
  'nb.c1-4': naiveBayes({ maxn: 4 }),
  'nb.c1-6': naiveBayes({ maxn: 6 }),
  'nb.c2-5': naiveBayes({ minn: 2 }),
  'nb.c3-5': naiveBayes({ minn: 3 }),
  'nb.nowords': naiveBayes({ words: false }),
  'nb.t10': naiveBayes({ temperature: 10 }),
  'nb.t30': naiveBayes({ temperature: 30 }),
  'nb.t50': naiveBayes({ temperature: 50 }),
  fasttext: fastText(DEFAULT_REFINER_HYPERPARAMETERS),
}
const FASTTEXT_SETTINGS = {
  'c1-5.w2.d64.b200k': { ...BASE, dim: 64, minn: 1, maxn: 5, wordNgrams: 2, bucket: 200_000 },
  'c1-5.w2.d32.b50k': { ...BASE, dim: 32, minn: 1, maxn: 5, wordNgrams: 2, bucket: 50_000 },
  'c1-4.w2.d32.b50k': { ...BASE, dim: 32, minn: 1, maxn: 4, wordNgrams: 2, bucket: 50_000 },
  'c1-4.w2.d32.b50k.e10': { ...BASE, dim: 32, minn: 1, maxn: 4, wordNgrams: 2, bucket: 50_000, epoch: 10 },
  'c1-4.w1.d32.b50k': { ...BASE, dim: 32, minn: 1, maxn: 4, wordNgrams: 1, bucket: 50_000 },
  'c1-4.w2.d16.b50k': { ...BASE, dim: 16, minn: 1, maxn: 4, wordNgrams: 2, bucket: 50_000 },
  'c1-4.w1.d16.b50k': { ...BASE, dim: 16, minn: 1, maxn: 4, wordNgrams: 1, bucket: 50_000 },
  'c1-4.w1.d16.b50k.e50': { ...BASE, dim: 16, minn: 1, maxn: 4, wordNgrams: 1, bucket: 50_000, epoch: 50 },
  'c1-4.w1.d16.b20k.e50': { ...BASE, dim: 16, minn: 1, maxn: 4, wordNgrams: 1, bucket: 20_000, epoch: 50 },
  'c1-4.w1.d32.b50k.e50': { ...BASE, dim: 32, minn: 1, maxn: 4, wordNgrams: 1, bucket: 50_000, epoch: 50 },
  'c1-4.w1.d16.b50k.lr1': { ...BASE, dim: 16, minn: 1, maxn: 4, wordNgrams: 1, bucket: 50_000, lr: 1 },
  'c1-4.w1.d16.b20k.e100': { ...BASE, dim: 16, minn: 1, maxn: 4, wordNgrams: 1, bucket: 20_000, epoch: 100 },
  'c1-4.w1.d16.b10k.e50': { ...BASE, dim: 16, minn: 1, maxn: 4, wordNgrams: 1, bucket: 10_000, epoch: 50 },
};
for (const [name, hyperparameters] of Object.entries(FASTTEXT_SETTINGS)) SETTINGS[name] = fastText(hyperparameters);
const TUNE_SPLIT = { heldOutFraction: 0.1, seed: 7 };
/** trainModel's sampling (presets keep the defaults). */
const SAMPLING = { temperature: 3, maxRepeat: 100, seed: 1 };

async function trainingData(floresDir) {
  const udhr = await loadUdhr();
  const floresTrain = await loadFloresSib(floresDir, { splits: ['train'] });
  const aligned = alignLabels(udhr, new Set(floresTrain.map((t) => t.tag)));
  return [...aligned.filter((t) => !isHeldOut(t.docId, { heldOutFraction: 0.1, seed: 1 })), ...floresTrain];
}

async function train(texts, clusters, settings, modelTextOptions) {
  const started = performance.now();
  const trained = await trainRefiners(texts, clusters, { ...settings, ...SAMPLING, modelText: modelTextOptions });
  return { trained, seconds: (performance.now() - started) / 1000 };
}

async function tune(texts, clusters, names, modelTextOptions) {
  const { train: fit, heldOut } = splitByDocument(texts, TUNE_SPLIT);
  const scores = {};
  for (const name of names) {
    const { trained, seconds } = await train(fit, clusters, SETTINGS[name], modelTextOptions);
    let correct = 0;
    let total = 0;
    // Mean negative log-likelihood of the gold language: how well the refiner's probabilities are calibrated.
    let logLoss = 0;
    const perCluster = [];
    for (const refiner of trained) {
      const classifier = refinerClassifier(refiner);
      const members = new Set(refiner.languages);
      let clusterCorrect = 0;
      let clusterTotal = 0;
      for (const text of heldOut) {
        const clean = members.has(text.tag) ? modelText(text.text, modelTextOptions) : '';
        if (clean === '') continue;
        clusterTotal++;
        const answer = classifier.predict(clean, refiner.languages.length);
        if (answer[0]?.[0] === text.tag) clusterCorrect++;
        logLoss -= Math.log(Math.max(1e-9, answer.find(([tag]) => tag === text.tag)?.[1] ?? 0));
      }
      correct += clusterCorrect;
      total += clusterTotal;
      if (refiner.languages.length > 2 || clusterCorrect < clusterTotal) perCluster.push(`${refiner.languages.join('+')} ${(clusterCorrect / clusterTotal).toFixed(3)}`);
    }
    const bytes = trained.reduce((sum, refiner) => sum + refiner.weights.length, 0);
    scores[name] = correct / total;
    console.log(
      `tune ${name}: in-cluster accuracy ${(correct / total).toFixed(4)}, log-loss ${(logLoss / total).toFixed(3)} on ${total} train-split sentences (training ${seconds.toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB)`,
    );
    if (args.includes('--per-cluster')) console.log(`  ${perCluster.join(', ')}`);
  }
  return names.reduce((best, name) => (scores[name] > scores[best] ? name : best), names[0]);
}

function clusterReport(gold, before, after, refiners) {
  for (const members of refiners.refiners.map((refiner) => refiner.labels)) {
    const inCluster = new Set(members);
    const rows = gold.flatMap((g, i) => (inCluster.has(g.tag) ? [i] : []));
    if (rows.length === 0) continue;
    const accuracy = (predictions) => (rows.filter((i) => predictions[i].tag === gold[i].tag).length / rows.length).toFixed(3);
    const recall = (predictions, tag) => {
      const own = rows.filter((i) => gold[i].tag === tag);
      return (own.filter((i) => predictions[i].tag === tag).length / own.length).toFixed(2);
    };
    const perTag = members.filter((tag) => rows.some((i) => gold[i].tag === tag)).map((tag) => `${tag} ${recall(before, tag)}→${recall(after, tag)}`);
    console.log(`  ${[...members].sort().join('+')} (${rows.length} gold): ${accuracy(before)} → ${accuracy(after)}   ${perTag.join(', ')}`);
  }
}

async function main() {
  const dir = option('--model', '/tmp/ntl-models/langid-full-heldout');
  const floresDir = option('--flores', DEFAULT_FLORES);
  const names = option('--settings', 'default').split(',');
  for (const name of names) if (!SETTINGS[name]) throw new Error(`unknown setting ${name} (${Object.keys(SETTINGS).join(', ')})`);
  const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const folderModel = await loadLangIdModel(dir);
  // The refiners' own clusters when the folder has refiners (trainModel clusters them at their own threshold), else
  // the confusable clusters of clusters.json.
  const clusters = folderModel.refiners ? folderModel.refiners.refiners.map((refiner) => [...refiner.labels].sort()) : readClusters(join(dir, manifest.files.clusters)).clusters;
  console.log(`${dir}: ${clusters.length} clusters of ${clusters.flat().length} languages`);

  let model = folderModel;
  if (model.refiners === undefined || names.length > 1 || args.includes('--retrain')) {
    const texts = await trainingData(floresDir);
    const chosen = names.length === 1 ? names[0] : await tune(texts, clusters, names, manifest.modelText);
    console.log(`setting: ${chosen} ${JSON.stringify(SETTINGS[chosen])}`);
    if (args.includes('--tune-only')) return;
    const { trained, seconds } = await train(texts, clusters, SETTINGS[chosen], manifest.modelText);
    const bytes = trained.reduce((sum, refiner) => sum + refiner.weights.length, 0);
    console.log(`refiners: ${trained.length} trained in ${seconds.toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB`);
    const refiners = new ClusterRefiners(trained.map(refinerClassifier));
    const stage1 = FastTextClassifier.fromBytes(new Uint8Array(readFileSync(join(dir, manifest.files.weights))));
    model = new NgramLangIdModel(manifest, stage1, refiners);
  } else {
    console.log(`refiners: the folder's ${model.refiners.refiners.length} (${JSON.stringify(manifest.training.refiners)})`);
  }
  const { refiners } = model;

  const gold = await loadFloresSib(floresDir, { splits: ['dev'] });
  const raw = gold.map((g) => g.text);
  const before = model.predict(raw, { reject: false, refine: false });
  const after = model.predict(raw, { reject: false });
  const refineBelow = manifest.refineBelow ?? Number.POSITIVE_INFINITY;
  const routed = before.filter((p) => refiners.languages.includes(p.tag) && p.score < refineBelow).length;
  const [a, b] = [evaluate(gold, before).all, evaluate(gold, after).all];
  console.log(`FLORES-SIB dev, ${gold.length} sentences, best label; ${routed} (${((100 * routed) / gold.length).toFixed(1)}%) answered by a refiner`);
  console.log(`  accuracy ${a.accuracy.toFixed(4)} → ${b.accuracy.toFixed(4)}, macro-F1 ${a.macroF1.toFixed(4)} → ${b.macroF1.toFixed(4)}, ECE ${a.calibration.ece.toFixed(4)} → ${b.calibration.ece.toFixed(4)}`);
  clusterReport(gold, before, after, refiners);

  const rounds = Number(option('--rounds', '3'));
  const runs = { 'stage 1 alone': [model, { refine: false }], 'with refiners': [model, { refine: true }] };
  // Retrained over a folder that has refiners of its own: those run alternating too, for a fair ratio.
  if (model !== folderModel && folderModel.refiners) runs["with the folder's refiners"] = [folderModel, { refine: true }];
  const best = Object.fromEntries(Object.keys(runs).map((name) => [name, 0]));
  for (const [runner, options] of Object.values(runs)) for (const text of raw.slice(0, 2000)) runner.predict([text], options);
  for (let round = 0; round < rounds; round++) {
    for (const [name, [runner, options]] of Object.entries(runs)) {
      const start = cpuSeconds();
      for (const text of raw) runner.predict([text], options);
      best[name] = Math.max(best[name], raw.length / (cpuSeconds() - start));
    }
  }
  for (const [name, rate] of Object.entries(best)) console.log(`${name}: ${Math.round(rate)} sentences/CPU-s (best of ${rounds})`);
}

await main();

#!/usr/bin/env node
/**
 * How the cost of ntl's stage-1 n-gram model (fastText, trained in wasm and predicted by ntl's TypeScript
 * engine, packages/langid/src/ngram, with trainModel's default hyperparameters and quantization) grows with
 * the number of classes: training time, model size (dense .bin and the quantized .ftz that ships), peak memory
 * and prediction speed at 100, 500 and 1,500 classes.
 *
 *   npm run build && node bench/langid/scale.js [--classes 100,500,1500] [--train 100] [--test 30]
 *       [--flores DIR] [--hp '{"loss":"hs"}']
 *
 * Data: FLORES-SIB train sentences (205 real varieties). Classes beyond the real ones are synthesised: class
 * i ≥ 205 is language (i mod 205) written through a letter-substitution cipher (a seeded permutation of the
 * letters that language uses), so every synthetic class keeps a real language's word lengths, n-gram entropy
 * and script, but has n-gram statistics of its own. Every class gets the same number of training and test
 * sentences (--train, --test), so the training set grows linearly with the classes, as it does when users bring
 * seed data for more languages. Each size runs in a fresh child process, so peak RSS is that size's alone.
 * Timings are CPU seconds of the one-threaded process (fastText trains with thread = 1 here). This measures the
 * fastText core alone (trainFastText, quantizeFastText, FastTextClassifier), without temperature sampling,
 * held-out runs or the script pre-check that trainModel / NgramLangIdModel add.
 * Accuracy is top-1 over the size's own classes; ciphers are easier to tell apart than related real languages,
 * so read it as a sanity check, not as a LangID result.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadFloresSib } from '../../packages/langid/dist/seed/flores-sib.js';
import { seededRandom, shuffleInPlace } from '../../packages/langid/dist/seed/seeded-random.js';
import { modelText } from '../../packages/langid/dist/ngram/model-text.js';
import { trainFastText } from '../../packages/langid/dist/ngram/fasttext-train.js';
import { FastTextClassifier } from '../../packages/langid/dist/ngram/fasttext-classifier.js';
import { DEFAULT_QUANTIZE_OPTIONS, quantizeFastText } from '../../packages/langid/dist/ngram/quantize.js';
import { DEFAULT_HYPERPARAMETERS } from '../../packages/langid/dist/model/train-model.js';
import { DEFAULT_FLORES } from './datasets.js';
import { args, option, cpuSeconds } from '../options.js';

/** ntl's stage-1 defaults (trainModel's DEFAULT_HYPERPARAMETERS); --hp overrides any of them. */
const HYPERPARAMETERS = { ...DEFAULT_HYPERPARAMETERS, ...JSON.parse(option('--hp', '{}')) };

/** A seeded permutation of the letters a language uses, applied code point by code point. */
function cipher(texts, seed) {
  const letters = [...new Set(texts.flatMap((text) => Array.from(text).filter((char) => /\p{L}/u.test(char))))].sort();
  const shuffled = shuffleInPlace([...letters], seededRandom(seed));
  const map = new Map(letters.map((letter, i) => [letter, shuffled[i]]));
  return (text) => Array.from(text, (char) => map.get(char) ?? char).join('');
}

async function classData(count, perClassTrain, perClassTest) {
  const byTag = new Map();
  for (const { tag, text } of await loadFloresSib(option('--flores', DEFAULT_FLORES), { splits: ['train'] })) {
    const clean = modelText(text);
    if (clean === '') continue;
    if (!byTag.has(tag)) byTag.set(tag, []);
    byTag.get(tag).push(clean);
  }
  const real = [...byTag.keys()].sort();
  const classes = [];
  for (let i = 0; i < count; i++) {
    const base = real[i % real.length];
    const round = Math.floor(i / real.length);
    const texts = byTag.get(base).slice(0, perClassTrain + perClassTest);
    const encode = round === 0 ? (text) => text : cipher(texts, round * 1000 + (i % real.length));
    const label = round === 0 ? base : `syn${round}_${base}`;
    classes.push({ label, train: texts.slice(0, perClassTrain).map(encode), test: texts.slice(perClassTrain).map(encode) });
  }
  return classes;
}

/** Top-1 accuracy and one-core speed of a model's weights on the test sentences, after a 200-sentence warm-up. */
function predictionRun(weights, test) {
  const model = FastTextClassifier.fromBytes(weights);
  for (const { text } of test.slice(0, 200)) model.predict(text, 1);
  const start = cpuSeconds();
  let correct = 0;
  for (const { label, text } of test) if (model.predict(text, 1)[0]?.[0] === label) correct++;
  const seconds = cpuSeconds() - start;
  return { sentencesPerSecond: test.length / seconds, accuracy: correct / test.length };
}

async function runSize(count) {
  const perClassTrain = Number(option('--train', '100'));
  const perClassTest = Number(option('--test', '30'));
  const classes = await classData(count, perClassTrain, perClassTest);
  const lines = shuffleInPlace(
    classes.flatMap(({ label, train }) => train.map((text) => ({ tag: label, text }))),
    seededRandom(7),
  );
  const trainStart = cpuSeconds();
  const bytes = await trainFastText(lines, HYPERPARAMETERS);
  const trainSeconds = cpuSeconds() - trainStart;
  const quantizeStart = cpuSeconds();
  const ftz = quantizeFastText(bytes, DEFAULT_QUANTIZE_OPTIONS);
  const quantizeSeconds = cpuSeconds() - quantizeStart;
  const test = classes.flatMap(({ label, test: texts }) => texts.map((text) => ({ label, text })));
  const dense = predictionRun(bytes, test);
  const quantized = predictionRun(ftz, test);
  return {
    classes: count,
    trainSentences: lines.length,
    trainSeconds,
    quantizeSeconds,
    binMB: bytes.length / 1e6,
    ftzMB: ftz.length / 1e6,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    binSentencesPerSecond: dense.sentencesPerSecond,
    ftzSentencesPerSecond: quantized.sentencesPerSecond,
    binAccuracy: dense.accuracy,
    ftzAccuracy: quantized.accuracy,
  };
}

if (args[0] === '--child') {
  process.stdout.write(JSON.stringify(await runSize(Number(args[1]))));
} else {
  const sizes = option('--classes', '100,500,1500').split(',').map(Number);
  const passOn = args.filter((arg, i) => ['--train', '--test', '--flores', '--hp'].includes(arg) || ['--train', '--test', '--flores', '--hp'].includes(args[i - 1]));
  console.log(`hyperparameters: ${JSON.stringify(HYPERPARAMETERS)}\n`);
  console.log('| classes | train sentences | training (CPU s) | quantize (CPU s) | .bin MB | .ftz MB | peak RSS (MB) | predict .bin / .ftz (sent/s, 1 core) | test acc .bin / .ftz |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const size of sizes) {
    const output = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(size), ...passOn], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const r = JSON.parse(output);
    console.log(
      `| ${r.classes} | ${r.trainSentences.toLocaleString('en-US')} | ${r.trainSeconds.toFixed(1)} | ${r.quantizeSeconds.toFixed(1)} | ${r.binMB.toFixed(1)} | ${r.ftzMB.toFixed(2)} | ${Math.round(r.peakRssMB)} | ` +
        `${Math.round(r.binSentencesPerSecond).toLocaleString('en-US')} / ${Math.round(r.ftzSentencesPerSecond).toLocaleString('en-US')} | ${r.binAccuracy.toFixed(3)} / ${r.ftzAccuracy.toFixed(3)} |`,
    );
  }
}

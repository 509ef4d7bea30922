#!/usr/bin/env node
/**
 * Stage 1's prediction speed, before and after ntl's TypeScript fastText engine, in one process on the same
 * sentences: the fasttext.wasm.js runtime (WasmFastTextClassifier, how stage 1 predicted before) against the
 * TypeScript engine (FastTextClassifier, how it predicts now), on the same model file.
 *
 *   npm run build && node bench/langid/speed.js [--model DIR] [--flores DIR] [--rounds 3]
 *
 * Two rows per classifier:
 * - "classifier": the fastText model alone, k = 1, on sentences already normalised by modelText;
 * - "stage 1": NgramLangIdModel.predict, one sentence per call, on the raw sentences — normalisation, script
 *   pre-check, the model and the reject thresholds — with the same model.json; only the classifier differs.
 * Sentences: FLORES-SIB dev (all 205 varieties, `<tag>/dev.tsv` under --flores, default
 * ../shared/data/flores200-sib), else the held-out UDHR articles. Model: --model, else models/langid-full,
 * else the shipped models/langid-udhr. Speeds are sentences per CPU-second of this process (as compare.js),
 * each the best of --rounds rounds, the two classifiers alternating within a round so that load from other jobs
 * falls on both; a 2,000-sentence warm-up precedes the rounds. The run also counts sentences whose labels or
 * probabilities (beyond 1e-5) differ between the two, which must be 0.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FastTextClassifier } from '../../packages/langid/dist/ngram/fasttext-classifier.js';
import { WasmFastTextClassifier } from '../../packages/langid/dist/ngram/fasttext-wasm-classifier.js';
import { modelText } from '../../packages/langid/dist/ngram/model-text.js';
import { NgramLangIdModel } from '../../packages/langid/dist/model/ngram-model.js';
import { DEFAULT_FLORES, floresDev, udhrHeldOut } from './datasets.js';
import { option, cpuSeconds } from '../options.js';

const WARM_UP = 2000;

/** Sentences per CPU-second of `run` over every text. */
function measure(run, texts) {
  const start = cpuSeconds();
  for (const text of texts) run(text);
  return texts.length / (cpuSeconds() - start);
}

function sameTop(a, b) {
  return a.length === b.length && a.every(([tag, p], i) => tag === b[i][0] && Math.abs(p - b[i][1]) <= 1e-5);
}

async function main() {
  const dir = option('--model', ['models/langid-full', 'models/langid-udhr'].find((candidate) => existsSync(join(candidate, 'model.json'))));
  const manifest = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const weights = new Uint8Array(readFileSync(join(dir, manifest.files.weights)));
  const flores = option('--flores', DEFAULT_FLORES);
  const data = existsSync(flores) ? await floresDev(flores) : await udhrHeldOut({ fraction: 0.1, seed: 1 });
  const raw = data.sentences.map(({ text }) => text);
  const clean = raw.map((text) => modelText(text, manifest.modelText));
  const rounds = Number(option('--rounds', '3'));

  const ts = FastTextClassifier.fromBytes(weights);
  const wasm = await WasmFastTextClassifier.fromBytes(weights);
  const systems = [
    { name: 'fasttext.wasm.js (before)', classifier: wasm, stage1: new NgramLangIdModel(manifest, wasm) },
    { name: 'TypeScript engine (now)', classifier: ts, stage1: new NgramLangIdModel(manifest, ts) },
  ];
  let differ = 0;
  for (const text of clean) if (!sameTop(ts.predict(text, 5), wasm.predict(text, 5))) differ++;

  for (const system of systems) {
    system.runClassifier = (text) => system.classifier.predict(text, 1);
    system.runStage1 = (text) => system.stage1.predict([text]);
    for (const text of clean.slice(0, WARM_UP)) system.runClassifier(text);
    for (const text of raw.slice(0, WARM_UP)) system.runStage1(text);
    system.classifierRate = 0;
    system.stage1Rate = 0;
  }
  for (let round = 0; round < rounds; round++) {
    for (const system of systems) system.classifierRate = Math.max(system.classifierRate, measure(system.runClassifier, clean));
    for (const system of systems) system.stage1Rate = Math.max(system.stage1Rate, measure(system.runStage1, raw));
  }

  const rate = (value) => Math.round(value).toLocaleString('en-US');
  const [before, after] = systems;
  console.log(`model ${dir} (${manifest.languages.length} languages, ${(weights.length / 1e6).toFixed(1)} MB ${manifest.files.weights}); ${data.name}: ${raw.length} sentences; Node ${process.version}; best of ${rounds} rounds\n`);
  console.log('| stage 1 prediction | sent/s/core, classifier (k = 1) | sent/s/core, stage 1 (NgramLangIdModel) |');
  console.log('|---|---|---|');
  for (const system of systems) console.log(`| ${system.name} | ${rate(system.classifierRate)} | ${rate(system.stage1Rate)} |`);
  console.log(`| speed-up | ${(after.classifierRate / before.classifierRate).toFixed(2)}× | ${(after.stage1Rate / before.stage1Rate).toFixed(2)}× |`);
  console.log(`\nsentences whose top-5 labels or probabilities differ between the two: ${differ} of ${clean.length}`);
  wasm.dispose();
}

await main();

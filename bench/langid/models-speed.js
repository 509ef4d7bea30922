#!/usr/bin/env node
/**
 * NgramLangIdModel.predict speed of several model folders side by side, one raw sentence per call, stage 1 alone
 * and with each folder's cluster refiners: e.g. a folder trained with more epochs against the preset's, or naive
 * Bayes refiners against fastText ones.
 *
 *   npm run build && node bench/langid/models-speed.js --models DIR_A,DIR_B [--flores DIR] [--rounds 5]
 *
 * Sentences: FLORES-SIB dev (all 205 varieties). Speeds are sentences per CPU-second of this process, each the
 * best of --rounds rounds in which every folder and setting runs once in turn, so that load from other jobs falls
 * on all of them alike (compare the ratios, not the absolute figures, across runs); a 2,000-sentence warm-up per
 * folder and setting precedes the rounds. Also prints each folder's best-label accuracy, with and without
 * refiners, on the same sentences.
 */
import { loadLangIdModel } from '../../packages/langid/dist/model/model-folder.js';
import { DEFAULT_FLORES, floresDev } from './datasets.js';
import { option, cpuSeconds } from '../options.js';

const WARM_UP = 2000;

async function main() {
  const dirs = option('--models', '').split(',').filter(Boolean);
  if (dirs.length === 0) throw new Error('pass --models DIR_A,DIR_B');
  const { sentences } = await floresDev(option('--flores', DEFAULT_FLORES));
  const raw = sentences.map(({ text }) => text);
  const rounds = Number(option('--rounds', '5'));
  const runs = [];
  for (const dir of dirs) {
    const model = await loadLangIdModel(dir);
    const settings = model.refiners ? [false, true] : [false];
    for (const refine of settings) {
      const correct = model.predict(raw, { reject: false, refine }).filter((p, i) => p.tag === sentences[i].tag).length;
      runs.push({ name: `${dir}${refine ? ' + refiners' : ''}`, model, refine, accuracy: correct / raw.length, rate: 0 });
    }
  }
  for (const run of runs) for (const text of raw.slice(0, WARM_UP)) run.model.predict([text], { refine: run.refine });
  for (let round = 0; round < rounds; round++) {
    for (const run of runs) {
      const start = cpuSeconds();
      for (const text of raw) run.model.predict([text], { refine: run.refine });
      run.rate = Math.max(run.rate, raw.length / (cpuSeconds() - start));
    }
  }
  const first = runs[0].rate;
  console.log(`FLORES-SIB dev, ${raw.length} sentences; Node ${process.version}; best of ${rounds} rounds\n`);
  console.log('| model | accuracy (best label) | sentences/CPU-s | ratio to the first row |');
  console.log('|---|---|---|---|');
  for (const run of runs) console.log(`| ${run.name} | ${run.accuracy.toFixed(4)} | ${Math.round(run.rate).toLocaleString('en-US')} | ${(run.rate / first).toFixed(3)} |`);
}

await main();

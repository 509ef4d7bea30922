#!/usr/bin/env node
/**
 * ntl's LangID model against lid.176 (fastText), CLD2, CLD3 and franc-all, in one run, on FLORES-SIB dev and
 * held-out UDHR. Every label goes through the tag registry (packages/langid/src/eval/label-match.ts).
 *
 *   npm run build && node bench/langid/compare.js [--model DIR] [--classifier FILE.js] [--peers lid.176,cld2,cld3,franc-all]
 *       [--flores DIR] [--udhr-heldout 0.1] [--udhr-seed 1] [--datasets flores,udhr] [--out DIR]
 *
 * ntl's model is loaded from --model, else models/langid-full, else models/langid-udhr, with @ntl/langid's
 * loadLangIdModel. A fair comparison needs weights that never saw the test sets: `trainModel` refits on its
 * held-out texts by default, so build the bench model with `refit: false` (the row is labelled "ntl (refit)"
 * and a warning printed otherwise). --classifier adds any SentenceClassifier: an ES module exporting `name` and
 * `async function load()` that returns one.
 *
 * Columns: accuracy and macro-F1 over all gold sentences (macro mode `nested`: a peer's macrolanguage label
 * counts on its members); the same over the gold languages the system supports ("sup."); strict accuracy
 * (macro mode `no`); mean false-positive rate; und rate; speed: texts are predicted one call after another on
 * the main thread (CLD2's binding runs each call on a pool thread, awaited one at a time), after a 200-sentence
 * warm-up; "sent/s/core" divides by the process's CPU seconds (all its threads), which stays meaningful on a
 * shared machine, "sent/s wall" by elapsed time. --out writes each evaluation as JSON + HTML (eval report) and
 * its confusable clusters (clusters/confusable-clusters.ts, default threshold).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { evaluate } from '../../packages/langid/dist/eval/evaluate.js';
import { renderEvalReport } from '../../packages/langid/dist/eval/eval-report.js';
import { modelFolderIdentity } from '../../packages/langid/dist/eval/model-identity.js';
import { loadPeers, PEER_NAMES } from '../../packages/langid/dist/peers/load-peers.js';
import { confusableClusters, writeClusters } from '../../packages/langid/dist/clusters/confusable-clusters.js';
import { writeFileAtomic, writeJsonAtomic } from '../../packages/core/dist/index.js';
import { floresDev, udhrHeldOut } from './datasets.js';
import { option } from '../options.js';

const BATCH = 1000;
const WARM_UP = 200;

/** ntl's model through the model engineer's loader; undefined (with the reason printed) when there is none yet. */
async function loadNtl() {
  const dir = option('--model', ['models/langid-full', 'models/langid-udhr'].find((candidate) => existsSync(candidate)));
  if (dir === undefined) return { skipped: 'no model folder (models/langid-full or models/langid-udhr; pass --model DIR)' };
  const { loadLangIdModel } = await import('../../packages/langid/dist/model/model-folder.js');
  const model = await loadLangIdModel(dir);
  // trainModel refits the shipped weights on its held-out texts too (FLORES dev and 10% of UDHR articles for the
  // full preset): such a model has seen these test sets. Build one with refit: false to benchmark it.
  const training = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')).training ?? {};
  if (training.refit) console.log(`ntl: WARNING ${dir} was refit on its held-out data (${training.heldOut ?? 'held-out split'}); its scores on those sets are not held-out`);
  return { system: { name: training.refit ? 'ntl (refit)' : 'ntl', identity: modelFolderIdentity(dir), languages: model.languages, predict: async (texts) => model.predict(texts) } };
}

/** Any SentenceClassifier from a module (`export const name`, `export async function load()`). */
async function loadClassifierModule(file) {
  const module = await import(new URL(file, `file://${process.cwd()}/`).href);
  const classifier = await module.load();
  const name = module.name ?? file;
  return { name, identity: { name, hash: 'module' }, languages: classifier.languages, predict: async (texts) => classifier.predict(texts) };
}

async function predictTimed(system, texts) {
  await system.predict(texts.slice(0, WARM_UP));
  const predictions = [];
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let at = 0; at < texts.length; at += BATCH) predictions.push(...(await system.predict(texts.slice(at, at + BATCH))));
  const seconds = (performance.now() - start) / 1000;
  const { user, system: sys } = process.cpuUsage(cpu);
  return { predictions, seconds, cpuSeconds: (user + sys) / 1e6 };
}

const fixed = (value, digits = 3) => value.toFixed(digits);
const rate = (count, seconds) => Math.round(count / seconds).toLocaleString('en-US');

async function main() {
  const peerNames = option('--peers', PEER_NAMES.join(',')).split(',').filter(Boolean);
  const datasetNames = option('--datasets', 'flores,udhr').split(',');
  const out = option('--out', undefined);
  const systems = [];
  const ntl = await loadNtl();
  if (ntl.system) systems.push(ntl.system);
  else console.log(`ntl: skipped — ${ntl.skipped}`);
  const classifierFile = option('--classifier', undefined);
  if (classifierFile) systems.push(await loadClassifierModule(classifierFile));
  const { peers, missing } = await loadPeers(peerNames);
  for (const { name, reason } of missing) console.log(`${name}: skipped — ${reason}`);
  for (const peer of peers) systems.push({ name: peer.name, identity: { name: peer.name, hash: peer.version.replace('@', '-') }, languages: peer.languages, predict: (texts) => peer.predict(texts) });

  const datasets = [];
  if (datasetNames.includes('flores')) datasets.push(await floresDev(option('--flores', undefined)));
  if (datasetNames.includes('udhr')) datasets.push(await udhrHeldOut({ fraction: Number(option('--udhr-heldout', '0.1')), seed: Number(option('--udhr-seed', '1')) }));

  const results = [];
  for (const data of datasets) {
    const texts = data.sentences.map(({ text }) => text);
    const languages = new Set(data.sentences.map(({ tag }) => tag)).size;
    console.log(`\n### ${data.name}: ${texts.length} sentences, ${languages} languages\n`);
    console.log('| system | acc | macro-F1 | acc (sup.) | macro-F1 (sup.) | sup. langs | strict acc | mean FPR | und | sent/s/core | sent/s wall |');
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    for (const system of systems) {
      const { predictions, seconds, cpuSeconds } = await predictTimed(system, texts);
      const settings = { model: system.identity, data: data.identity, supportedLanguages: system.languages };
      const result = evaluate(data.sentences, predictions, settings);
      const strict = evaluate(data.sentences, predictions, { ...settings, macro: 'no' });
      const sup = result.supportedOnly;
      console.log(
        `| ${system.name} | ${fixed(result.all.accuracy)} | ${fixed(result.all.macroF1)} | ${fixed(sup.accuracy)} | ${fixed(sup.macroF1)} | ${sup.languages} | ` +
          `${fixed(strict.all.accuracy)} | ${fixed(result.all.meanFpr, 5)} | ${fixed(result.all.undRate)} | ${rate(texts.length, cpuSeconds)} | ${rate(texts.length, seconds)} |`,
      );
      results.push({ data: data.name, system: system.name, seconds, cpuSeconds, sentencesPerCpuSecond: texts.length / cpuSeconds, strictAccuracy: strict.all.accuracy, result });
      if (out) {
        const base = join(out, `${data.name}-${system.name}`);
        writeJsonAtomic(`${base}.json`, result);
        writeFileAtomic(`${base}.html`, renderEvalReport(result));
        writeClusters(`${base}-clusters.json`, confusableClusters(result.all, { signature: result.signature }));
      }
    }
    console.log('\nSignatures:');
    for (const { system, result } of results.filter((entry) => entry.data === data.name)) console.log(`- ${system}: \`${result.signature}\``);
  }
  if (out) writeJsonAtomic(join(out, 'compare.json'), results.map(({ result, ...rest }) => ({ ...rest, signature: result.signature, all: { ...result.all, perLanguage: undefined, confusions: result.all.confusions.slice(0, 50) } })));
  for (const peer of peers) peer.dispose();
}

await main();

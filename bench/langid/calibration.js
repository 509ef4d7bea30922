#!/usr/bin/env node
/**
 * Does temperature scaling calibrate ntl's scores? Predicts FLORES-SIB dev with top-5, fits one temperature on
 * half of the sentences (split by FLORES index_id, so translations stay on one side) and reports ECE (15 bins)
 * and NLL on the other half before and after.
 *
 *   npm run build && node bench/langid/calibration.js --model DIR [--flores DIR]
 *
 * Use a model whose weights never saw FLORES dev (built with refit: false; see README.md). Undetermined answers
 * (und_Zyyy) are left out: their score is a rejection, not a label's probability.
 */
import { sameLanguage } from '../../packages/core/dist/index.js';
import { loadLangIdModel } from '../../packages/langid/dist/model/model-folder.js';
import { calibratePrediction, temperatureSample } from '../../packages/langid/dist/calibration/prediction-temperature.js';
import { expectedCalibrationError } from '../../packages/langid/dist/calibration/reliability.js';
import { applyTemperature, fitTemperature } from '../../packages/langid/dist/calibration/temperature.js';
import { isHeldOut } from '../../packages/langid/dist/seed/split.js';
import { floresDev } from './datasets.js';
import { option } from '../options.js';

const dir = option('--model', undefined);
if (!dir) throw new Error('pass --model DIR (a model built with refit: false)');
const model = await loadLangIdModel(dir);
const data = await floresDev(option('--flores', undefined));
const predictions = model.predict(
  data.sentences.map(({ text }) => text),
  { k: 5 },
);
const rows = data.sentences
  .map((gold, i) => ({ gold, prediction: predictions[i] }))
  .filter(({ prediction }) => prediction.tag !== 'und_Zyyy' && prediction.top.length > 0);
const isGold = (gold) => (tag) => sameLanguage(tag, gold.tag);
const fitRows = rows.filter(({ gold }) => isHeldOut(gold.docId, { heldOutFraction: 0.5, seed: 3 }));
const testRows = rows.filter(({ gold }) => !isHeldOut(gold.docId, { heldOutFraction: 0.5, seed: 3 }));

const samples = fitRows.map(({ gold, prediction }) => temperatureSample(prediction, isGold(gold)));
const fit = fitTemperature(
  samples.map((sample) => sample.logits),
  samples.map((sample) => sample.target),
);

function scores(temperature) {
  const confidences = [];
  const correct = [];
  let nll = 0;
  for (const { gold, prediction } of testRows) {
    const calibrated = calibratePrediction(prediction, temperature);
    confidences.push(calibrated.score);
    correct.push(sameLanguage(prediction.tag, gold.tag));
    const sample = temperatureSample(prediction, isGold(gold));
    nll -= Math.log(applyTemperature(sample.logits, temperature)[sample.target]);
  }
  return { ece: expectedCalibrationError(confidences, correct), nll: nll / testRows.length };
}

const before = scores(1);
const after = scores(fit.temperature);
console.log(`model ${dir}; FLORES-SIB dev, determined answers: fit on ${fitRows.length}, tested on ${testRows.length}`);
console.log(`temperature ${fit.temperature.toFixed(3)} (fit NLL ${fit.nllBefore.toFixed(4)} → ${fit.nllAfter.toFixed(4)})`);
console.log('| | ECE (15 bins) | NLL |');
console.log('|---|---|---|');
console.log(`| T = 1 | ${before.ece.toFixed(4)} | ${before.nll.toFixed(4)} |`);
console.log(`| T = ${fit.temperature.toFixed(3)} | ${after.ece.toFixed(4)} | ${after.nll.toFixed(4)} |`);
model.dispose();

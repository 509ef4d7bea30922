/** `ntl langid train|predict|eval`. */
import type { Command } from 'commander';
import { registerLangIdEval } from './eval.js';
import { registerLangIdPredict } from './predict.js';
import { registerLangIdTrain } from './train.js';

export function registerLangIdCommand(program: Command): void {
  const langid = program.command('langid').description('Language identification: train models, predict, evaluate.');
  registerLangIdTrain(langid);
  registerLangIdPredict(langid);
  registerLangIdEval(langid);
}

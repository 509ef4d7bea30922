/** `ntl filter wordlists|calibrate|tfiif|eval|dropped`. */
import type { Command } from 'commander';
import { registerFilterEvalCommand } from './eval.js';
import { registerFilterCalibrate } from './calibrate.js';
import { registerFilterDroppedCommand } from './dropped.js';
import { registerFilterTfIif } from './tfiif.js';
import { registerFilterWordlists } from './wordlists.js';

export function registerFilterCommand(program: Command): void {
  const filter = program.command('filter').description("The paper's data-driven filters: wordlists, calibrated thresholds, Tf-IIf tables, precision of a corpus, what a run dropped.");
  registerFilterWordlists(filter);
  registerFilterCalibrate(filter);
  registerFilterTfIif(filter);
  registerFilterEvalCommand(filter);
  registerFilterDroppedCommand(filter);
}

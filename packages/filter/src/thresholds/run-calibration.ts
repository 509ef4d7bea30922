/**
 * OpusFilter-style thresholds from a crawl (`ntl filter calibrate --run DIR`): the scores that an annotate-mode
 * run left in its records (`meta.filters`, corpus and dropped documents alike) are sampled per language, and each
 * threshold becomes that language's percentile (calibrate.ts, direction `percentile`).
 */
import { join } from 'node:path';
import type { Doc } from '@ntl/core';
import { EvaluationInputError, partFiles, readGzipJsonl, requireFolder } from '../evaluation/run-output.js';
import type { FilterStepDefinition } from '../filter-step/define-filter.js';
import { calibrateFilters, type FilterCalibrationOptions } from './calibrate.js';
import { ScoreSampler } from './score-sampler.js';
import type { ThresholdsFile } from './thresholds-file.js';

/** Whole documents of a run (corpus records and dropped documents; dropped sentences carry no scores). */
async function* runDocuments(runDir: string): AsyncGenerator<Doc> {
  for (const base of ['corpus', 'dropped']) {
    for (const part of partFiles(join(runDir, base))) {
      for await (const { value } of readGzipJsonl(part.path)) {
        if (typeof value['id'] === 'string' && typeof value['meta'] === 'object') yield value as unknown as Doc;
      }
    }
  }
}

export async function calibrateOnRun(runDir: string, steps: readonly FilterStepDefinition[], options: Omit<FilterCalibrationOptions, 'direction'> = {}): Promise<ThresholdsFile> {
  requireFolder(runDir, 'run output folder');
  const sampler = new ScoreSampler();
  let documents = 0;
  for await (const doc of runDocuments(runDir)) {
    sampler.add(doc);
    documents++;
  }
  if (documents === 0) throw new EvaluationInputError(runDir, `${runDir}: no documents under corpus/ or dropped/ (is it the output folder of ntl run?)`);
  const samples = sampler.samples();
  if (samples.size === 0) throw new EvaluationInputError(runDir, `${runDir}: no filter scores in its records: run the pipeline with the filters in "mode": "annotate" (pipelines/filter-ablation.json)`);
  return calibrateFilters(samples, steps, { ...options, direction: 'percentile' });
}

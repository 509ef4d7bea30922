/**
 * Which model folder to use when none is named: `models/langid-full` when it has been built, else the
 * shipped `models/langid-udhr` (core's findModel: under the working directory, then the repository).
 */
import { dirname, join } from 'node:path';
import { findModel, modelCandidates } from '@ntl/core';
import { MODEL_FILE } from './manifest.js';

export const DEFAULT_MODEL_NAMES = ['langid-full', 'langid-udhr'] as const;

/** Candidate folders in order of preference. */
export function defaultModelCandidates(cwd = process.cwd()): string[] {
  return modelCandidates(DEFAULT_MODEL_NAMES, cwd);
}

/** The first candidate with a model.json; the shipped udhr folder (which then fails to load with a clear error) when none has. */
export function defaultModelDir(cwd = process.cwd()): string {
  return dirname(findModel(DEFAULT_MODEL_NAMES.map((name) => join(name, MODEL_FILE)), cwd));
}

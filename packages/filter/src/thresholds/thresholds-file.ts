/**
 * The thresholds file `calibrateThresholds` results are written to and filter steps read with
 * `thresholds: <path>`: per filter step and threshold, the per-language values and how they were derived.
 */
import { readFileSync } from 'node:fs';
import { writeJsonAtomic } from '@ntl/core';

export const THRESHOLDS_KIND = 'ntl-filter-thresholds';
export const THRESHOLDS_VERSION = 1;

export interface CalibratedThreshold {
  readonly bound: 'min' | 'max';
  /** Share of each language's units the threshold excludes (the lower tail for `min`, the upper for `max`). */
  readonly excluded: number;
  readonly minSamples: number;
  /** The global value, used for every language not in `perLanguage`. */
  readonly default: number;
  readonly perLanguage: Record<string, number>;
  /** Scores seen per language, the ones below minSamples included. */
  readonly samples: Record<string, number>;
  /** Languages with fewer than minSamples scores: they keep the global default. */
  readonly fallback: string[];
}

export interface ThresholdsFile {
  readonly kind: typeof THRESHOLDS_KIND;
  readonly version: number;
  /** Step name (`filter.wordlist`) → threshold name (`minShare`) → calibration. */
  readonly filters: Record<string, Record<string, CalibratedThreshold>>;
}

export class ThresholdsFileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'ThresholdsFileError';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function writeThresholdsFile(path: string, file: ThresholdsFile): void {
  writeJsonAtomic(path, file);
}

/** Reads and checks the file's shape; the values' ranges are checked by each filter against its own thresholds. */
export function readThresholdsFile(path: string): ThresholdsFile {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ThresholdsFileError(path, `cannot read a thresholds file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (!isObject(value) || value['kind'] !== THRESHOLDS_KIND) throw new ThresholdsFileError(path, `not a thresholds file (expected "kind": "${THRESHOLDS_KIND}"; write it with calibrateThresholds)`);
  if (value['version'] !== THRESHOLDS_VERSION) throw new ThresholdsFileError(path, `version ${String(value['version'])} is not supported (expected ${THRESHOLDS_VERSION})`);
  const filters = value['filters'];
  if (!isObject(filters)) throw new ThresholdsFileError(path, 'field "filters": expected an object');
  for (const [step, thresholds] of Object.entries(filters)) {
    if (!isObject(thresholds)) throw new ThresholdsFileError(path, `field "filters.${step}": expected an object`);
    for (const [name, entry] of Object.entries(thresholds)) {
      if (!isObject(entry) || !isObject(entry['perLanguage'])) throw new ThresholdsFileError(path, `field "filters.${step}.${name}.perLanguage": expected an object of tag → number`);
    }
  }
  return value as unknown as ThresholdsFile;
}

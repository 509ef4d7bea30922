/**
 * The thresholds file every filter reads when its `thresholds` option is empty: the per-language values
 * calibrated on clean seed text (`ntl filter calibrate --seed`; shipped: models/filter-thresholds-udhr.json,
 * preferred after a models/filter-thresholds-full.json), so the English-made defaults do not drop clean
 * text of languages that write otherwise. Undefined when none exists.
 */
import { findOptionalModel } from '@ntl/core';

export const DEFAULT_THRESHOLDS_NAMES = ['filter-thresholds-full.json', 'filter-thresholds-udhr.json'] as const;

export function defaultThresholdsFile(cwd = process.cwd()): string | undefined {
  return findOptionalModel(DEFAULT_THRESHOLDS_NAMES, cwd);
}

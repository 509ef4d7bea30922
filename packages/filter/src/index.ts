/** @ntl/filter: the paper's data-driven filters (§2.1), thresholds, corpus audit and the synthetic noisy crawl. */
export {
  defineFilter,
  Skip,
  type FilterDefinition,
  type FilterLevel,
  type FilterOptionSchema,
  type FilterStepDefinition,
  type FilterStepInfo,
  type FilterUnit,
  type LevelChoice,
  type Scorer,
} from './filter-step/define-filter.js';
export { accept, checkThreshold, type Scores, type ThresholdSchema, type ThresholdSpec } from './filter-step/threshold-spec.js';
export { filterRecord, isScored, scoredUnits, type FilterRecord, type ScoredUnit, type SkippedUnit, type UnitRecord } from './filter-step/filter-record.js';
export { LanguageThresholds, parsePerLanguage, thresholdsFromFile } from './filter-step/language-thresholds.js';
export { tokenSpans, wordTokens, type SpacelessUnit, type TokenOptions, type TokenSpan } from './tokens/word-tokens.js';
export { buildWordlists, DEFAULT_WORDLIST_OPTIONS, type WordlistOptions } from './wordlist/build-wordlists.js';
export { loadWordlists, saveWordlists, WordlistFolderError } from './wordlist/wordlist-files.js';
export { wordlistFilter } from './wordlist/wordlist-filter.js';
export { defaultWordlistDir, DEFAULT_WORDLIST_NAMES } from './wordlist/default-wordlists.js';
export { computeTfIif, DEFAULT_TFIIF_OPTIONS, type TfIifOptions } from './tf-iif/compute-tf-iif.js';
export { readTfIifTable, writeTfIifTable, TfIifFileError, TFIIF_KIND, TFIIF_VERSION, type TfIifLanguage, type TfIifTable, type TfIifToken } from './tf-iif/tf-iif-table.js';
export { CountMinSketch } from './tf-iif/count-min-sketch.js';
export { FrequentItems } from './tf-iif/frequent-items.js';
export { tfIifFilter } from './tf-iif/tf-iif-filter.js';
export { consistencyFilter } from './consistency/consistency-filter.js';
export { expectedScripts } from './script/expected-scripts.js';
export { scriptFilter } from './script/script-filter.js';
export { textMeasures } from './heuristics/text-measures.js';
export { heuristicsFilter } from './heuristics/heuristics-filter.js';
export { repetitionMeasures } from './repetition/repetition-measures.js';
export { repetitionFilter } from './repetition/repetition-filter.js';
export { DEFAULT_BLOCKLIST } from './blocklist/default-blocklist.js';
export { blocklistFilter } from './blocklist/blocklist-filter.js';
export { calibrateFilters, calibrateThresholds, quantile, DEFAULT_EXCLUDED, DEFAULT_MIN_SAMPLES, type CalibrationOptions, type FilterCalibrationOptions } from './thresholds/calibrate.js';
export { calibrateOnSeed, seedDocuments, SEED_CALIBRATED, SEED_DOCUMENT_CHARS, SEED_EXCLUDED, SEED_MIN_SAMPLES, type SeedCalibrationOptions, type SeedText } from './thresholds/seed-calibration.js';
export { calibrateOnRun } from './thresholds/run-calibration.js';
export { defaultThresholdsFile, DEFAULT_THRESHOLDS_NAMES } from './thresholds/default-thresholds.js';
export { ScoreSampler, DEFAULT_SAMPLE_SIZE, type ScoreSamples } from './thresholds/score-sampler.js';
export { readThresholdsFile, writeThresholdsFile, ThresholdsFileError, THRESHOLDS_KIND, THRESHOLDS_VERSION, type CalibratedThreshold, type ThresholdsFile } from './thresholds/thresholds-file.js';
export { filterSteps } from './filter-steps.js';
export * from './synth/index.js';
export * from './evaluation/index.js';

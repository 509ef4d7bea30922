/** Measured precision and recall of a run's corpora against a synthetic crawl's truth, and the filter ablation; docs/filters.md. */
export { evaluateRun, EVALUATION_VERSION, type EvaluateRunOptions, type RunEvaluation, type ConfigurationResult } from './evaluate-run.js';
export { formatDrops, formatEvaluation } from './format-evaluation.js';
export { DEFAULT_MIN_SENTENCES, median, summarizeLanguages, LanguageTally, type LanguageResult, type LanguageSummary } from './language-scores.js';
export { ablationConfigurations, appliedDrops, AS_WRITTEN, LANGID_ONLY, ALL_FILTERS, type Configuration, type AppliedDrops } from './configurations.js';
export { loadTruthIndex, evaluationLanguage, type TruthIndex } from './truth-index.js';
export { languageMatch, type LanguageMatch } from './language-match.js';
export { passCorpus, type CorpusPass, type CorpusPassOptions } from './corpus-pass.js';
export { tallyDropped, type DropTally } from './dropped-units.js';
export { EvaluationInputError, partFiles, readGzipJsonl, type PartFile, type JsonLine } from './run-output.js';
export { droppedSamples, formatDroppedSamples, type DroppedGroup, type DroppedSample, type DroppedSelection } from './dropped-samples.js';

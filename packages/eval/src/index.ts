// Metrics computed exactly as sacrebleu 2.6.0 computes them (BLEU, chrF/chrF++, TER), its
// statistical tests (paired bootstrap, approximate randomization) and its output formats.

export { corpusBleu, sentenceBleu, corpusChrf, sentenceChrf, corpusTer, sentenceTer, corpusScore } from './scoring.js';
export type { ConfidenceOptions } from './scoring.js';
export { scoreSentence as sentenceScore, ScoringInputError } from './metrics/metric.js';
export type { Metric, Score, ReferenceStreams } from './metrics/metric.js';
export { Bleu, SMOOTH_DEFAULTS } from './metrics/bleu.js';
export type { BleuOptions, BleuScore, SmoothMethod } from './metrics/bleu.js';
export { Chrf, chrfWords } from './metrics/chrf.js';
export type { ChrfOptions, ChrfScore } from './metrics/chrf.js';
export { Ter } from './metrics/ter.js';
export type { TerOptions, TerScore } from './metrics/ter.js';
export { Signature, SACREBLEU_VERSION } from './metrics/signature.js';
export type { SignatureField } from './metrics/signature.js';

export { tokenize13a } from './tokenizers/tokenizer-13a.js';
export { tokenizeIntl } from './tokenizers/tokenizer-intl.js';
export { tokenizeChar } from './tokenizers/tokenizer-char.js';
export { tokenizeTercom } from './tokenizers/tercom-tokenizer.js';
export type { TercomOptions } from './tokenizers/tercom-tokenizer.js';
export { BLEU_TOKENIZERS, UnsupportedTokenizerError, bleuTokenizer, isBleuTokenizerName } from './tokenizers/bleu-tokenizers.js';
export type { BleuTokenizerName } from './tokenizers/bleu-tokenizers.js';

export { pairedBootstrap, pairedApproxRandomization } from './significance/paired-tests.js';
export type { NamedSystem, PairedTestOptions, ApproxRandomizationOptions, PairedResult, PairedMetricResults, PairedTestResult } from './significance/paired-tests.js';
export { DEFAULT_SEED } from './significance/bootstrap.js';
export { NumpyGenerator } from './random/numpy-generator.js';

export { formatScore, formatSingleResults } from './format/score-format.js';
export type { ScoreFormatOptions } from './format/score-format.js';
export { formatPairedResults } from './format/paired-format.js';
export type { PairedFormatOptions } from './format/paired-format.js';

export { SegmentFileError, decodeSegments, readSegmentFile, checkSegmentCounts, splitTabbedReferences } from './io/segment-files.js';
export type { NamedSegments } from './io/segment-files.js';

// Error-mode detectors, RTTLangIDChrF and their reports (issue 5; docs/eval-errors.md).
export { ERROR_MODES, SEVERITIES } from './errors/flag.js';
export type { ErrorMode, Severity, Span, Flag } from './errors/flag.js';
export type { ErrorItem } from './errors/error-item.js';
export { detectErrors, resolveErrorOptions, DETECTOR_DEFAULTS } from './errors/detect-errors.js';
export type { ErrorOptions, ResolvedErrorOptions, DetectorSettings, DetectContext } from './errors/detect-errors.js';
export { analyseErrors, errorSignature, corpusVocabularies } from './errors/analyse-errors.js';
export type { Vocabularies } from './errors/named-entities.js';
export type { AnalyseExtras, ErrorAnalysis, ErrorSummary, FlagCounts, ItemFlags } from './errors/analyse-errors.js';
export type { TranslateFn } from './errors/period-trick.js';
export { runErrorAnalysis, flagsJsonl } from './errors/run-error-analysis.js';
export type { ErrorAnalysisRun, ErrorAnalysisFiles } from './errors/run-error-analysis.js';
export { loadTermLists, parseTermList, TermListError } from './errors/term-lists.js';
export type { TermLists } from './errors/term-lists.js';
export { digitValue, asciiDigits, hanNumeralValue, romanNumeralValue } from './errors/numerals.js';
export { findNumbers } from './errors/numbers.js';
export type { NumberToken } from './errors/numbers.js';
export { rttLangIdChrf, rttSignature, RttInputError } from './rtt/rtt-langid-chrf.js';
export type { RttItem, RttOptions, RttResult, RttAggregate, RttSentence, RttVariant } from './rtt/rtt-langid-chrf.js';
export { runRttLangIdChrf } from './rtt/run-rtt.js';
export type { RttRun } from './rtt/run-rtt.js';
export type { LanguageClassifier, LanguagePrediction } from './rtt/language-classifier.js';
export { renderErrorReport } from './report/error-report.js';
export type { ErrorReportOptions } from './report/error-report.js';
export { EVAL_VERSION } from './report/eval-version.js';

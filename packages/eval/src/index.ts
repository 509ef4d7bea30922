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

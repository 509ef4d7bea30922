export type { LangPrediction, PredictOptions, SentenceClassifier } from './prediction.js';
export type { LabeledText } from './seed/labeled-text.js';
export { loadUdhr, udhrDeclarations, udhrTag, type UdhrOptions, type UdhrDeclaration } from './seed/udhr.js';
export { loadFloresSib, type FloresOptions } from './seed/flores-sib.js';
export { readTaggedLines, loadTaggedLines } from './seed/tagged-lines.js';
export { loadLanguageFolder } from './seed/language-files.js';
export { loadVerseFile, loadVerseFolder } from './seed/verses.js';
export { SeedFormatError } from './seed/seed-error.js';
export { parseSeedSource, loadSeedSource, loadSeedSources, SEED_KINDS, type SeedKind, type SeedSource } from './seed/seed-source.js';
export { tagForText } from './seed/text-tag.js';
export { alignLabels, alignedTag } from './seed/align-labels.js';
export { splitByDocument, isHeldOut, type SplitOptions } from './seed/split.js';
export { seededRandom, shuffleInPlace, hashToUnit } from './seed/seeded-random.js';
export { temperatureSample as temperatureSampleTexts, temperatureShares, temperatureTargets, DEFAULT_TEMPERATURE, type TemperatureOptions as SamplingTemperatureOptions } from './seed/temperature.js';
export { modelText, DEFAULT_MODEL_TEXT_OPTIONS, type ModelTextOptions } from './ngram/model-text.js';
export { chooseThresholds, DEFAULT_THRESHOLD_OPTIONS, type ThresholdOptions, type ScoredPrediction } from './ngram/thresholds.js';
export { quantizeFastText, DEFAULT_QUANTIZE_OPTIONS, type QuantizeOptions } from './ngram/quantize.js';
export { readFastText, writeFastText, FastTextFormatError } from './ngram/fasttext-format.js';
export { FastTextInference, ALL_LABELS } from './ngram/fasttext-inference.js';
export { FastTextClassifier, labelTag, type TagClassifier } from './ngram/fasttext-classifier.js';
export { WasmFastTextClassifier } from './ngram/fasttext-wasm-classifier.js';
export { fastTextHash } from './ngram/fasttext-dictionary.js';
export type { FastTextHyperparameters } from './ngram/fasttext-train.js';
export { precheck, letterScripts, DEFAULT_MIXED_SHARE, type PrecheckResult } from './script-precheck/precheck.js';
export { ScriptIndex, codePointScripts } from './script-precheck/script-index.js';
export { NgramLangIdModel, type NgramPrediction } from './model/ngram-model.js';
export { loadLangIdModel, saveModel, modelClustersFile, refinerFile, REFINERS_DIR, type LoadModelOptions } from './model/model-folder.js';
export { ModelLoadError, rebuildCommand, PRESETS, type PresetName } from './model/model-error.js';
export { MODEL_KIND, MODEL_VERSION, type LangIdModelManifest } from './model/manifest.js';
export { trainModel, CLUSTERS_FILE, DEFAULT_HELD_OUT_FRACTION, DEFAULT_HYPERPARAMETERS, DEFAULT_MAX_CHARS, type TrainModelOptions, type TrainedModel } from './model/train-model.js';
export type { HeldOutMetrics } from './model/held-out-metrics.js';
export { trainPreset, defaultSharedDataDir, FULL_PRESET_EPOCHS, type PresetOptions } from './model/presets.js';
export { defaultModelDir, defaultModelCandidates } from './model/default-model.js';
export { splitSentences, type TextSpan } from './detect/sentences.js';
export { predictSentences, predictDocument, type DocumentPrediction, type DocumentOptions, type SentencePrediction } from './detect/predict.js';
export { detectStep, detectDocument, type DetectOptions } from './detect/detect-step.js'; 
export { evaluate, type EvaluateOptions, type EvalResult, type GoldSentence } from './eval/evaluate.js';
export { computeMetrics, lowRecallLanguages, type EvalMetrics, type LanguageMetrics, type ConfusionCount, type ScoredRow } from './eval/metrics.js';
export { labelResolver, DEFAULT_MACRO_MODE, MACRO_MODES, type MacroMode, type LabelResolver } from './eval/label-match.js';
export { evalSignature, dataIdentity, LANGID_VERSION, type Identity, type EvalLevel, type SignatureFields } from './eval/signature.js';
export { modelFolderIdentity } from './eval/model-identity.js';
export { readEvalData, type EvalData, type EvalDataOptions } from './eval/eval-data.js';
export { renderEvalReport, type EvalReportOptions } from './eval/eval-report.js';
export { reliabilityDiagramSvg } from './eval/reliability-svg.js';
export { evalCommand, predictAll, type EvalCommandOptions, type EvalTarget, type EvalFormat, type EvaluableClassifier } from './eval/eval-command.js';
export { fitTemperature, applyTemperature, type TemperatureFit, type TemperatureOptions } from './calibration/temperature.js';
export { reliabilityBins, expectedCalibrationError, eceOfBins, DEFAULT_CALIBRATION_BINS, type ReliabilityBin } from './calibration/reliability.js';
export { calibratePrediction, temperatureSample, topLogits } from './calibration/prediction-temperature.js';
export { ClusterRefiners, RefinerSetError } from './refiners/cluster-refiners.js';
export {
  trainRefiners,
  DEFAULT_NAIVE_BAYES_OPTIONS,
  DEFAULT_REFINER_HYPERPARAMETERS,
  DEFAULT_REFINER_QUANTIZE,
  DEFAULT_REFINER_ROUTING,
  refinerClassifier,
  type RefinerFormat,
  type RefinerRouting,
  type RefinerSettings,
  type TrainedRefiner,
  type TrainRefinersOptions,
} from './refiners/train-refiners.js';
export { NaiveBayesClassifier, NaiveBayesFormatError, trainNaiveBayes, type NaiveBayesOptions } from './refiners/naive-bayes.js';
export { confusableClusters, writeClusters, readClusters, DEFAULT_CLUSTER_THRESHOLD, DEFAULT_CLUSTER_MIN_COUNT, type ConfusableClusters, type ClusterLink, type ClusterOptions, type ConfusionData } from './clusters/confusable-clusters.js';
export { loadPeers, loadPeer, PEER_NAMES, type LoadedPeers } from './peers/load-peers.js';
export type { PeerClassifier } from './peers/peer-classifier.js';
export { peerTag, peerPrediction, peerLanguages } from './peers/peer-labels.js';

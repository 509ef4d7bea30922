/** All detectors over one item, with their options resolved from documented defaults. */
import type { LanguagePrediction } from '../rtt/language-classifier.js';
import { COPY_DEFAULTS, detectCopy, type CopyOptions } from './copy.js';
import { detectEmpty } from './empty-output.js';
import { prepareItem, type ErrorItem, type PreparedItem } from './error-item.js';
import { ERROR_MODES, type ErrorMode, type Flag } from './flag.js';
import { LENGTH_RATIO_DEFAULTS, detectLengthRatio, type LengthRatioOptions } from './length-ratio.js';
import { detectLinkMismatch } from './links.js';
import { MIXED_SCRIPT_DEFAULTS, detectMixedScript, type MixedScriptOptions } from './mixed-script.js';
import { NAMED_ENTITY_DEFAULTS, detectEntityMismatch, detectNovelContent, type NamedEntityOptions, type Vocabularies } from './named-entities.js';
import { NUMBER_DEFAULTS, detectNumberMismatch, type NumberOptions } from './numbers.js';
import { WRONG_LANGUAGE_DEFAULTS, WRONG_SCRIPT_DEFAULTS, detectWrongLanguage, detectWrongScript, type WrongLanguageOptions, type WrongScriptOptions } from './output-language.js';
import { REPETITION_DEFAULTS, detectRepetition, type RepetitionOptions } from './repetition.js';
import { ROUND_TRIP_DEFAULTS, detectLowRoundTrip, type RoundTripOptions } from './round-trip.js';
import { SHORT_INPUT_DEFAULTS, detectShortInput, type ShortInputOptions } from './short-input.js';
import type { TermLists } from './term-lists.js';
import { detectToxicity } from './toxicity.js';
import { TRUNCATION_DEFAULTS, detectTruncation, type TruncationOptions } from './truncation.js';
import { UNICODE_DEFAULTS, detectUnicodeAnomalies, type UnicodeOptions } from './unicode-anomalies.js';

/** Every detector's settings; each group defaults to the documented values (docs/eval-errors.md). */
export interface DetectorSettings {
  wrongScript: WrongScriptOptions;
  wrongLanguage: WrongLanguageOptions;
  copy: CopyOptions;
  repetition: RepetitionOptions;
  lengthRatio: LengthRatioOptions;
  truncation: TruncationOptions;
  roundTrip: RoundTripOptions;
  numbers: NumberOptions;
  namedEntities: NamedEntityOptions;
  shortInput: ShortInputOptions;
  unicode: UnicodeOptions;
  mixedScript: MixedScriptOptions;
}

export const DETECTOR_DEFAULTS: DetectorSettings = {
  wrongScript: WRONG_SCRIPT_DEFAULTS,
  wrongLanguage: WRONG_LANGUAGE_DEFAULTS,
  copy: COPY_DEFAULTS,
  repetition: REPETITION_DEFAULTS,
  lengthRatio: LENGTH_RATIO_DEFAULTS,
  truncation: TRUNCATION_DEFAULTS,
  roundTrip: ROUND_TRIP_DEFAULTS,
  numbers: NUMBER_DEFAULTS,
  namedEntities: NAMED_ENTITY_DEFAULTS,
  shortInput: SHORT_INPUT_DEFAULTS,
  unicode: UNICODE_DEFAULTS,
  mixedScript: MIXED_SCRIPT_DEFAULTS,
};

export type ErrorOptions = { [K in keyof DetectorSettings]?: Partial<DetectorSettings[K]> } & {
  /** Run only these modes (default: all). */
  modes?: readonly ErrorMode[];
  /** Term lists for the toxicity detector (term-lists.ts); without them it flags nothing. */
  toxicTerms?: TermLists;
};

export interface ResolvedErrorOptions extends DetectorSettings {
  modes: readonly ErrorMode[];
  toxicTerms?: TermLists;
}

export function resolveErrorOptions(options: ErrorOptions = {}): ResolvedErrorOptions {
  const modes = options.modes ?? ERROR_MODES;
  for (const mode of modes) if (!ERROR_MODES.includes(mode)) throw new RangeError(`unknown error mode "${mode}" (known: ${ERROR_MODES.join(', ')})`);
  const resolved = { modes } as ResolvedErrorOptions;
  for (const key of Object.keys(DETECTOR_DEFAULTS) as Array<keyof DetectorSettings>) {
    Object.assign(resolved, { [key]: { ...DETECTOR_DEFAULTS[key], ...options[key] } });
  }
  if (options.toxicTerms) resolved.toxicTerms = options.toxicTerms;
  return resolved;
}

/** What analyseErrors supplies from corpus-level work. */
export interface DetectContext {
  /** The LangID verdict on the output. */
  prediction?: LanguagePrediction;
  /** The prediction's probability for the target language. */
  targetProbability?: number;
  /** Words the corpus has in lower case (sources; outputs of this target): capitalised, they are not names. */
  vocabulary?: Vocabularies;
}

type Detector = (item: PreparedItem, o: ResolvedErrorOptions, c: DetectContext) => Flag[];

/** In report order; `period-trick` is asynchronous and runs in analyseErrors. */
const DETECTORS: ReadonlyArray<[ErrorMode, Detector]> = [
  ['empty', (i) => detectEmpty(i)],
  ['wrong-script', (i, o) => detectWrongScript(i, o.wrongScript)],
  ['wrong-language', (i, o, c) => (c.prediction ? detectWrongLanguage(i, c.prediction, c.targetProbability ?? 0, o.wrongLanguage) : [])],
  ['copy', (i, o) => detectCopy(i, o.copy)],
  ['repetition', (i, o) => detectRepetition(i, o.repetition)],
  ['length-ratio', (i, o) => detectLengthRatio(i, o.lengthRatio)],
  ['truncated', (i, o) => detectTruncation(i, o.truncation)],
  ['low-rtt-chrf', (i, o) => detectLowRoundTrip(i, o.roundTrip)],
  ['novel-content', (i, o, c) => detectNovelContent(i, o.namedEntities, c.vocabulary)],
  ['number-mismatch', (i, o) => detectNumberMismatch(i, o.numbers)],
  ['link-mismatch', (i) => detectLinkMismatch(i)],
  ['entity-mismatch', (i, o, c) => detectEntityMismatch(i, o.namedEntities, c.vocabulary)],
  ['short-input', (i, o) => detectShortInput(i, o.shortInput)],
  ['mixed-script', (i, o) => detectMixedScript(i, o.mixedScript)],
  ['unicode-anomaly', (i, o) => detectUnicodeAnomalies(i, o.unicode)],
  ['toxicity', (i, o) => detectToxicity(i, o.toxicTerms)],
];

/** Detectors that still have something to read in an output with no letters or digits. */
const FOR_EMPTY_OUTPUT: ReadonlySet<ErrorMode> = new Set(['empty', 'short-input']);

/**
 * Runs the detectors on a prepared item with resolved options (analyseErrors' inner loop). An empty output gets
 * only its `empty` and `short-input` flags: lost numbers and names would just restate it.
 */
export function detectPrepared(item: PreparedItem, options: ResolvedErrorOptions, context: DetectContext = {}): Flag[] {
  const empty = detectEmpty(item).length > 0;
  const flags: Flag[] = [];
  for (const [mode, detect] of DETECTORS) {
    if (options.modes.includes(mode) && (!empty || FOR_EMPTY_OUTPUT.has(mode))) flags.push(...detect(item, options, context));
  }
  return flags;
}

/** The error flags of one translation: synchronous and model-free unless `context` carries a LangID prediction. */
export function detectErrors(item: ErrorItem, options: ErrorOptions = {}, context: DetectContext = {}): Flag[] {
  return detectPrepared(prepareItem(item), resolveErrorOptions(options), context);
}

/** Error analysis of a corpus: LangID in batches, the period trick when a translate function is given, summaries. */
import { configHash } from '@ntl/core';
import { EVAL_VERSION } from '../report/eval-version.js';
import { supportsTarget, targetProbability, type LanguageClassifier, type LanguagePrediction } from '../rtt/language-classifier.js';
import { detectPrepared, resolveErrorOptions, type ErrorOptions, type ResolvedErrorOptions } from './detect-errors.js';
import { prepareItem, type ErrorItem } from './error-item.js';
import { ERROR_MODES, SEVERITIES, type ErrorMode, type Flag, type Severity } from './flag.js';
import { LENGTH_RATIO_TABLE } from './length-ratio-table.js';
import { lowercaseVocabulary, type Vocabularies } from './named-entities.js';
import { detectPeriodTrick, type TranslateFn } from './period-trick.js';

export interface AnalyseExtras {
  /** A LangID model for the wrong-language detector (e.g. @ntl/langid's loadLangIdModel). */
  classifier?: LanguageClassifier;
  /** How the signature names that model, e.g. `langid-udhr@3f2a9c01b2d4`. */
  classifierName?: string;
  /** Enables the period trick on short inputs. */
  translate?: TranslateFn;
  /** Texts per classifier call. Default 1000. */
  batchSize?: number;
}

export interface ItemFlags {
  index: number;
  /** Canonical target tag. */
  tgt: string;
  flags: Flag[];
}

export interface FlagCounts {
  items: number;
  /** Items with at least one flag. */
  flaggedItems: number;
  flags: number;
  byMode: Record<ErrorMode, number>;
  bySeverity: Record<Severity, number>;
  /** Items with at least one flag of the mode. */
  itemsByMode: Record<ErrorMode, number>;
}

export interface ErrorSummary extends FlagCounts {
  byLanguage: Record<string, FlagCounts & { langidSupported?: boolean }>;
  /** `ntl-errors|langid:…|period:…|terms:…|lengths:…|opts:…|version:…` — the settings behind the counts. */
  signature: string;
}

export interface ErrorAnalysis {
  items: ItemFlags[];
  summary: ErrorSummary;
  options: ResolvedErrorOptions;
}

function emptyCounts(): FlagCounts {
  const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  return { items: 0, flaggedItems: 0, flags: 0, byMode: zeros(ERROR_MODES), bySeverity: zeros(SEVERITIES), itemsByMode: zeros(ERROR_MODES) };
}

function count(into: FlagCounts, flags: readonly Flag[]): void {
  into.items++;
  if (flags.length > 0) into.flaggedItems++;
  into.flags += flags.length;
  for (const f of flags) {
    into.byMode[f.mode]++;
    into.bySeverity[f.severity]++;
  }
  for (const mode of new Set(flags.map((f) => f.mode))) into.itemsByMode[mode]++;
}

export function errorSignature(options: ResolvedErrorOptions, extras: AnalyseExtras): string {
  const { toxicTerms, ...settings } = options;
  const terms = toxicTerms ? [...toxicTerms.values()].reduce((n, list) => n + list.length, 0) : 0;
  return [
    'ntl-errors',
    `langid:${extras.classifier ? (extras.classifierName ?? 'unnamed') : 'none'}`,
    `period:${extras.translate ? 'yes' : 'no'}`,
    `terms:${terms}`,
    `lengths:${LENGTH_RATIO_TABLE.id}`,
    `opts:${configHash(settings)}`,
    `version:${EVAL_VERSION}`,
  ].join('|');
}

/** Flags for every item and the counts per target language and mode. Tags are validated up front (TagError). */
export async function analyseErrors(items: readonly ErrorItem[], options: ErrorOptions = {}, extras: AnalyseExtras = {}): Promise<ErrorAnalysis> {
  const resolved = resolveErrorOptions(options);
  const prepared = items.map(prepareItem);
  const { classifier } = extras;
  const useLangId = classifier !== undefined && resolved.modes.includes('wrong-language');
  const supported = new Map<string, boolean>();
  if (classifier) for (const item of prepared) if (!supported.has(item.tgt)) supported.set(item.tgt, supportsTarget(classifier, item.tgt));
  const predictions = useLangId ? predictInBatches(classifier, prepared.map((p) => p.hyp), extras.batchSize ?? 1000) : [];
  const vocabularies = corpusVocabularies(prepared);

  const summary = emptyCounts();
  const byLanguage: ErrorSummary['byLanguage'] = {};
  const results: ItemFlags[] = [];
  for (const [index, item] of prepared.entries()) {
    const prediction = supported.get(item.tgt) ? predictions[index] : undefined;
    const vocabulary = vocabularies.get(item.tgt);
    const context = { ...(vocabulary ? { vocabulary } : {}), ...(prediction ? { prediction, targetProbability: targetProbability(prediction, item.tgt) } : {}) };
    const flags = detectPrepared(item, resolved, context);
    if (extras.translate && resolved.modes.includes('period-trick')) flags.push(...(await detectPeriodTrick(item, extras.translate, resolved.shortInput)));
    results.push({ index, tgt: item.tgt, flags });
    count(summary, flags);
    const language = (byLanguage[item.tgt] ??= { ...emptyCounts(), ...(classifier ? { langidSupported: supported.get(item.tgt) ?? false } : {}) });
    count(language, flags);
  }
  return { items: results, summary: { ...summary, byLanguage, signature: errorSignature(resolved, extras) }, options: resolved };
}

/** Lower-case words of all sources, and of the outputs of each target language (named-entities.ts). */
export function corpusVocabularies(items: ReadonlyArray<{ src: string; hyp: string; tgt: string }>): Map<string, Vocabularies> {
  const src = lowercaseVocabulary(items.map((i) => i.src));
  const hyp = new Map<string, Set<string>>();
  for (const item of items) {
    let words = hyp.get(item.tgt);
    if (!words) hyp.set(item.tgt, (words = new Set()));
    lowercaseVocabulary([item.hyp], words);
  }
  return new Map([...hyp].map(([tag, words]) => [tag, { src, hyp: words }]));
}

function predictInBatches(classifier: LanguageClassifier, texts: readonly string[], batchSize: number): LanguagePrediction[] {
  const out: LanguagePrediction[] = [];
  for (let i = 0; i < texts.length; i += batchSize) out.push(...classifier.predict(texts.slice(i, i + batchSize), { k: 5 }));
  if (out.length !== texts.length) throw new Error(`the LangID classifier returned ${out.length} predictions for ${texts.length} texts`);
  return out;
}

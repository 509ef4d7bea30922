/**
 * RTTLangIDChrF (Bapna et al. 2022, §4): round-trip chrF that counts only round trips whose forward translation
 * is in the target language. A model that copies its input, or answers in the wrong language, round-trips
 * beautifully; LangID on the forward translation takes that credit away.
 *
 * For items i = 1…n with source s_i (language A), forward translation t_i (language B) and back-translation s'_i:
 *   c_i = sentence chrF(s'_i, [s_i])                       (sacrebleu sentence_chrf, the given chrF settings)
 *   w_i = 1 if LangID(t_i) names B, else 0                 (strict)
 *   w_i = P_LangID(B | t_i), summed over its top-k labels  (loose)
 *   RTTLangIDChrF = (1/n) Σ w_i · c_i
 * A sentence whose forward translation fails LangID scores 0 and still counts in n — that penalty is the point
 * of the metric. Labels name B when `sameLanguage(label, B, {macro: true})`. The corpus score is the mean of the
 * sentence scores (not chrF over summed statistics, where a zero-weight sentence would simply drop out).
 */
import { toTag } from '@ntl/core';
import { Chrf, type ChrfOptions } from '../metrics/chrf.js';
import { SACREBLEU_VERSION } from '../metrics/signature.js';
import { EVAL_VERSION } from '../report/eval-version.js';
import { sentenceChrf } from '../scoring.js';
import { sameTarget, supportsTarget, targetProbability, type LanguageClassifier } from './language-classifier.js';

export type RttVariant = 'strict' | 'loose';

export interface RttItem {
  src: string;
  /** Forward translation, in `tgtLang`. */
  fwd: string;
  /** `fwd` translated back into the source language. */
  back: string;
  tgtLang: string;
}

export interface RttOptions extends ChrfOptions {
  /** Default 'strict'. */
  variant?: RttVariant;
  /** The LangID model as the signature names it, e.g. `langid-udhr@3f2a9c01b2d4`. */
  model: string;
  /** Labels read from each prediction for the loose variant. Default 5. */
  k?: number;
}

export interface RttSentence {
  chrf: number;
  weight: number;
  /** LangID's answer for the forward translation. */
  predicted: string;
  predictedScore: number;
}

export interface RttAggregate {
  /** Mean of w_i · c_i, 0–100. */
  score: number;
  n: number;
  /** Σ w_i: sentences counted (strict), or the probability mass on the target (loose). */
  kept: number;
  /** Mean c_i without LangID: plain round-trip chrF, for comparison. */
  rttChrf: number;
}

export interface RttResult extends RttAggregate {
  variant: RttVariant;
  byLanguage: Record<string, RttAggregate>;
  sentences: RttSentence[];
  /** `RTTLangIDChrF|variant:…|langid:…|macro:yes|k:…|agg:mean|metric:chrF2|…|sacrebleu:2.6.0|version:…`. */
  signature: string;
}

export class RttInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RttInputError';
  }
}

export function rttSignature(options: RttOptions): string {
  const variant = options.variant ?? 'strict';
  const chrf = new Chrf(options);
  return [
    'RTTLangIDChrF',
    `variant:${variant}`,
    `langid:${options.model}`,
    'macro:yes',
    ...(variant === 'loose' ? [`k:${options.k ?? 5}`] : []),
    'agg:mean',
    `metric:${chrf.name}`,
    ...chrf.signatureEntries.map(([key, , value]) => `${key}:${value}`),
    `sacrebleu:${SACREBLEU_VERSION}`,
    `version:${EVAL_VERSION}`,
  ].join('|');
}

function aggregate(sentences: readonly RttSentence[]): RttAggregate {
  const n = sentences.length;
  let sum = 0;
  let kept = 0;
  let plain = 0;
  for (const s of sentences) {
    sum += s.weight * s.chrf;
    kept += s.weight;
    plain += s.chrf;
  }
  return { score: n ? sum / n : 0, n, kept, rttChrf: n ? plain / n : 0 };
}

export function rttLangIdChrf(items: readonly RttItem[], classifier: LanguageClassifier, options: RttOptions): RttResult {
  if (items.length === 0) throw new RttInputError('no round trips to score');
  const variant = options.variant ?? 'strict';
  if (variant !== 'strict' && variant !== 'loose') throw new RttInputError(`unknown RTTLangIDChrF variant "${String(variant)}" (strict or loose)`);
  const targets = items.map((item) => toTag(item.tgtLang));
  for (const tag of new Set(targets)) {
    if (!supportsTarget(classifier, tag)) throw new RttInputError(`the LangID model ${options.model} does not know ${tag}: RTTLangIDChrF would score every sentence 0`);
  }
  const predictions = classifier.predict(items.map((item) => item.fwd), { k: options.k ?? 5 });
  const { variant: _variant, model: _model, k: _k, ...chrfOptions } = options;
  const sentences = items.map((item, i): RttSentence => {
    const prediction = predictions[i];
    if (!prediction) throw new RttInputError(`the LangID model returned no prediction for item ${i + 1}`);
    const tgt = targets[i] as string;
    const weight = variant === 'strict' ? (sameTarget(prediction.tag, tgt) ? 1 : 0) : targetProbability(prediction, tgt);
    return { chrf: sentenceChrf(item.back, [item.src], chrfOptions).score, weight, predicted: prediction.tag, predictedScore: prediction.score };
  });
  const byTag = new Map<string, RttSentence[]>();
  sentences.forEach((s, i) => {
    const tag = targets[i] as string;
    const list = byTag.get(tag);
    if (list) list.push(s);
    else byTag.set(tag, [s]);
  });
  const byLanguage = Object.fromEntries([...byTag].map(([tag, list]) => [tag, aggregate(list)]));
  return { ...aggregate(sentences), variant, byLanguage, sentences, signature: rttSignature({ ...options, variant }) };
}

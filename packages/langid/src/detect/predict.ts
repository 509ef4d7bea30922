/**
 * Sentence- and document-level inference over any SentenceClassifier. A document's language is the
 * aggregate of its sentences' evidence — each sentence's top-k probabilities weighted by its number of
 * letters — rather than one prediction over the concatenation, so a page of Swahili with an English menu is
 * Swahili, and the sentences keep their own labels for the filters.
 */
import { UND } from '@ntl/core';
import type { LangPrediction, SentenceClassifier } from '../prediction.js';
import { splitSentences, type TextSpan } from './sentences.js';

export interface SentencePrediction extends TextSpan {
  prediction: LangPrediction;
}

export interface DocumentPrediction extends LangPrediction {
  /** Share of the sentences with letters whose best label is the document's tag (1 when the document has none). */
  agreement: number;
  sentences: SentencePrediction[];
}

export interface DocumentOptions {
  /** Sentence spans to use (a Doc's `segments`); default: splitSentences. */
  segments?: readonly TextSpan[];
  /** Labels kept in `top`; default 3. */
  k?: number;
  /** Below this aggregated score the document is `und_Zyyy` ('below-min-score'); default 0. */
  minScore?: number;
  /** Only sentences starting within this many UTF-16 units are read (bounds the cost of huge documents); default 100,000. */
  maxChars?: number;
  /** The classifier's reject rule for sentences (PredictOptions.reject); default true. */
  reject?: boolean;
  /** The model's cluster refiners for sentences (PredictOptions.refine); default true. */
  refine?: boolean;
}

export const DEFAULT_DOCUMENT_CHARS = 100_000;
/** Probabilities beyond the 5 best of a sentence are too small to move a document's decision. */
const EVIDENCE_K = 5;
/** Reasons that mean "no evidence": such sentences weigh nothing. */
const NO_EVIDENCE = new Set(['empty', 'no-letters', 'unknown-script']);
const LETTER = /\p{L}/gu;

/** Batch prediction of independent sentences (one call into the model for the whole batch). */
export function predictSentences(model: SentenceClassifier, texts: readonly string[], options: { k?: number } = {}): LangPrediction[] {
  return model.predict(texts, options);
}

function letters(text: string): number {
  return text.match(LETTER)?.length ?? 0;
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

export function predictDocument(model: SentenceClassifier, text: string, options: DocumentOptions = {}): DocumentPrediction {
  const k = Math.max(1, options.k ?? 3);
  const maxChars = options.maxChars ?? DEFAULT_DOCUMENT_CHARS;
  const spans = (options.segments ?? splitSentences(text.length > maxChars ? text.slice(0, maxChars) : text)).filter((span) => span.start < maxChars);
  const sentenceTexts = spans.map(({ start, end }) => text.slice(start, end));
  const predictions = model.predict(sentenceTexts, { k: Math.max(k, EVIDENCE_K), reject: options.reject ?? true, refine: options.refine ?? true });
  const evidence = new Map<string, number>();
  let totalWeight = 0;
  const weighted: Array<{ best: string | undefined; weight: number }> = [];
  predictions.forEach((prediction, i) => {
    const weight = NO_EVIDENCE.has(prediction.reason ?? '') ? 0 : letters(sentenceTexts[i] ?? '');
    weighted.push({ best: prediction.top[0]?.[0], weight });
    if (weight === 0) return;
    totalWeight += weight;
    for (const [tag, probability] of prediction.top) evidence.set(tag, (evidence.get(tag) ?? 0) + weight * probability);
  });
  const sentences = spans.map((span, i) => {
    const prediction = predictions[i] as LangPrediction;
    return { start: span.start, end: span.end, prediction: { ...prediction, top: prediction.top.slice(0, k) } };
  });
  if (totalWeight === 0) {
    const reason = mostCommon(predictions.map((p) => p.reason ?? 'no-letters')) ?? 'empty';
    return { tag: UND, score: 1, top: [], reason, agreement: 1, sentences };
  }
  const top = [...evidence]
    .map(([tag, sum]): [string, number] => [tag, sum / totalWeight])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, k);
  const [tag, score] = top[0] as [string, number];
  const counted = weighted.filter((w) => w.weight > 0);
  const agreement = counted.filter((w) => w.best === tag).length / counted.length;
  if (score < (options.minScore ?? 0)) return { tag: UND, score: 1 - score, top, reason: 'below-min-score', agreement, sentences };
  // The classifier's own reject rule (per-language thresholds) holds for documents too, but per sentence: a
  // document needs one sentence that the classifier answers with its tag. Its averaged score is lower than its
  // best sentences' by construction, so comparing the average to a sentence threshold would reject pages whose
  // every paragraph is clear.
  if (!predictions.some((p) => p.tag === tag)) return { tag: UND, score: 1 - score, top, reason: 'below-threshold', agreement, sentences };
  return { tag, score, top, agreement, sentences };
}

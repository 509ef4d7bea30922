/**
 * The shape of a LangID model that eval needs — the same as @ntl/langid's `SentenceClassifier` (structural
 * typing), so eval does not depend on langid: the caller loads a model and passes it in.
 */
import { sameLanguage } from '@ntl/core';

export interface LanguagePrediction {
  tag: string;
  /** Probability of `tag`. */
  score: number;
  /** The k best labels with their probabilities, best first. */
  top: Array<[string, number]>;
  /** Why the answer is undetermined (`und_Zyyy`). */
  reason?: string;
}

export interface LanguageClassifier {
  readonly languages: readonly string[];
  predict(texts: readonly string[], options?: { k?: number }): LanguagePrediction[];
}

/** Labels are compared as `sameLanguage` does with macrolanguages folded (a `zh` answer for `cmn_Hans` counts). */
export function sameTarget(label: string, target: string): boolean {
  return sameLanguage(label, target, { macro: true });
}

/** Whether the classifier can answer `target` at all (else its verdicts on the target say nothing). */
export function supportsTarget(classifier: LanguageClassifier, target: string): boolean {
  return classifier.languages.some((tag) => sameTarget(tag, target));
}

/** The probability the prediction gives `target`: the sum over its top labels that are the target (0 if none). */
export function targetProbability(prediction: LanguagePrediction, target: string): number {
  let p = 0;
  for (const [tag, score] of prediction.top) if (sameTarget(tag, target)) p += score;
  // A prediction with an empty top list still names its tag.
  if (prediction.top.length === 0 && sameTarget(prediction.tag, target)) p = prediction.score;
  return Math.min(1, p);
}

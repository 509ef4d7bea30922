/** What every language classifier in ntl returns and implements (stage 1, stage 2, peers' adapters). */

/** One text's answer. `score` is the calibrated probability of `tag`; `reason` is set when `tag` is `und_Zyyy`. */
export interface LangPrediction {
  tag: string;
  score: number;
  /** The k best labels with their probabilities, best first. */
  top: Array<[string, number]>;
  /** Why the answer is undetermined: 'empty', 'no-letters', 'below-threshold', 'mixed-script', … */
  reason?: string;
}

export interface SentenceClassifier {
  /** The `xxx_Xxxx` tags this classifier can answer. */
  readonly languages: readonly string[];
  predict(texts: readonly string[], options?: { k?: number }): LangPrediction[];
}

/** What every language classifier in ntl returns and implements (stage 1, stage 2, peers' adapters). */

/** One text's answer. `score` is the calibrated probability of `tag`; `reason` is set when `tag` is `und_Zyyy`. */
export interface LangPrediction {
  tag: string;
  score: number;
  /** The k best labels with their probabilities, best first. */
  top: Array<[string, number]>;
  /** Why the answer is undetermined: 'empty', 'no-letters', 'below-threshold', 'mixed-script', … */
  reason?: string;
  /** The best label scored under its language's reject threshold and was kept because rejection was off. */
  belowThreshold?: boolean;
}

export interface PredictOptions {
  /** Labels listed in `top`; default 1. */
  k?: number;
  /**
   * Apply the classifier's reject rule (per-language thresholds → `und_Zyyy`, reason 'below-threshold'); default
   * true. False answers the best label anyway, marked `belowThreshold`. Classifiers without such a rule ignore it.
   */
  reject?: boolean;
  /**
   * Let a cluster's refiner decide among the languages of the cluster stage 1's best label is in, where the
   * model has refiners (n-gram models built with them); default true. False answers with stage 1 alone (A/B,
   * speed). Classifiers without refiners ignore it.
   */
  refine?: boolean;
}

export interface SentenceClassifier {
  /** The `xxx_Xxxx` tags this classifier can answer. */
  readonly languages: readonly string[];
  predict(texts: readonly string[], options?: PredictOptions): LangPrediction[];
}

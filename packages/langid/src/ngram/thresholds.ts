/**
 * Per-language reject thresholds from held-out predictions: for each predicted language, the lowest score at
 * which its predictions reach the target precision. Below it the classifier answers `und_Zyyy`
 * ('below-threshold') — the reject option the paper relies on for web text, where most "predictions" of a
 * small language are wrong (Caswell et al. 2020).
 */

export interface ThresholdOptions {
  /**
   * Each language's threshold maximises F-beta of its predictions on held-out data (precision of the kept
   * predictions, recall against its gold texts). beta < 1 favours precision.
   */
  beta: number;
  /** Languages predicted fewer times on held-out data get no threshold (too little evidence). */
  minSupport: number;
  /** A threshold never exceeds this, so a language is never silenced outright. */
  maxThreshold: number;
}

/**
 * F1: a threshold only where cutting low-scoring predictions removes more errors than correct answers. On
 * in-domain held-out data every rejection costs accuracy; a precision target (0.9) there cost 5 points of UDHR
 * held-out accuracy, because confusable varieties (Mandarin and the other Chinese languages written alike)
 * never reach it at any score.
 */
export const DEFAULT_THRESHOLD_OPTIONS: ThresholdOptions = { beta: 1, minSupport: 10, maxThreshold: 0.8 };

export interface ScoredPrediction {
  gold: string;
  predicted: string;
  score: number;
}

/** Thresholds by predicted tag; tags best served without one are left out. */
export function chooseThresholds(predictions: readonly ScoredPrediction[], options: ThresholdOptions = DEFAULT_THRESHOLD_OPTIONS): Record<string, number> {
  const byTag = new Map<string, ScoredPrediction[]>();
  const goldCount = new Map<string, number>();
  for (const prediction of predictions) {
    goldCount.set(prediction.gold, (goldCount.get(prediction.gold) ?? 0) + 1);
    const list = byTag.get(prediction.predicted);
    if (list) list.push(prediction);
    else byTag.set(prediction.predicted, [prediction]);
  }
  const b2 = options.beta * options.beta;
  const thresholds: Record<string, number> = {};
  for (const [tag, list] of [...byTag].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (list.length < options.minSupport) continue;
    list.sort((a, b) => a.score - b.score);
    const gold = goldCount.get(tag) ?? 0;
    let correct = list.filter((p) => p.gold === tag).length;
    let best = { f: -1, threshold: 0 };
    // Cut i keeps list[i..]: scan every distinct score as a candidate threshold, lowest (no cut) first.
    for (let i = 0; i < list.length; i++) {
      const score = list[i]?.score ?? 0;
      const threshold = i === 0 ? 0 : score;
      if (threshold > options.maxThreshold) break;
      if (i === 0 || score !== list[i - 1]?.score) {
        const kept = list.length - i;
        const precision = correct / kept;
        const recall = gold === 0 ? 0 : correct / gold;
        const f = precision + recall === 0 ? 0 : ((1 + b2) * precision * recall) / (b2 * precision + recall);
        if (f > best.f) best = { f, threshold };
      }
      if (list[i]?.gold === tag) correct--;
    }
    // Never right on held-out data (F is 0 at every cut): trust only its most confident answers.
    const threshold = best.f === 0 ? options.maxThreshold : best.threshold;
    if (threshold > 0) thresholds[tag] = threshold;
  }
  return thresholds;
}

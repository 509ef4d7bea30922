/**
 * Sentence-level LangID metrics from (gold, resolved prediction, score) rows. Definitions, over the N
 * sentences of the set being scored:
 * - accuracy: share of sentences whose prediction resolves to the gold tag (und_Zyyy is always wrong);
 * - per gold language L: precision = TP / sentences predicted L (0 when none), recall = TP / support,
 *   F1 their harmonic mean (0 when both are 0);
 * - false-positive rate of L = sentences of OTHER languages predicted as L / sentences of other languages
 *   (N − support), i.e. how often L's label is wrongly given to text of the rest of the set: the quantity that
 *   turns into noise in a crawl's L corpus (Caswell et al. 2020). Undetermined predictions are nobody's
 *   false positive;
 * - macro-F1 and mean FPR average over the gold languages present (every language weighs the same);
 * - und rate: share of sentences answered und_Zyyy; a language's und answers are explained by the best guess
 *   the classifier rejected (its top[0]), and confusionsBeforeRejection counts those guesses as predictions;
 * - calibration: reliability bins and ECE of `score` against correctness, over determined predictions only
 *   (an und_Zyyy answer's score is a rejection, not a probability of a label).
 */
import { UND } from '@ntl/core';
import { DEFAULT_CALIBRATION_BINS, eceOfBins, reliabilityBins, type ReliabilityBin } from '../calibration/reliability.js';

export interface ScoredRow {
  readonly gold: string;
  /** The prediction after label resolution (see label-match.ts). */
  readonly predicted: string;
  readonly score: number;
  /**
   * The classifier's best label before any reject threshold (its resolved `top[0]`), when it answered
   * und_Zyyy but still ranked candidates; otherwise the same as `predicted`.
   */
  readonly bestGuess?: string;
}

export interface ConfusionCount {
  readonly gold: string;
  readonly predicted: string;
  readonly count: number;
}

export interface LanguageMetrics {
  readonly tag: string;
  readonly support: number;
  /** Sentences (of any gold language) predicted as this one. */
  readonly predicted: number;
  readonly correct: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly falsePositives: number;
  readonly fpr: number;
  /** The language this one's sentences were most often mistaken for (determined answers): the first explanation of low recall. */
  readonly mainConfusion?: { readonly tag: string; readonly count: number };
  /** Sentences of this language answered und_Zyyy. */
  readonly undetermined: number;
  /** Among those, the most frequent best guess the classifier rejected (may be this language itself: right but unsure). */
  readonly rejectedBestGuess?: { readonly tag: string; readonly count: number };
}

export interface EvalMetrics {
  readonly sentences: number;
  readonly languages: number;
  readonly correct: number;
  readonly accuracy: number;
  readonly macroF1: number;
  readonly meanFpr: number;
  readonly undRate: number;
  /** Gold languages, by tag. */
  readonly perLanguage: LanguageMetrics[];
  /** Every off-diagonal cell of the confusion matrix (gold → resolved prediction), most frequent first. */
  readonly confusions: ConfusionCount[];
  /** The same with each und_Zyyy answer replaced by its rejected best guess: what the model confuses before thresholds. */
  readonly confusionsBeforeRejection: ConfusionCount[];
  readonly calibration: { readonly ece: number; readonly bins: ReliabilityBin[] };
}

const ratio = (numerator: number, denominator: number): number => (denominator === 0 ? 0 : numerator / denominator);
const mean = (values: readonly number[]): number => ratio(values.reduce((sum, value) => sum + value, 0), values.length);
const byTag = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Cells gold → label, as counts per gold language; off-diagonal only unless `diagonal`. */
class ConfusionCells {
  private readonly byGold = new Map<string, Map<string, number>>();

  constructor(private readonly diagonal = false) {}

  add(gold: string, label: string): void {
    if (label === gold && !this.diagonal) return;
    let row = this.byGold.get(gold);
    if (!row) this.byGold.set(gold, (row = new Map()));
    increment(row, label);
  }

  /** The row's most frequent label (ties: first tag), skipping `except`. */
  top(gold: string, except?: string): { tag: string; count: number } | undefined {
    let best: { tag: string; count: number } | undefined;
    for (const [tag, count] of this.byGold.get(gold) ?? []) {
      if (tag === except) continue;
      if (!best || count > best.count || (count === best.count && tag < best.tag)) best = { tag, count };
    }
    return best;
  }

  list(): ConfusionCount[] {
    const cells = [...this.byGold].flatMap(([gold, row]) => [...row].map(([predicted, count]) => ({ gold, predicted, count })));
    return cells.sort((a, b) => b.count - a.count || byTag(a.gold, b.gold) || byTag(a.predicted, b.predicted));
  }
}

export function computeMetrics(rows: readonly ScoredRow[], bins = DEFAULT_CALIBRATION_BINS): EvalMetrics {
  const support = new Map<string, number>();
  const predictedAs = new Map<string, number>();
  const hits = new Map<string, number>();
  const cells = new ConfusionCells();
  const beforeRejection = new ConfusionCells();
  // Keeps the diagonal: a rejected guess that was right shows as the language itself ("right but unsure").
  const rejected = new ConfusionCells(true);
  const undByGold = new Map<string, number>();
  const confidences: number[] = [];
  const correctness: boolean[] = [];
  let undetermined = 0;
  for (const { gold, predicted, score, bestGuess = predicted } of rows) {
    increment(support, gold);
    increment(predictedAs, predicted);
    if (predicted === gold) increment(hits, gold);
    cells.add(gold, predicted);
    if (bestGuess !== UND) beforeRejection.add(gold, bestGuess);
    if (predicted === UND) {
      undetermined++;
      increment(undByGold, gold);
      if (bestGuess !== UND) rejected.add(gold, bestGuess);
    } else {
      confidences.push(Math.min(1, Math.max(0, score)));
      correctness.push(predicted === gold);
    }
  }
  const n = rows.length;
  const perLanguage = [...support.keys()].sort(byTag).map((tag): LanguageMetrics => {
    const languageSupport = support.get(tag) ?? 0;
    const correct = hits.get(tag) ?? 0;
    const predicted = predictedAs.get(tag) ?? 0;
    const precision = ratio(correct, predicted);
    const recall = ratio(correct, languageSupport);
    const falsePositives = predicted - correct;
    const mainConfusion = cells.top(tag, UND);
    const rejectedBestGuess = rejected.top(tag);
    return {
      tag,
      support: languageSupport,
      predicted,
      correct,
      precision,
      recall,
      f1: ratio(2 * precision * recall, precision + recall),
      falsePositives,
      fpr: ratio(falsePositives, n - languageSupport),
      ...(mainConfusion ? { mainConfusion } : {}),
      undetermined: undByGold.get(tag) ?? 0,
      ...(rejectedBestGuess ? { rejectedBestGuess } : {}),
    };
  });
  const calibrationBins = reliabilityBins(confidences, correctness, bins);
  const correct = [...hits.values()].reduce((sum, value) => sum + value, 0);
  return {
    sentences: n,
    languages: support.size,
    correct,
    accuracy: ratio(correct, n),
    macroF1: mean(perLanguage.map((language) => language.f1)),
    meanFpr: mean(perLanguage.map((language) => language.fpr)),
    undRate: ratio(undetermined, n),
    perLanguage,
    confusions: cells.list(),
    confusionsBeforeRejection: beforeRejection.list(),
    calibration: { ece: eceOfBins(calibrationBins), bins: calibrationBins },
  };
}

/** Languages whose recall is below `threshold` (the 0.8 goal), worst first, each with its main confusion. */
export function lowRecallLanguages(metrics: EvalMetrics, threshold = 0.8): LanguageMetrics[] {
  return metrics.perLanguage.filter((language) => language.recall < threshold).sort((a, b) => a.recall - b.recall || byTag(a.tag, b.tag));
}

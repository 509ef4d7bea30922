/**
 * Self-training's filter (Bapna et al. 2022 §2.1.2; Caswell et al. 2020 §4): an unlabelled sentence gets a
 * training label only when the neural model is confident about it AND stage 1 (the n-gram model, a different
 * view of the same text) answers the same language — its answer after its own thresholds, so a sentence stage 1
 * rejects as below-threshold agrees with nothing; per language only the most confident `maxPerLanguage` are
 * kept, so a language the pool is full of (or that the model over-predicts) cannot drown the others.
 */
import type { LangPrediction } from '../prediction.js';

export interface PseudoLabelOptions {
  /** Minimum neural probability of the label; default 0.9 (high precision matters more than coverage here). */
  minScore?: number;
  /** Most sentences kept per language per round; default 300 (about 3× a UDHR language's seed sentences). */
  maxPerLanguage?: number;
}

export const DEFAULT_PSEUDO_LABELS: Required<PseudoLabelOptions> = { minScore: 0.9, maxPerLanguage: 300 };

export interface PseudoLabel {
  /** Index of the sentence in the pool. */
  index: number;
  tag: string;
  /** The neural model's probability of `tag`. */
  score: number;
}

export interface PseudoLabelSelection {
  /** Kept labels in pool order. */
  kept: PseudoLabel[];
  /** Sentences at each stage of the filter. */
  counts: { pool: number; confident: number; agreeing: number; kept: number };
  /** Kept sentences per language. */
  perLanguage: Record<string, number>;
}

/** `neural[i]` and `stage1[i]` are the two models' predictions for pool sentence i. */
export function selectPseudoLabels(neural: readonly LangPrediction[], stage1: readonly LangPrediction[], options: PseudoLabelOptions = {}): PseudoLabelSelection {
  if (neural.length !== stage1.length) throw new Error(`${neural.length} neural predictions for ${stage1.length} stage-1 predictions`);
  const { minScore, maxPerLanguage } = { ...DEFAULT_PSEUDO_LABELS, ...options };
  let confident = 0;
  const byTag = new Map<string, PseudoLabel[]>();
  neural.forEach((prediction, index) => {
    if (prediction.reason !== undefined || prediction.score < minScore) return;
    confident++;
    if (stage1[index]?.tag !== prediction.tag) return;
    const list = byTag.get(prediction.tag) ?? [];
    list.push({ index, tag: prediction.tag, score: prediction.score });
    byTag.set(prediction.tag, list);
  });
  const agreeing = [...byTag.values()].reduce((sum, list) => sum + list.length, 0);
  const kept = [...byTag.values()]
    .flatMap((list) => [...list].sort((a, b) => b.score - a.score || a.index - b.index).slice(0, maxPerLanguage))
    .sort((a, b) => a.index - b.index);
  const perLanguage: Record<string, number> = {};
  for (const { tag } of kept) perLanguage[tag] = (perLanguage[tag] ?? 0) + 1;
  return { kept, counts: { pool: neural.length, confident, agreeing, kept: kept.length }, perLanguage };
}

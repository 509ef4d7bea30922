/**
 * The figures stored in model.json when a model is built: exact-tag accuracy on the held-out texts, before
 * and after the reject thresholds, by source, and the languages under 0.8 recall (issue 3 asks for each to be
 * explained). Full evaluation (macro-F1, confusions, calibration, peers) is `ntl langid eval`.
 */
import { UND } from '@ntl/core';
import type { LabeledText } from '../seed/labeled-text.js';

export interface HeldOutMetrics {
  sentences: number;
  /** Share of texts whose top label is the gold tag, thresholds not applied. */
  accuracyBeforeThresholds: number;
  /** Same with thresholds (a rejected text counts as wrong). */
  accuracy: number;
  /** Share answered `und_Zyyy` for 'below-threshold'. */
  rejected: number;
  bySource: Record<string, { sentences: number; accuracy: number; accuracyBeforeThresholds: number }>;
  /** Languages under 0.8 recall (thresholds applied), lowest first. */
  lowRecall: Array<{ tag: string; recall: number; sentences: number }>;
}

export interface HeldOutRow {
  gold: LabeledText;
  /** Best label before thresholds (`und_Zyyy` when the text has no letters). */
  best: string;
  /** Final answer after thresholds. */
  answer: string;
}

const LOW_RECALL = 0.8;

function ratio(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count / total) * 10000) / 10000;
}

export function heldOutMetrics(rows: readonly HeldOutRow[]): HeldOutMetrics {
  const bySource = new Map<string, { n: number; raw: number; final: number }>();
  const byTag = new Map<string, { n: number; final: number }>();
  let raw = 0;
  let final = 0;
  let rejected = 0;
  for (const { gold, best, answer } of rows) {
    const source = bySource.get(gold.source) ?? { n: 0, raw: 0, final: 0 };
    const tag = byTag.get(gold.tag) ?? { n: 0, final: 0 };
    source.n++;
    tag.n++;
    if (best === gold.tag) {
      raw++;
      source.raw++;
    }
    if (answer === gold.tag) {
      final++;
      source.final++;
      tag.final++;
    }
    if (answer === UND && best !== UND) rejected++;
    bySource.set(gold.source, source);
    byTag.set(gold.tag, tag);
  }
  return {
    sentences: rows.length,
    accuracyBeforeThresholds: ratio(raw, rows.length),
    accuracy: ratio(final, rows.length),
    rejected: ratio(rejected, rows.length),
    bySource: Object.fromEntries(
      [...bySource].sort().map(([name, s]) => [name, { sentences: s.n, accuracy: ratio(s.final, s.n), accuracyBeforeThresholds: ratio(s.raw, s.n) }]),
    ),
    lowRecall: [...byTag]
      .map(([tag, t]) => ({ tag, recall: ratio(t.final, t.n), sentences: t.n }))
      .filter((t) => t.recall < LOW_RECALL)
      .sort((a, b) => a.recall - b.recall || (a.tag < b.tag ? -1 : 1)),
  };
}

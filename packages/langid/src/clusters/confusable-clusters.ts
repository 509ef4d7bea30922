/**
 * Confusable clusters (Bapna et al. 2022 §2.1.3): groups of languages the LangID model confuses on held-out
 * data, for the filtering package (which compares a document with the other members of its language's
 * cluster). Two languages a and b are linked when their pooled confusion rate
 *   (n(a→b) + n(b→a)) / (support(a) + support(b))
 * exceeds `threshold` and at least `minCount` sentences were confused; clusters are the connected components.
 * Pooling makes the link symmetric: a one-way confusion of 10% of a's sentences, with equal supports, is a
 * pooled 5%.
 */
import { readFileSync } from 'node:fs';
import { UND, writeJsonAtomic } from '@ntl/core';
import type { ConfusionCount } from '../eval/metrics.js';
import { DisjointSets } from './disjoint-sets.js';

/** Default pooled confusion rate above which two languages are linked (the share of their sentences confused). */
export const DEFAULT_CLUSTER_THRESHOLD = 0.05;
/** Default minimum confused sentences per link: one stray sentence of a tiny test set does not make a cluster. */
export const DEFAULT_CLUSTER_MIN_COUNT = 2;

/** What clustering needs from an evaluation: EvalMetrics satisfies it. */
export interface ConfusionData {
  readonly perLanguage: ReadonlyArray<{ readonly tag: string; readonly support: number }>;
  readonly confusions: readonly ConfusionCount[];
  /**
   * Used instead of `confusions` when present: a text rejected as und_Zyyy counts for the best guess the
   * classifier rejected, since reject thresholds hide exactly the confusions clusters are about.
   */
  readonly confusionsBeforeRejection?: readonly ConfusionCount[];
}

export interface ClusterOptions {
  readonly threshold?: number;
  readonly minCount?: number;
  /** The signature of the evaluation the confusions come from, kept with the clusters. */
  readonly signature?: string;
}

export interface ClusterLink {
  readonly a: string;
  readonly b: string;
  /** n(a→b) + n(b→a). */
  readonly count: number;
  readonly rate: number;
}

export interface ConfusableClusters {
  /** Components of two or more languages, each sorted; largest first. */
  readonly clusters: string[][];
  readonly links: ClusterLink[];
  readonly threshold: number;
  readonly minCount: number;
  readonly signature: string;
}

const byTag = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function confusableClusters(confusion: ConfusionData, options: ClusterOptions = {}): ConfusableClusters {
  const { threshold = DEFAULT_CLUSTER_THRESHOLD, minCount = DEFAULT_CLUSTER_MIN_COUNT, signature = '' } = options;
  if (!(threshold >= 0 && threshold < 1)) throw new RangeError(`threshold must be in [0, 1), got ${threshold}`);
  const support = new Map(confusion.perLanguage.map(({ tag, support: n }) => [tag, n]));
  const pairs = new Map<string, { a: string; b: string; count: number }>();
  for (const { gold, predicted, count } of confusion.confusionsBeforeRejection ?? confusion.confusions) {
    if (predicted === UND || predicted === gold) continue;
    const [a, b] = [gold, predicted].sort(byTag) as [string, string];
    const key = `${a}\u0001${b}`;
    const pair = pairs.get(key) ?? { a, b, count: 0 };
    pair.count += count;
    pairs.set(key, pair);
  }
  const sets = new DisjointSets();
  const links: ClusterLink[] = [];
  for (const { a, b, count } of pairs.values()) {
    const rate = count / Math.max(1, (support.get(a) ?? 0) + (support.get(b) ?? 0));
    if (rate <= threshold || count < minCount) continue;
    links.push({ a, b, count, rate });
    sets.union(a, b);
  }
  links.sort((x, y) => y.rate - x.rate || byTag(x.a, y.a) || byTag(x.b, y.b));
  const clusters = sets
    .groups()
    .map((group) => group.sort(byTag))
    .sort((x, y) => y.length - x.length || byTag(x[0] ?? '', y[0] ?? ''));
  return { clusters, links, threshold, minCount, signature };
}

export function writeClusters(path: string, clusters: ConfusableClusters): void {
  writeJsonAtomic(path, clusters);
}

/** Reads a clusters file written by writeClusters, checking its shape so a bad file fails here, not in a filter. */
export function readClusters(path: string): ConfusableClusters {
  const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<ConfusableClusters>;
  const isTagList = (item: unknown): boolean => Array.isArray(item) && item.every((tag) => typeof tag === 'string');
  if (!Array.isArray(value.clusters) || !value.clusters.every(isTagList) || typeof value.threshold !== 'number') {
    throw new Error(`${path}: not a confusable-clusters file (expected {clusters: [[tag…]…], threshold, …}; write it with writeClusters)`);
  }
  return { clusters: value.clusters, links: value.links ?? [], threshold: value.threshold, minCount: value.minCount ?? DEFAULT_CLUSTER_MIN_COUNT, signature: value.signature ?? '' };
}

/**
 * Within-cluster refiners: a hierarchical second decision inside the confusable clusters (Bapna et al. 2022
 * §2.1.3 derives the clusters from held-out confusions). Stage 1's best label picks the cluster; a small model
 * trained on that cluster's languages alone (naive Bayes, naive-bayes.ts; fastText in folders built before it)
 * picks the language, and the cluster's probability mass under stage 1 is shared out among its members by the
 * refiner's probabilities.
 *
 * The mass is the sum of stage 1's probabilities of the cluster's members (FastTextClassifier.probabilities: a
 * few dot products per member on the hidden vector stage 1 already has), so answer and score do not depend on
 * how many labels the caller asks for. Of the scores tried on the `full` preset's held-out model (with fastText
 * refiners) it was the best calibrated at the same accuracy (ECE of the best label on FLORES dev / held-out UDHR,
 * 15 bins): 0.017 / 0.012,
 * against 0.040 / 0.018 with stage 1's best probability as the mass, 0.018 / 0.013 with the members among its
 * 5 best (a second, k = 5 search of stage 1's tree: ~20 µs a sentence) and 0.016 / 0.023 with the refiner's
 * probability alone; stage 1 without refiners: 0.014 / 0.015.
 */
import type { TagClassifier } from '../ngram/fasttext-classifier.js';

/** A language listed by two refiners, or a refiner of fewer than two languages: the folder is inconsistent. */
export class RefinerSetError extends Error {}

const byScore = (a: [string, number], b: [string, number]): number => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);

export class ClusterRefiners {
  /** The refiner answering for each language it covers. */
  private readonly byTag = new Map<string, TagClassifier>();

  constructor(readonly refiners: readonly TagClassifier[]) {
    for (const refiner of refiners) {
      if (refiner.labels.length < 2) throw new RefinerSetError(`a refiner needs two or more languages, got [${refiner.labels.join(', ')}]`);
      for (const tag of refiner.labels) {
        if (this.byTag.has(tag)) throw new RefinerSetError(`${tag} is in two refiners`);
        this.byTag.set(tag, refiner);
      }
    }
  }

  /** The languages some refiner covers. */
  get languages(): string[] {
    return [...this.byTag.keys()].sort();
  }

  /** The languages of the cluster whose refiner decides when stage 1's best label is `tag` (undefined: none). */
  clusterOf(tag: string | undefined): readonly string[] | undefined {
    return tag === undefined ? undefined : this.byTag.get(tag)?.labels;
  }

  /**
   * Stage 1's k best labels for `text` (`top`, read by stage 1 as this model text) with the cluster of the best
   * one decided by its refiner: the refiner's language first, scored `mass` (stage 1's probability of the
   * cluster) × its probability; the other candidates follow by score, members scored the same way, as many as
   * `top` held. `top` comes back as it is when its best label is in no cluster.
   */
  refine(top: ReadonlyArray<[string, number]>, text: string, mass: number): Array<[string, number]> {
    const refiner = this.byTag.get(top[0]?.[0] ?? '');
    if (refiner === undefined) return [...top];
    const [answer, ...others] = refiner.predict(text, refiner.labels.length).map(([tag, p]): [string, number] => [tag, mass * p]);
    if (answer === undefined) return [...top];
    const members = new Set(refiner.labels);
    return [answer, ...[...others, ...top.filter(([tag]) => !members.has(tag))].sort(byScore)].slice(0, top.length);
  }
}

/**
 * Bounded samples of filter scores per filter, measure and language, read from the `meta.filters` records of
 * a run's documents (run the filters with `mode: "annotate"` so nothing is dropped before it is scored).
 * Bottom-k sampling on a hash of (document id, unit): the same documents give the same sample in any order
 * and on any number of shards, and memory stays at `perLanguage` scores per (filter, measure, language).
 */
import { UND, type Doc } from '@ntl/core';
import { isScored, type FilterRecord } from '../filter-step/filter-record.js';
import { hashString } from '../hashing/string-hash.js';

/** Filter short name → measure → language → scores. */
export type ScoreSamples = Map<string, Map<string, Map<string, number[]>>>;

/** Default scores kept per (filter, measure, language); 10,000 (ours) puts a 0.1% tail on ten values. */
export const DEFAULT_SAMPLE_SIZE = 10_000;

interface Bucket {
  priorities: number[];
  values: number[];
}

export class ScoreSampler {
  private readonly buckets = new Map<string, Map<string, Map<string, Bucket>>>();

  constructor(readonly perLanguage = DEFAULT_SAMPLE_SIZE) {
    if (!(Number.isInteger(perLanguage) && perLanguage >= 1)) throw new RangeError(`perLanguage must be a positive integer, got ${perLanguage}`);
  }

  add(doc: Doc): void {
    const filters = doc.meta['filters'];
    if (typeof filters !== 'object' || filters === null) return;
    const lang = doc.lang?.tag ?? UND;
    for (const [name, record] of Object.entries(filters as Record<string, FilterRecord>)) {
      const units = [record.document, ...(record.sentences ?? [])];
      units.forEach((unit, index) => {
        if (!isScored(unit)) return;
        const priority = hashString(`${doc.id}\u0001${index}`);
        for (const [measure, value] of Object.entries(unit.scores)) this.offer(name, measure, lang, priority, value);
      });
    }
  }

  private offer(name: string, measure: string, lang: string, priority: number, value: number): void {
    let measures = this.buckets.get(name);
    if (!measures) this.buckets.set(name, (measures = new Map()));
    let languages = measures.get(measure);
    if (!languages) measures.set(measure, (languages = new Map()));
    let bucket = languages.get(lang);
    if (!bucket) languages.set(lang, (bucket = { priorities: [], values: [] }));
    bucket.priorities.push(priority);
    bucket.values.push(value);
    if (bucket.priorities.length >= 2 * this.perLanguage) this.shrink(bucket);
  }

  /** Keeps the perLanguage lowest priorities (ties by value, so the result does not depend on arrival order). */
  private shrink(bucket: Bucket): void {
    const order = bucket.priorities.map((_, i) => i).sort((a, b) => (bucket.priorities[a] as number) - (bucket.priorities[b] as number) || (bucket.values[a] as number) - (bucket.values[b] as number));
    const kept = order.slice(0, this.perLanguage);
    bucket.priorities = kept.map((i) => bucket.priorities[i] as number);
    bucket.values = kept.map((i) => bucket.values[i] as number);
  }

  samples(): ScoreSamples {
    const out: ScoreSamples = new Map();
    for (const [name, measures] of this.buckets) {
      const byMeasure = new Map<string, Map<string, number[]>>();
      for (const [measure, languages] of measures) {
        const byLanguage = new Map<string, number[]>();
        for (const [lang, bucket] of languages) {
          if (bucket.priorities.length > this.perLanguage) this.shrink(bucket);
          byLanguage.set(lang, [...bucket.values]);
        }
        byMeasure.set(measure, byLanguage);
      }
      out.set(name, byMeasure);
    }
    return out;
  }
}

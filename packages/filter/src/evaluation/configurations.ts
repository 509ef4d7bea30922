/**
 * Filter configurations recomputed from one annotate-mode run (every filter with `mode: "annotate"`, so each
 * recorded its would-be drops in `meta.filters.<name>` and nothing was dropped). A configuration is a set of
 * filters; a unit is dropped by it when any of its filters recorded a drop for the unit: a document-level
 * drop removes the whole document, a sentence-level one that segment.
 *
 * This is exact for every filter whose judgement of a unit does not depend on what earlier filters removed:
 * document-level filters score the whole text, and sentence-level ones each sentence alone. The exception is
 * `filter.consistency` at document level: it counts agreeing sentences among those no earlier filter removed.
 * In annotate mode nothing was removed, so its recorded document decision is the one it makes alone; in a
 * configuration where an earlier sentence-level filter (in the default chain: blocklist) also drops sentences,
 * the recorded decision is used unchanged, an approximation of the real chain for that configuration.
 */
import type { FilterRecord, UnitRecord } from '../filter-step/filter-record.js';
import { isScored } from '../filter-step/filter-record.js';

export interface Configuration {
  readonly name: string;
  /** Filters (short names, as in meta.filters) whose recorded drops apply. */
  readonly filters: readonly string[];
}

/** The one configuration of a run whose filters really dropped (or of a run without filters): what was written. */
export const AS_WRITTEN: Configuration = { name: 'corpus as written', filters: [] };
export const LANGID_ONLY = 'LangID only';
export const ALL_FILTERS = 'all filters';

/**
 * LangID only; LangID + each filter alone; all filters; all filters but each one (what each adds to the others).
 * `filters` in pipeline order.
 */
export function ablationConfigurations(filters: readonly string[]): Configuration[] {
  return [
    { name: LANGID_ONLY, filters: [] },
    ...filters.map((filter) => ({ name: `+ ${filter}`, filters: [filter] })),
    { name: ALL_FILTERS, filters },
    ...(filters.length > 1 ? filters.map((filter) => ({ name: `all but ${filter}`, filters: filters.filter((other) => other !== filter) })) : []),
  ];
}

const drops = (unit: UnitRecord | null | undefined): boolean => isScored(unit) && unit.drop !== undefined;

export interface AppliedDrops {
  readonly document: boolean;
  /** Per segment: dropped by the configuration. */
  readonly segments: readonly boolean[];
}

/** What `configuration` removes from a document whose filter records are `records`, with `segmentCount` segments. */
export function appliedDrops(records: Readonly<Record<string, FilterRecord>>, configuration: Configuration, segmentCount: number): AppliedDrops {
  let document = false;
  const segments = new Array<boolean>(segmentCount).fill(false);
  for (const name of configuration.filters) {
    const record = records[name];
    if (!record) continue;
    if (drops(record.document)) document = true;
    record.sentences?.forEach((unit, index) => {
      if (drops(unit)) segments[index] = true;
    });
  }
  return { document, segments };
}

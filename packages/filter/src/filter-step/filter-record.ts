/**
 * What a filter leaves in `doc.meta.filters[<name>]`, in both modes, so that calibration, ablations and
 * reviewers can read every score and decision from the output without rerunning anything.
 */
import type { Doc } from '@ntl/core';
import type { Scores } from './threshold-spec.js';

/** One scored unit: its scores and, when it failed a threshold, the reason (applied, or only recorded in annotate mode). */
export interface ScoredUnit {
  readonly scores: Scores;
  readonly drop?: string;
}

/** A unit the filter could not judge (no wordlist for the language, no tokens…): it passes. */
export interface SkippedUnit {
  readonly skipped: string;
}

export type UnitRecord = ScoredUnit | SkippedUnit;

export interface FilterRecord {
  /** True when the filter ran with `mode: "annotate"`: `drop` reasons were recorded, not applied. */
  readonly annotate?: true;
  readonly document?: UnitRecord;
  /** One entry per segment; null for a segment an earlier filter had already dropped. */
  readonly sentences?: Array<UnitRecord | null>;
}

export function isScored(unit: UnitRecord | null | undefined): unit is ScoredUnit {
  return unit !== null && unit !== undefined && 'scores' in unit;
}

/** The record a filter (short name: `wordlist`) left on a document, if it ran on it. */
export function filterRecord(doc: Doc, name: string): FilterRecord | undefined {
  const filters = doc.meta['filters'];
  if (typeof filters !== 'object' || filters === null) return undefined;
  return (filters as Record<string, FilterRecord | undefined>)[name];
}

/** Every scored unit of a record: the document's and the sentences', in that order. */
export function scoredUnits(record: FilterRecord): ScoredUnit[] {
  return [record.document, ...(record.sentences ?? [])].filter(isScored);
}

/**
 * Samples of what a run dropped, for a linguist's review (`ntl filter dropped`): read back from
 * `<run>/dropped/<step>/`, chosen by step, reason and language (a dropped document's LangID tag; a dropped
 * sentence's document's tag, `docLang`), the first `limit` of each step and reason in file order — the same
 * sample on every call — with every match counted. One record is held at a time.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EvaluationInputError, partFiles, readGzipJsonl, requireFolder } from './run-output.js';

export interface DroppedSelection {
  readonly runDir: string;
  /** Steps (`filter.wordlist`, `crawl.dedup`); all when empty. */
  readonly steps?: readonly string[];
  readonly reasons?: readonly string[];
  /** Language tags, matched against the document's; all when empty. */
  readonly languages?: readonly string[];
  /** Samples kept per step and reason. */
  readonly limit: number;
}

export interface DroppedSample {
  readonly step: string;
  readonly reason: string;
  /** The document's language tag; absent when the document was dropped before LangID. */
  readonly lang?: string;
  readonly unit: 'document' | 'sentence';
  /** The document's id (a sentence's `docId`). */
  readonly docId: string;
  readonly text: string;
  /** Where the record is: `<part file>:<line>`. */
  readonly where: string;
}

export interface DroppedGroup {
  readonly step: string;
  readonly reason: string;
  documents: number;
  sentences: number;
  readonly samples: DroppedSample[];
}

function stringField(value: Record<string, unknown>, field: string): string | undefined {
  const item = value[field];
  return typeof item === 'string' ? item : undefined;
}

/** The sample of a dropped/ record, or undefined for one no run writes (counted by the caller as not read). */
function sampleOf(step: string, value: Record<string, unknown>, where: string): DroppedSample | undefined {
  const reason = (value['drop'] as { reason?: unknown } | undefined)?.reason;
  const text = stringField(value, 'text');
  if (typeof reason !== 'string' || text === undefined) return undefined;
  const sentenceOf = stringField(value, 'docId');
  if (sentenceOf !== undefined) {
    const lang = stringField(value, 'docLang');
    return { step, reason, ...(lang !== undefined ? { lang } : {}), unit: 'sentence', docId: sentenceOf, text, where };
  }
  const docId = stringField(value, 'id');
  if (docId === undefined) return undefined;
  const lang = (value['lang'] as { tag?: unknown } | undefined)?.tag;
  return { step, reason, ...(typeof lang === 'string' ? { lang } : {}), unit: 'document', docId, text, where };
}

/** Groups by step and reason, in step then reason order; `unreadable` counts records that are not a run's. */
export async function droppedSamples(selection: DroppedSelection): Promise<{ groups: DroppedGroup[]; unreadable: number }> {
  const droppedDir = join(selection.runDir, 'dropped');
  requireFolder(selection.runDir, 'run output folder');
  if (!existsSync(droppedDir) && !existsSync(join(selection.runDir, 'corpus'))) {
    throw new EvaluationInputError(selection.runDir, `${selection.runDir}: not the output folder of ntl run (no corpus/ or dropped/ in it)`);
  }
  const steps = new Set(selection.steps ?? []);
  const reasons = new Set(selection.reasons ?? []);
  const languages = new Set(selection.languages ?? []);
  const groups = new Map<string, DroppedGroup>();
  let unreadable = 0;
  for (const part of partFiles(droppedDir)) {
    if (steps.size > 0 && !steps.has(part.folder)) continue;
    for await (const { value, where } of readGzipJsonl(part.path)) {
      const sample = sampleOf(part.folder, value, where);
      if (!sample) {
        unreadable++;
        continue;
      }
      if (reasons.size > 0 && !reasons.has(sample.reason)) continue;
      if (languages.size > 0 && !languages.has(sample.lang ?? '')) continue;
      const key = `${sample.step}\u0000${sample.reason}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { step: sample.step, reason: sample.reason, documents: 0, sentences: 0, samples: [] }));
      if (sample.unit === 'document') group.documents++;
      else group.sentences++;
      if (group.samples.length < selection.limit) group.samples.push(sample);
    }
  }
  const ordered = [...groups.values()].sort((a, b) => (a.step === b.step ? (a.reason < b.reason ? -1 : 1) : a.step < b.step ? -1 : 1));
  return { groups: ordered, unreadable };
}

/** One line a sample, its text on one line and cut at `width` characters. */
export function formatDroppedSamples(groups: readonly DroppedGroup[], width = 160): string {
  if (groups.length === 0) return 'Nothing dropped matches.\n';
  const oneLine = (text: string): string => {
    const flat = text.replace(/\s+/g, ' ').trim();
    const characters = [...flat];
    return characters.length > width ? `${characters.slice(0, width - 1).join('')}…` : flat;
  };
  const lines: string[] = [];
  for (const group of groups) {
    lines.push(`${group.step} ${group.reason}: ${group.documents} document(s), ${group.sentences} sentence(s)`);
    for (const sample of group.samples) lines.push(`  [${sample.lang ?? 'no language'} ${sample.unit} ${sample.docId}] ${oneLine(sample.text)}`);
  }
  return `${lines.join('\n')}\n`;
}

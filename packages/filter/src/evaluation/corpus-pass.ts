/**
 * One streaming pass over a run's corpus/: every kept sentence labelled against the truth, tallied per
 * configuration and corpus folder. For a run whose filters all ran in annotate mode the configurations are the
 * ablation's (configurations.ts); otherwise the one configuration is the corpus as written.
 */
import { keptText, type Doc, type Segment } from '@ntl/core';
import { segmentSentences, type SentenceSpan } from '@ntl/crawl';
import type { FilterRecord } from '../filter-step/filter-record.js';
import { labelText, truthText, type TruthRow } from '../synth/truth.js';
import { ablationConfigurations, appliedDrops, AS_WRITTEN, type Configuration } from './configurations.js';
import type { LanguageMatch } from './language-match.js';
import { LanguageTally } from './language-scores.js';
import { EvaluationInputError, partFiles, readGzipJsonl, type JsonLine } from './run-output.js';
import type { TruthIndex } from './truth-index.js';

export interface CorpusPassOptions {
  /** Fail unless the records allow the ablation (every filter in annotate mode). */
  readonly requireAblation?: boolean;
}

export interface CorpusPass {
  readonly configurations: readonly Configuration[];
  /** True when the configurations are the ablation's. */
  readonly ablation: boolean;
  /** The filters whose records the corpus carries, in pipeline order. */
  readonly filters: readonly string[];
  /** Per configuration (same order): corpus folder → tally. */
  readonly tallies: ReadonlyArray<ReadonlyMap<string, LanguageTally>>;
  readonly documents: number;
  /** Corpus documents with no truth row (their sentences count as no language's). */
  readonly unjoinedDocuments: number;
  /** Kept sentences (as written) the truth has no text for. */
  readonly unlabelledSentences: number;
  /** Doc id → corpus folder, for the audit of what was dropped. */
  readonly folders: ReadonlyMap<string, string>;
}

interface CorpusRecord {
  readonly id: string;
  readonly text: string;
  readonly segments?: readonly Segment[];
  readonly filters?: Readonly<Record<string, FilterRecord>>;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function corpusRecord({ value, where }: JsonLine, path: string): CorpusRecord {
  const { id, text, segments, meta } = value;
  if (typeof id !== 'string' || typeof text !== 'string') throw new EvaluationInputError(path, `${where}: not a corpus record (no string id and text)`);
  if (segments !== undefined) {
    const valid = Array.isArray(segments) && segments.every((s) => isObject(s) && typeof s['start'] === 'number' && typeof s['end'] === 'number' && s['start'] <= s['end'] && s['end'] <= text.length);
    if (!valid) throw new EvaluationInputError(path, `${where}: document ${id} has segments that are not spans of its text`);
  }
  const filters = isObject(meta) && isObject(meta['filters']) ? (meta['filters'] as Record<string, FilterRecord>) : undefined;
  return { id, text, ...(segments === undefined ? {} : { segments: segments as Segment[] }), ...(filters === undefined ? {} : { filters }) };
}

const isAnnotate = (filters: Readonly<Record<string, FilterRecord>> | undefined): boolean =>
  filters !== undefined && Object.keys(filters).length > 0 && Object.values(filters).every((record) => isObject(record) && record.annotate === true);

function checkRecords(record: CorpusRecord, filters: readonly string[], units: number, where: string, path: string): void {
  for (const name of filters) {
    const filterRecord: FilterRecord | undefined = record.filters?.[name];
    if (typeof filterRecord !== 'object' || filterRecord === null || filterRecord.annotate !== true) {
      throw new EvaluationInputError(path, `${where}: document ${record.id} has no annotate-mode meta.filters.${name} record; the ablation needs every filter's record on every kept document`);
    }
    const sentences = filterRecord.sentences;
    if (sentences === undefined) continue;
    if (record.segments === undefined) {
      throw new EvaluationInputError(path, `${where}: document ${record.id} has sentence records (meta.filters.${name}) but no segments; run corpus.write with "keepSegments": true`);
    }
    if (!Array.isArray(sentences) || sentences.length !== units) {
      throw new EvaluationInputError(path, `${where}: document ${record.id}: meta.filters.${name} has ${Array.isArray(sentences) ? sentences.length : 'no array of'} sentence records for ${units} segments`);
    }
  }
}

function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

interface JudgedDocument {
  /** Per unit: its truth sentence is main text in the folder's language. */
  readonly inLanguage: readonly boolean[];
  /** Per unit: code points. */
  readonly chars: readonly number[];
  /** The distinct truth texts of the document in the folder's language (what recall looks for). */
  readonly targets: readonly string[];
  /** Units of a joined document that the truth has no text for. */
  readonly unlabelled: number;
  /** The document's kept text when the marked units are dropped, normalised as truth texts are. */
  keptText(dropped: readonly boolean[]): string;
}

function judgeDocument(record: CorpusRecord, units: readonly SentenceSpan[], row: TruthRow | undefined, tag: string, match: LanguageMatch, path: string): JudgedDocument {
  const pieces = units.map((unit) => record.text.slice(unit.start, unit.end));
  const labels = pieces.map((piece) => (row ? labelText(row, piece) : undefined));
  // Configurations often share a drop pattern: each pattern's kept text is built once.
  const keptByPattern = new Map<string, string>();
  return {
    inLanguage: labels.map((label) => label?.lang !== undefined && match(label.lang, tag)),
    chars: pieces.map(codePoints),
    targets: [...new Set((row?.sentences ?? []).filter((s) => s.lang !== undefined && match(s.lang, tag)).map((s) => s.text))],
    unlabelled: row ? labels.filter((label) => label === undefined).length : 0,
    keptText(dropped) {
      const key = dropped.map((d) => (d ? '1' : '0')).join('');
      let text = keptByPattern.get(key);
      if (text === undefined) {
        const segments = units.map((unit, i): Segment => ({ start: unit.start, end: unit.end, ...(dropped[i] ? { drop: { filter: 'evaluation', reason: 'configuration' } } : {}) }));
        const doc: Doc = { id: record.id, text: record.text, source: { path }, meta: {}, segments };
        text = truthText(keptText(doc).text);
        keptByPattern.set(key, text);
      }
      return text;
    },
  };
}

export async function passCorpus(corpusDir: string, truth: TruthIndex, match: LanguageMatch, options: CorpusPassOptions = {}): Promise<CorpusPass> {
  let mode: { configurations: Configuration[]; filters: string[]; ablation: boolean } | undefined;
  let tallies: Array<Map<string, LanguageTally>> = [];
  let documents = 0;
  let unjoinedDocuments = 0;
  let unlabelledSentences = 0;
  const folders = new Map<string, string>();

  for (const part of partFiles(corpusDir)) {
    const tag = part.folder;
    for await (const line of readGzipJsonl(part.path)) {
      const record = corpusRecord(line, part.path);
      if (mode === undefined) {
        const filters = Object.keys(record.filters ?? {});
        const ablation = isAnnotate(record.filters);
        if (options.requireAblation && !ablation) {
          throw new EvaluationInputError(
            corpusDir,
            `${corpusDir}: no ablation possible: ${line.where} (document ${record.id}) has ${filters.length ? 'meta.filters records of filters that really dropped' : 'no meta.filters'}; run the pipeline with every filter in "mode": "annotate" (pipelines/filter-ablation.json)`,
          );
        }
        mode = ablation ? { configurations: ablationConfigurations(filters), filters, ablation } : { configurations: [AS_WRITTEN], filters, ablation };
        tallies = mode.configurations.map(() => new Map());
      }
      documents++;
      folders.set(record.id, tag);
      const units = record.segments ?? segmentSentences(record.text);
      if (mode.ablation) checkRecords(record, mode.filters, units.length, line.where, part.path);

      const row = truth.rows.get(record.id);
      if (!row) unjoinedDocuments++;
      const judged = judgeDocument(record, units, row, tag, match, part.path);
      unlabelledSentences += judged.unlabelled;
      const { inLanguage, chars, targets } = judged;

      mode.configurations.forEach((configuration, c) => {
        const perFolder = tallies[c] as Map<string, LanguageTally>;
        let tally = perFolder.get(tag);
        if (!tally) perFolder.set(tag, (tally = new LanguageTally()));
        const applied = appliedDrops(record.filters ?? {}, configuration, units.length);
        if (applied.document) return;
        units.forEach((_, i) => {
          if (applied.segments[i]) return;
          tally.keptSentences++;
          tally.keptChars += chars[i] as number;
          if (inLanguage[i]) {
            tally.inLanguageSentences++;
            tally.inLanguageChars += chars[i] as number;
          }
        });
        if (targets.length === 0) return;
        const kept = judged.keptText(applied.segments);
        for (const text of targets) if (kept.includes(text)) tally.recalled.add(text);
      });
    }
  }
  const final = mode ?? { configurations: [AS_WRITTEN], filters: [], ablation: false };
  if (options.requireAblation && !final.ablation) throw new EvaluationInputError(corpusDir, `${corpusDir}: no kept documents, so no ablation`);
  if (tallies.length === 0) tallies = [new Map()];
  return { configurations: final.configurations, ablation: final.ablation, filters: final.filters, tallies, documents, unjoinedDocuments, unlabelledSentences, folders };
}

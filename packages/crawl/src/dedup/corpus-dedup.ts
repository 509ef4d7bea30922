/**
 * Duplicates in a finished run's corpus (`ntl dedup <run>`). crawl.dedup keeps its state per task, so a page
 * that two input files both hold (a crawl's segments overlap) is written twice; and filtering can leave two
 * documents of one shard identical. This pass reads the corpus back language by language (a copy gets the
 * same LangID label, and memory then holds one language's index), in shard order, and finds whole-document
 * exact and MinHash-LSH near duplicates with the run's own crawl.dedup settings, first occurrence winning.
 * The copies go to `dropped/corpus.dedup/` with what they duplicate, and their counts into
 * `stats/pass-corpus.dedup.json`, which the run's manifest and report fold in.
 *
 * Crash safety: the decisions are written first (`corpus-dedup/decisions.json`); then, shard by shard, the
 * dropped copies (one file per shard, renamed into place whole) and after them the shard's corpus parts without
 * them (likewise); then the counters and a completion marker. A rerun reuses the decisions, keeps dropped files
 * already written (from the parts before they were rewritten) and removes from each part only what is still
 * there, so it ends as an uninterrupted pass would; once the marker exists the pass does nothing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { basename, dirname, join, relative } from 'node:path';
import {
  DROPS_BY_LANGUAGE_PREFIX, GzipJsonlWriter, partFiles, readGzipJsonl, runLayout, Stats, writeFileAtomic, writeJsonAtomic, type PartFile, type StatsSnapshot,
} from '@ntl/core';
import { balance, PassWorkers, replyError } from './corpus-dedup-workers.js';
import { ExactDeduplicator } from './exact-dedup.js';
import { NearDuplicateIndex, type NearDuplicateOptions } from './near-dedup.js';

export const CORPUS_DEDUP_STEP = 'corpus.dedup';
const DECISIONS_VERSION = 1;

export interface CorpusDedupSettings extends NearDuplicateOptions {
  /** Whole-document exact duplicates (paragraph keys, as crawl.dedup). */
  readonly exact: boolean;
  /** MinHash-LSH near duplicates. */
  readonly near: boolean;
  /** gzip level of the rewritten parts (the run's corpus.write level). */
  readonly gzipLevel: number;
}

/** One document the pass drops. */
export interface CorpusDuplicate {
  /** Its corpus part, relative to the run folder. */
  readonly part: string;
  readonly tag: string;
  readonly id: string;
  readonly reason: 'exact_duplicate' | 'near_duplicate';
  readonly duplicateOf: string;
  /** Estimated Jaccard similarity, near duplicates only. */
  readonly jaccard?: number;
  readonly chars: number;
  readonly bytes: number;
}

interface Decisions {
  readonly version: number;
  readonly settings: CorpusDedupSettings;
  readonly docsIn: number;
  readonly ms: number;
  readonly duplicates: CorpusDuplicate[];
}

export interface CorpusDedupResult extends Decisions {
  /** True when an earlier pass had finished: nothing was read or written. */
  readonly alreadyDone: boolean;
}

/** What the pass may use before it stops (resident memory); 60% of the machine's by default, leaving room for the rest. */
export function defaultPassMemoryBytes(): number {
  return Math.floor(totalmem() * 0.6);
}

/** The pass outgrew its memory budget before it wrote anything; the run's corpus is as it was. */
export class CorpusDedupMemoryError extends Error {
  constructor(
    readonly run: string,
    readonly tag: string,
    readonly docsOfTag: number,
    readonly usedBytes: number,
    readonly limitBytes: number,
    readonly limit: 'budget' | 'heap',
  ) {
    const gb = (bytes: number) => (bytes / 2 ** 30).toFixed(2);
    super(
      `the dedup pass across shards stopped at ${tag} after ${docsOfTag} of its documents: ${gb(usedBytes)} GB in use reached ` +
        (limit === 'budget' ? `its budget of ${gb(limitBytes)} GB` : `${gb(limitBytes)} GB, 85% of Node's heap limit`) +
        ` (one language's MinHash index is held at a time, ~1 KB a document). Nothing was changed: the corpus keeps its duplicates across ` +
        `shards. Run \`ntl dedup ${run} --dedup-memory GB\` with more memory` +
        (limit === 'heap' ? ' (with NODE_OPTIONS=--max-old-space-size=MB for a larger heap)' : '') + '.',
    );
    this.name = 'CorpusDedupMemoryError';
  }
}

/** Checked every this many documents and at each part file: memoryUsage costs microseconds, an index grows by ~1 MB a thousand documents. */
const MEMORY_CHECK_DOCS = 1000;

/** Throws before the pass outgrows `budgetBytes` of resident memory or most of V8's heap (which would abort the process). */
function checkMemory(run: string, tag: string, docsOfTag: number, budgetBytes: number): void {
  const rss = process.memoryUsage.rss();
  if (rss > budgetBytes) throw new CorpusDedupMemoryError(run, tag, docsOfTag, rss, budgetBytes, 'budget');
  const heap = getHeapStatistics();
  const heapLimit = heap.heap_size_limit * 0.85;
  if (heap.used_heap_size > heapLimit) throw new CorpusDedupMemoryError(run, tag, docsOfTag, heap.used_heap_size, heapLimit, 'heap');
}

const layout = {
  decisions: (run: string) => join(run, 'corpus-dedup', 'decisions.json'),
  done: (run: string) => join(run, 'corpus-dedup', 'complete'),
  dropped: (run: string, partName: string) => join(runLayout.dropped(run), CORPUS_DEDUP_STEP, partName),
};

/** The corpus parts of each language, languages and parts in order (shard order). */
export function partsByLanguage(run: string): Map<string, PartFile[]> {
  const partsByTag = new Map<string, PartFile[]>();
  for (const part of partFiles(runLayout.corpus(run))) {
    const parts = partsByTag.get(part.folder);
    if (parts) parts.push(part);
    else partsByTag.set(part.folder, [part]);
  }
  return partsByTag;
}

/** One language's verdicts. */
export interface LanguageDecisions {
  readonly tag: string;
  readonly docsIn: number;
  readonly duplicates: CorpusDuplicate[];
}

/** Decides which documents of one language are duplicates: parts in shard order, lines in file order. */
async function decideLanguage(run: string, tag: string, parts: readonly PartFile[], settings: CorpusDedupSettings, budgetBytes: number): Promise<LanguageDecisions> {
  const duplicates: CorpusDuplicate[] = [];
  const exact = new ExactDeduplicator();
  const near = settings.near ? new NearDuplicateIndex(settings) : undefined;
  let docsIn = 0;
  for (const part of parts) {
    checkMemory(run, tag, docsIn, budgetBytes);
    for await (const { value, where } of readGzipJsonl(part.path)) {
      const { id, text } = value;
      if (typeof id !== 'string' || typeof text !== 'string') throw new Error(`${where}: not a corpus record (no string "id" and "text")`);
      if (++docsIn % MEMORY_CHECK_DOCS === 0) checkMemory(run, tag, docsIn, budgetBytes);
      const base = { part: relative(run, part.path), tag, id, chars: text.length, bytes: Buffer.byteLength(text) };
      if (settings.exact) {
        const earlier = exact.earlierDocument(id, exact.fingerprints(text.split('\n')));
        if (earlier !== undefined) {
          duplicates.push({ ...base, reason: 'exact_duplicate', duplicateOf: earlier });
          continue;
        }
      }
      const match = near?.add(id, text);
      if (match) duplicates.push({ ...base, reason: 'near_duplicate', duplicateOf: match.duplicateOf, jaccard: Math.round(match.jaccard * 1000) / 1000 });
    }
  }
  return { tag, docsIn, duplicates };
}

/** Decides the languages `tags` of the run one at a time (memory then holds one language's index). */
export async function decideLanguages(
  run: string,
  parts: ReadonlyMap<string, readonly PartFile[]>,
  tags: readonly string[],
  settings: CorpusDedupSettings,
  budgetBytes: number,
): Promise<LanguageDecisions[]> {
  const decided: LanguageDecisions[] = [];
  for (const tag of tags) decided.push(await decideLanguage(run, tag, parts.get(tag) ?? [], settings, budgetBytes));
  return decided;
}

/** The pass's decisions from every language's, in language order, logging the languages that lose documents. */
function combine(settings: CorpusDedupSettings, decided: readonly LanguageDecisions[], started: number, log: (message: string) => void): Decisions {
  const ordered = [...decided].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  for (const { tag, duplicates } of ordered) if (duplicates.length > 0) log(`${tag}: ${duplicates.length} duplicate(s)`);
  return {
    version: DECISIONS_VERSION,
    settings,
    docsIn: ordered.reduce((sum, language) => sum + language.docsIn, 0),
    ms: performance.now() - started,
    duplicates: ordered.flatMap((language) => language.duplicates),
  };
}

/** Decisions an earlier attempt wrote; another version's or other settings' are refused, since parts may have been rewritten by them. */
function loadDecisions(path: string, settings: CorpusDedupSettings): Decisions | undefined {
  if (!existsSync(path)) return undefined;
  const decisions = JSON.parse(readFileSync(path, 'utf8')) as Decisions;
  if (decisions.version !== DECISIONS_VERSION || JSON.stringify(decisions.settings) !== JSON.stringify(settings)) {
    throw new Error(`${path}: an earlier corpus dedup pass used other settings (${JSON.stringify(decisions.settings)}); its output cannot be deduplicated again with ${JSON.stringify(settings)}: rerun the pipeline into a new folder`);
  }
  return decisions;
}

/** `part path → id → duplicate`, for the parts that lose documents. */
function byPart(run: string, duplicates: readonly CorpusDuplicate[]): Map<string, Map<string, CorpusDuplicate>> {
  const parts = new Map<string, Map<string, CorpusDuplicate>>();
  for (const duplicate of duplicates) {
    const path = join(run, duplicate.part);
    let ids = parts.get(path);
    if (!ids) parts.set(path, (ids = new Map()));
    ids.set(duplicate.id, duplicate);
  }
  return parts;
}

/** The parts that lose documents, grouped by shard (their file name), shards and parts in order. */
function byShard(parts: Map<string, Map<string, CorpusDuplicate>>): Array<[string, string[]]> {
  const shards = new Map<string, string[]>();
  for (const path of [...parts.keys()].sort()) {
    const paths = shards.get(basename(path));
    if (paths) paths.push(path);
    else shards.set(basename(path), [path]);
  }
  return [...shards].sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * Reads each losing part once, shard by shard: its duplicates go to the shard's dropped file (unless an earlier
 * attempt wrote it), the rest to the part's new version. The dropped file is renamed into place before any of the
 * shard's parts, so a crash never loses a copy; a part left empty is removed, and so is its folder's last.
 */
async function rewriteShards(
  run: string,
  parts: Map<string, Map<string, CorpusDuplicate>>,
  shards: ReadonlyArray<readonly [string, readonly string[]]>,
  gzipLevel: number,
): Promise<void> {
  for (const [partName, paths] of shards) {
    const droppedPath = layout.dropped(run, partName);
    const dropped = existsSync(droppedPath) ? undefined : new GzipJsonlWriter(droppedPath, gzipLevel);
    const rewritten: GzipJsonlWriter[] = [];
    for (const path of paths) {
      if (!existsSync(path)) continue;
      const ids = parts.get(path) as Map<string, CorpusDuplicate>;
      const kept = new GzipJsonlWriter(path, gzipLevel);
      for await (const { value } of readGzipJsonl(path)) {
        const duplicate = ids.get(value['id'] as string);
        if (!duplicate) await kept.write(value);
        else if (dropped) await dropped.write(droppedRecord(value, duplicate));
      }
      await kept.finish();
      rewritten.push(kept);
    }
    await dropped?.close();
    for (const part of rewritten) {
      if (part.records > 0) {
        part.commit();
        continue;
      }
      part.discard();
      rmSync(part.path);
      if (readdirSync(dirname(part.path)).length === 0) rmdirSync(dirname(part.path));
    }
  }
}

/** Rewrites the shards named `partNames` from the decisions on disk (a pass worker's share). */
export async function rewriteNamedShards(run: string, settings: CorpusDedupSettings, partNames: readonly string[]): Promise<void> {
  const decisions = loadDecisions(layout.decisions(run), settings);
  if (!decisions) throw new Error(`${layout.decisions(run)}: no decisions to rewrite the shards from`);
  const parts = byPart(run, decisions.duplicates);
  const named = new Set(partNames);
  await rewriteShards(run, parts, byShard(parts).filter(([partName]) => named.has(partName)), settings.gzipLevel);
}

const bytesOf = (paths: readonly string[]) => paths.reduce((sum, path) => sum + (existsSync(path) ? statSync(path).size : 0), 0);

/** Every language decided, by `workers` when given (languages spread by their bytes), else here. */
async function decide(
  run: string,
  parts: ReadonlyMap<string, readonly PartFile[]>,
  languageBytes: ReadonlyMap<string, number>,
  settings: CorpusDedupSettings,
  log: (message: string) => void,
  budgetBytes: number,
  workers?: PassWorkers,
): Promise<Decisions> {
  const started = performance.now();
  const tags = [...parts.keys()];
  if (!workers) return combine(settings, await decideLanguages(run, parts, tags, settings, budgetBytes), started, log);
  const groups = balance([...languageBytes], workers.size);
  // Outside the run folder: a pass that stops for memory must leave the run as it was.
  const scratch = mkdtempSync(join(tmpdir(), 'ntl-dedup-pass-'));
  try {
    const results = groups.map((_, i) => join(scratch, `languages-${i}.json`));
    const replies = await workers.all(groups.map((group, i) => ({ type: 'decide', run, settings, tags: group, budgetBytes: Math.floor(budgetBytes / groups.length), resultPath: results[i] as string })));
    const failed = replies.filter((reply) => reply.type === 'failed');
    if (failed.some((reply) => reply.name === 'CorpusDedupMemoryError')) {
      // Each worker had a share of the budget; one language may need all of it.
      log(`a language outgrew its worker's share of the memory budget: deciding again in one process`);
      return combine(settings, await decideLanguages(run, parts, tags, settings, budgetBytes), started, log);
    }
    if (failed[0]) throw replyError(failed[0]);
    return combine(settings, results.flatMap((path) => JSON.parse(readFileSync(path, 'utf8')) as LanguageDecisions[]), started, log);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Every losing part rewritten, by `workers` when given (shards spread by their bytes), else here. */
async function rewrite(run: string, settings: CorpusDedupSettings, decisions: Decisions, workers?: PassWorkers): Promise<void> {
  const parts = byPart(run, decisions.duplicates);
  const shards = byShard(parts);
  if (!workers || shards.length < 2) return rewriteShards(run, parts, shards, settings.gzipLevel);
  const groups = balance(
    shards.map(([partName, paths]) => [partName, bytesOf(paths)]),
    workers.size,
  );
  const replies = await workers.all(groups.map((group) => ({ type: 'rewrite', run, settings, shards: group })));
  const [failed] = replies.filter((reply) => reply.type === 'failed');
  if (failed) throw replyError(failed);
}

/**
 * Workers for a pass over more than one language whose corpus has at least PARALLEL_MIN_BYTES: below that the
 * whole pass takes about as long as starting them (~0.3 CPU-s each: Node and the modules).
 */
const PARALLEL_MIN_BYTES = 1 << 20;

function passWorkers(languageBytes: ReadonlyMap<string, number>, workers: number, log: (message: string) => void): PassWorkers | undefined {
  if (workers < 2 || languageBytes.size < 2) return undefined;
  if ([...languageBytes.values()].reduce((sum, bytes) => sum + bytes, 0) < PARALLEL_MIN_BYTES) return undefined;
  const count = Math.min(workers, languageBytes.size);
  log(`${languageBytes.size} languages over ${count} worker processes`);
  return PassWorkers.start(count);
}

/** A dropped copy: the corpus record, what it duplicates, and the drop reason. */
function droppedRecord(value: Record<string, unknown>, duplicate: CorpusDuplicate): Record<string, unknown> {
  const links = duplicate.reason === 'exact_duplicate' ? { duplicateOf: duplicate.duplicateOf } : { nearDuplicateOf: duplicate.duplicateOf, jaccard: duplicate.jaccard };
  return { ...value, meta: { ...(value['meta'] as Record<string, unknown>), ...links }, drop: { filter: CORPUS_DEDUP_STEP, reason: duplicate.reason } };
}

/** The pass's counters: its own, and the corrections that keep the writer's per-language counts true. */
export function corpusDedupStats(decisions: Decisions): StatsSnapshot {
  const stats = new Stats();
  stats.add(`${CORPUS_DEDUP_STEP}.docs_in`, decisions.docsIn);
  stats.add(`${CORPUS_DEDUP_STEP}.docs_out`, decisions.docsIn - decisions.duplicates.length);
  stats.time(CORPUS_DEDUP_STEP, decisions.ms);
  for (const duplicate of decisions.duplicates) {
    stats.drop(CORPUS_DEDUP_STEP, duplicate.reason);
    stats.add(`corpus.write.docs.${duplicate.tag}`, -1);
    stats.add(`corpus.write.chars.${duplicate.tag}`, -duplicate.chars);
    stats.add(`corpus.write.bytes.${duplicate.tag}`, -duplicate.bytes);
    stats.add('corpus.write.docs_out', -1);
    stats.add(`corpus.write.docs_dropped.${CORPUS_DEDUP_STEP}`);
    stats.add(`${DROPS_BY_LANGUAGE_PREFIX}${duplicate.tag}.docs_dropped.${CORPUS_DEDUP_STEP}.${duplicate.reason}`);
  }
  return stats.snapshot();
}

/**
 * Runs the pass over a finished run (its manifest is the caller's to refresh: finalizeRun). Deciding holds one
 * language's index in memory; if that outgrows `budgetBytes` (resident) or most of V8's heap, it throws
 * CorpusDedupMemoryError before anything is written. With `workers` > 1 and a corpus of several languages and
 * at least 1 MiB, languages are decided and shards rewritten by that many forked processes (each deciding with
 * its share of the budget, and deciding again in this process if a language outgrows it); the result is
 * the same file for file.
 */
export async function dedupCorpus(
  run: string,
  settings: CorpusDedupSettings,
  log: (message: string) => void = () => undefined,
  budgetBytes = defaultPassMemoryBytes(),
  workers = 1,
): Promise<CorpusDedupResult> {
  const decisionsPath = layout.decisions(run);
  let decisions = loadDecisions(decisionsPath, settings);
  if (decisions && existsSync(layout.done(run))) return { ...decisions, alreadyDone: true };
  const parts = partsByLanguage(run);
  const languageBytes = new Map([...parts].map(([tag, ofTag]) => [tag, bytesOf(ofTag.map((part) => part.path))]));
  const helpers = passWorkers(languageBytes, workers, log);
  try {
    if (!decisions) {
      decisions = await decide(run, parts, languageBytes, settings, log, budgetBytes, helpers);
      writeJsonAtomic(decisionsPath, decisions);
    }
    await rewrite(run, settings, decisions, helpers);
  } finally {
    await helpers?.close();
  }
  writeJsonAtomic(runLayout.passStats(run, CORPUS_DEDUP_STEP), corpusDedupStats(decisions));
  writeFileAtomic(layout.done(run), `${new Date().toISOString()}\n`);
  return { ...decisions, alreadyDone: false };
}

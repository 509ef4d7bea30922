import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DROPS_BY_LANGUAGE_PREFIX } from '../corpus/corpus-writer.js';
import { writeFileAtomic, writeJsonAtomic } from '../io/atomic-write.js';
import { sha256File } from '../io/hashing.js';
import { renderRunReport } from '../report/run-report.js';
import { mergeStats, type StatsSnapshot } from '../stats.js';
import type { RunPlan } from './run-plan.js';
import { runLayout } from './run-layout.js';

export interface OutputFileEntry {
  path: string;
  bytes: number;
  sha256: string;
}

export interface RunManifest {
  manifestVersion: 1;
  name: string;
  configHash: string;
  pipeline: RunPlan['pipeline'];
  versions: Record<string, string>;
  inputs: RunPlan['inputs'];
  tasks: number;
  counts: {
    corpus: Record<string, { docs: number; bytes: number; chars: number }>;
    droppedDocs: Record<string, number>;
    droppedSentences: Record<string, number>;
    /** Per language (the document's; und_Zyyy when dropped before LangID): what each filter dropped, by reason. */
    droppedByLanguage: Record<string, LanguageDropCounts>;
    damagedInputs: number;
  };
  outputs: OutputFileEntry[];
}

/** `filter → reason → count`, for documents and for sentences removed from kept documents. */
export interface LanguageDropCounts {
  docs: Record<string, Record<string, number>>;
  sentences: Record<string, Record<string, number>>;
}

const LANGUAGE_DROP_KEY = /^([^.]+)\.(docs|sentences)_dropped\.(.+)\.([^.]+)$/;

function dropsByLanguage(counters: Record<string, number>): Record<string, LanguageDropCounts> {
  const byLanguage: Record<string, LanguageDropCounts> = {};
  for (const [key, count] of Object.entries(countersUnder(counters, DROPS_BY_LANGUAGE_PREFIX))) {
    const match = LANGUAGE_DROP_KEY.exec(key);
    if (!match) continue;
    const [, tag, unit, filter, reason] = match as unknown as [string, string, 'docs' | 'sentences', string, string];
    const language = (byLanguage[tag] ??= { docs: {}, sentences: {} });
    const reasons = (language[unit][filter] ??= {});
    reasons[reason] = (reasons[reason] ?? 0) + count;
  }
  return Object.fromEntries(Object.entries(byLanguage).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Every task's stats, then those of passes made over the finished output (`stats/pass-*.json`), in name order. */
function readRankStats(outputDir: string, plan: RunPlan): StatsSnapshot[] {
  const statsDir = runLayout.statsFolder(outputDir);
  const passes = existsSync(statsDir) ? readdirSync(statsDir).filter((name) => /^pass-.+\.json$/.test(name)).sort() : [];
  return [...plan.tasks.map((task) => runLayout.rankStats(outputDir, task.rank)), ...passes.map((name) => join(statsDir, name))].map(
    (path) => JSON.parse(readFileSync(path, 'utf8')) as StatsSnapshot,
  );
}

async function listOutputs(outputDir: string): Promise<OutputFileEntry[]> {
  const files: string[] = [];
  for (const top of [runLayout.corpus(outputDir), runLayout.dropped(outputDir)]) {
    if (!existsSync(top)) continue;
    for (const entry of readdirSync(top, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && !entry.name.includes('.tmp-')) files.push(join(entry.parentPath, entry.name));
    }
  }
  files.sort();
  return Promise.all(
    files.map(async (path) => ({ path: relative(outputDir, path), bytes: statSync(path).size, sha256: await sha256File(path) })),
  );
}

/** Sums counters named `<prefix><key>` into a record keyed by `<key>`. */
export function countersUnder(counters: Record<string, number>, prefix: string): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [key, value] of Object.entries(counters)) if (key.startsWith(prefix)) result[key.slice(prefix.length)] = value;
  return result;
}

function corpusCounts(counters: Record<string, number>): RunManifest['counts']['corpus'] {
  const docs = countersUnder(counters, 'corpus.write.docs.');
  const bytes = countersUnder(counters, 'corpus.write.bytes.');
  const chars = countersUnder(counters, 'corpus.write.chars.');
  // A language whose every document a later pass dropped (corpus.dedup) has a count of 0 and no corpus.
  return Object.fromEntries(
    Object.keys(docs)
      .filter((tag) => (docs[tag] ?? 0) > 0)
      .sort()
      .map((tag) => [tag, { docs: docs[tag] ?? 0, bytes: bytes[tag] ?? 0, chars: chars[tag] ?? 0 }]),
  );
}

/**
 * Folds every rank's stats into stats.json and writes manifest.json and report.html. Runs after all
 * tasks are complete, also on a resumed run, so the totals never double-count a shard.
 */
export async function finalizeRun(outputDir: string, plan: RunPlan, versions: Record<string, string>): Promise<{ stats: StatsSnapshot; manifest: RunManifest }> {
  const stats = mergeStats(readRankStats(outputDir, plan));
  writeJsonAtomic(runLayout.stats(outputDir), stats);
  const manifest: RunManifest = {
    manifestVersion: 1,
    name: plan.pipeline.name,
    configHash: plan.configHash,
    pipeline: plan.pipeline,
    versions,
    inputs: plan.inputs,
    tasks: plan.tasks.length,
    counts: {
      corpus: corpusCounts(stats.counters),
      droppedDocs: countersUnder(stats.counters, 'corpus.write.docs_dropped.'),
      droppedSentences: countersUnder(stats.counters, 'corpus.write.sentences_dropped.'),
      droppedByLanguage: dropsByLanguage(stats.counters),
      damagedInputs: Object.values(countersUnder(stats.counters, 'damaged.')).reduce((sum, count) => sum + count, 0),
    },
    outputs: await listOutputs(outputDir),
  };
  writeJsonAtomic(runLayout.manifest(outputDir), manifest);
  writeFileAtomic(runLayout.report(outputDir), renderRunReport(manifest, stats));
  return { stats, manifest };
}

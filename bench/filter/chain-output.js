#!/usr/bin/env node
/**
 * Writes everything the filter chain outputs over the bench documents (bench-documents.js), so that a change
 * meant only to make the filters faster can be checked to change nothing: run it on the build before and
 * after, and compare the folders (`diff -r`). For each mode (filter, annotate) and each filter at each of its
 * levels, the whole chain runs over the LangID-labelled documents with that filter at that level and the
 * others at their defaults; one JSON file per run holds every document's drop, segment drops and
 * `meta.filters` records, then the run's counters. The Tf-IIf table the chain reads is computed by the build
 * under test and written too.
 *
 *   npx tsc -b && node bench/filter/chain-output.js --out DIR [--filter-dist DIR] [--flores DIR] [--model DIR] [--per-doc 10]
 *
 * `--filter-dist`: the @ntl/filter build to load (default packages/filter/dist); a copy of an earlier build
 * needs a package.json with "type": "module" beside it and node_modules reachable from it.
 */
/* global AbortController */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { composeSteps, createLogger, parseOptions, Stats } from '../../packages/core/dist/index.js';
import { detectStep, loadUdhr, modelClustersFile } from '../../packages/langid/dist/index.js';
import { benchDocuments } from './bench-documents.js';
import { option } from '../options.js';

const root = new URL('../..', import.meta.url).pathname;
const out = option('--out');
if (!out) throw new Error('--out DIR is required');
const filterDist = resolve(option('--filter-dist', join(root, 'packages/filter/dist')));
const floresDir = option('--flores', join(root, '../shared/data/flores200-sib'));
const modelDir = option('--model', join(root, 'models/langid-udhr'));
const perDoc = Number(option('--per-doc', '10'));

const filter = await import(pathToFileURL(join(filterDist, 'index.js')).href);

async function runSteps(steps, docs) {
  const stats = new Stats();
  const ctx = { rank: 0, worldSize: 1, stats, signal: new AbortController().signal, log: createLogger({ level: 'error', write: () => undefined }), inputs: [], outputDir: tmpdir(), progress: () => undefined };
  async function* source() {
    yield* docs;
  }
  const output = [];
  for await (const doc of composeSteps([() => source(), ...steps], ctx)) output.push(doc);
  return { output, counters: stats.snapshot().counters };
}

const create = (definition, options) => definition.create(parseOptions(definition.options, options));

const { docs } = await benchDocuments(floresDir, perDoc);
const scratch = mkdtempSync(join(tmpdir(), 'ntl-chain-output-'));
try {
  mkdirSync(out, { recursive: true });
  const wordlistDir = join(scratch, 'wordlists');
  filter.saveWordlists(wordlistDir, filter.buildWordlists(await loadUdhr()));
  const labelled = (await runSteps([create(detectStep, { model: modelDir })], docs)).output;
  const table = await filter.computeTfIif(labelled, { wordlists: filter.loadWordlists(wordlistDir) });
  const tablePath = join(scratch, 'tfiif.json');
  filter.writeTfIifTable(tablePath, table);
  writeFileSync(join(out, 'tfiif.json'), JSON.stringify(table));
  const own = {
    'filter.wordlist': { wordlists: wordlistDir },
    'filter.tfiif': { table: tablePath },
    'filter.consistency': { clusters: modelClustersFile(modelDir) ?? 'none' },
  };
  for (const mode of ['filter', 'annotate']) {
    for (const varied of filter.filterSteps) {
      for (const level of varied.options.level.values) {
        const steps = filter.filterSteps.map((definition) => create(definition, { ...own[definition.name], mode, ...(definition === varied ? { level } : {}) }));
        const { output, counters } = await runSteps(steps, labelled);
        const lines = output.map((doc) => JSON.stringify([doc.id, doc.drop ?? null, (doc.segments ?? []).map((segment) => segment.drop ?? null), doc.meta.filters]));
        lines.push(JSON.stringify(counters));
        writeFileSync(join(out, `${mode}.${varied.name}.${level}.jsonl`), `${lines.join('\n')}\n`);
      }
    }
  }
  console.log(`${docs.length} documents; outputs of ${filterDist} in ${out}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

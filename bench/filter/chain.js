#!/usr/bin/env node
/**
 * What the paper's filters cost on top of LangID (issue 4's goal: the whole chain at most 30% over LangID
 * alone), measured in one run on the same documents:
 *   (a) langid.detect alone;
 *   (b) langid.detect followed by every filter step (`filterSteps`, in the crawl-to-corpus order).
 * Both are driven through the Step API exactly as a pipeline runs them (parseOptions, steps made once,
 * one StepContext per run, steps chained over an async iterable), `--repeat` times, in CPU ms per MB of UTF-8
 * text (process CPU time, which counts the main thread and V8's helper threads); each run holds its output
 * until it ends. By default (a) and (b) take turns every `--batch` documents within each repeat, so that both
 * meet the same load on a shared machine (it moves within seconds; a whole run takes a few), and the overhead
 * b/a − 1 of each repeat is paired: the report gives their median and range, with each step's own time (its
 * mapStep transform, its median over the repeats). `--batch 0` runs (a) and (b) whole, one after the other,
 * as this bench first did, and reports the least CPU run of each. Before the repeats, (b) runs once over
 * every document, so that the filters have met each script (and the JIT its last deoptimizations).
 *
 *   npx tsc -b && node bench/filter/chain.js [--flores DIR] [--model DIR] [--per-doc 10] [--repeat 5] [--batch 50] [--filter-dist DIR]
 *
 * `--filter-dist`: the @ntl/filter build to load (default packages/filter/dist), to compare builds run after
 * run; a copy of an earlier build needs a package.json with "type": "module" beside it and node_modules
 * reachable from it.
 *
 * Input: FLORES-SIB dev (../shared/data/flores200-sib, 205 varieties × ~99 sentences), each language's
 * sentences grouped in file order into pseudo-documents of --per-doc sentences, one sentence a line and one
 * segment each (what crawl.segment hands LangID); UDHR paragraphs, one a document, when that folder is absent.
 * Model: the shipped models/langid-udhr. Filters are configured as the pipeline would be: wordlists built by
 * buildWordlists from loadUdhr() and saved with saveWordlists to a temporary folder; a Tf-IIf table from
 * computeTfIif over the LangID-labelled documents of a first LangID run — that pass is timed on its own;
 * thresholds at their defaults (so with the shipped seed calibration, models/filter-thresholds-udhr.json).
 */
/* global AbortController */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { composeSteps, createLogger, parseOptions, Stats } from '../../packages/core/dist/index.js';
import { detectStep, loadUdhr, modelClustersFile } from '../../packages/langid/dist/index.js';
import { benchDocuments } from './bench-documents.js';
import { option } from '../options.js';

const root = new URL('../..', import.meta.url).pathname;
const floresDir = option('--flores', join(root, '../shared/data/flores200-sib'));
const modelDir = option('--model', join(root, 'models/langid-udhr'));
const perDoc = Number(option('--per-doc', '10'));
const repeat = Number(option('--repeat', '5'));
const batch = Number(option('--batch', '50'));
const filterDist = resolve(option('--filter-dist', join(root, 'packages/filter/dist')));
const { computeTfIif, filterSteps, loadWordlists, saveWordlists, buildWordlists, writeTfIifTable } = await import(pathToFileURL(join(filterDist, 'index.js')).href);

function context() {
  const stats = new Stats();
  const log = createLogger({ level: 'error', write: () => undefined });
  return { rank: 0, worldSize: 1, stats, signal: new AbortController().signal, log, inputs: [], outputDir: tmpdir(), progress: () => undefined };
}

/**
 * Steps made once, as a worker makes them before its documents: making the filter steps loads every
 * wordlist, the thresholds and the Tf-IIf table, and made before each run, that garbage and those lists' first
 * copying by the collector fell inside the run's time.
 */
const makeSteps = (definitions) => definitions.map(([definition, options]) => definition.create(parseOptions(definition.options, options)));

/** Runs the steps over `docs` as a pipeline would; wall and CPU milliseconds, the output and the stats. */
async function runSteps(steps, docs) {
  const ctx = context();
  async function* source() {
    yield* docs;
  }
  const out = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  for await (const doc of composeSteps([() => source(), ...steps], ctx)) out.push(doc);
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000, out, stats: ctx.stats };
}

/**
 * One repeat of (a) and (b) over `docs`, taking turns every `size` documents (who goes first alternates);
 * each keeps one StepContext and holds its output until the repeat ends. Wall and CPU milliseconds and stats.
 */
async function interleaved(variants, docs, size) {
  const runs = variants.map((steps) => ({ steps, ctx: context(), out: [], cpu: 0, wall: 0 }));
  for (let start = 0, turn = 0; start < docs.length; start += size, turn++) {
    const slice = docs.slice(start, start + size);
    for (const run of turn % 2 === 0 ? runs : [...runs].reverse()) {
      async function* source() {
        yield* slice;
      }
      const cpu = process.cpuUsage();
      const started = performance.now();
      for await (const doc of composeSteps([() => source(), ...run.steps], run.ctx)) run.out.push(doc);
      run.wall += performance.now() - started;
      const used = process.cpuUsage(cpu);
      run.cpu += (used.user + used.system) / 1000;
    }
  }
  return runs.map(({ wall, cpu, ctx }) => ({ wall, cpu, stats: ctx.stats }));
}

const { name, docs } = await benchDocuments(floresDir, perDoc);
const mb = docs.reduce((sum, doc) => sum + Buffer.byteLength(doc.text), 0) / 1e6;
const scratch = mkdtempSync(join(tmpdir(), 'ntl-bench-filter-'));
try {
  const wordlistDir = join(scratch, 'wordlists');
  saveWordlists(wordlistDir, buildWordlists(await loadUdhr()));
  const langid = [detectStep, { model: modelDir }];
  const langidSteps = makeSteps([langid]);
  // Load the model once (it is shared by later runs) and warm up, outside the timings.
  const labelled = (await runSteps(langidSteps, docs)).out;

  const tfIifStarted = performance.now();
  const table = await computeTfIif(labelled, { wordlists: loadWordlists(wordlistDir) });
  const tfIifMs = performance.now() - tfIifStarted;
  const tablePath = join(scratch, 'tfiif.json');
  writeTfIifTable(tablePath, table);

  const filterOptions = {
    'filter.wordlist': { wordlists: wordlistDir },
    'filter.tfiif': { table: tablePath },
    'filter.consistency': { clusters: modelClustersFile(modelDir) ?? 'none' },
  };
  const chain = [langid, ...filterSteps.map((definition) => [definition, filterOptions[definition.name] ?? {}])];
  const chainSteps = makeSteps(chain);
  // Warm-up, a whole pass: the filters meet each script's first documents (and the JIT its last deopts) here.
  await runSteps(chainSteps, docs);

  // Pairs of (a) and (b), each with its times and stats (the outputs are let go).
  const timed = ({ wall, cpu, stats }) => ({ wall, cpu, stats });
  const pairs = [];
  for (let i = 0; i < repeat; i++) {
    if (batch > 0) {
      const [a, b] = await interleaved([langidSteps, chainSteps], docs, batch);
      pairs.push({ a, b });
    } else {
      const a = timed(await runSteps(langidSteps, docs));
      const b = timed(await runSteps(chainSteps, docs));
      pairs.push({ a, b });
    }
  }
  const overhead = ({ a, b }) => b.cpu / a.cpu - 1;
  const byOverhead = [...pairs].sort((x, y) => overhead(x) - overhead(y));
  const median = byOverhead[(byOverhead.length - 1) >> 1];
  const least = (key) => pairs.map((pair) => pair[key]).reduce((best, run) => (run.cpu < best.cpu ? run : best));
  const alone = batch > 0 ? median.a : least('a');
  const withFilters = batch > 0 ? median.b : least('b');

  const perMb = (ms) => (ms / mb).toFixed(0).padStart(8);
  const cores = availableParallelism();
  console.log(`input: ${name}: ${docs.length} documents, ${mb.toFixed(2)} MB UTF-8; model ${modelDir}`);
  const method = batch > 0 ? `${repeat} repeats, (a) and (b) taking turns every ${batch} documents; the repeat with the median overhead` : `${repeat} repeats of whole runs; the least CPU run of each`;
  console.log(`machine: ${cores} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} at the end; node ${process.version}`);
  console.log(`runs: ${method}`);
  console.log(`Tf-IIf first pass (computeTfIif over the labelled documents, before the runs): ${tfIifMs.toFixed(0)} ms, ${perMb(tfIifMs).trim()} ms/MB`);
  console.log('');
  console.log('run                           CPU ms/MB  wall ms/MB   docs/s CPU');
  const row = (label, run) => console.log(`${label.padEnd(28)} ${perMb(run.cpu)}    ${perMb(run.wall)}   ${(docs.length / (run.cpu / 1000)).toFixed(0).padStart(12)}`);
  row('(a) langid.detect', alone);
  row('(b) langid + all filters', withFilters);
  const percent = (value) => `${(100 * value).toFixed(1)}%`;
  console.log(`overhead b/a − 1: CPU ${percent(withFilters.cpu / alone.cpu - 1)}, wall ${percent(withFilters.wall / alone.wall - 1)} (goal: ≤ 30%)`);
  console.log(`each repeat, CPU ms/MB of (a) → (b), overhead: ${pairs.map((pair) => `${perMb(pair.a.cpu).trim()} → ${perMb(pair.b.cpu).trim()}, ${percent(overhead(pair))}`).join('; ')}`);
  console.log(`overhead of the repeats: median ${percent(overhead(median))}, range ${percent(overhead(byOverhead[0]))} – ${percent(overhead(byOverhead[byOverhead.length - 1]))}`);
  console.log('');
  // Step times: each step's median over the repeats (one repeat's times move with the load).
  const middle = (values) => [...values].sort((x, y) => x - y)[(values.length - 1) >> 1];
  const stepMs = (run, name) => middle(pairs.map((pair) => pair[run].stats.timings[name]?.ms ?? 0));
  console.log('step, median of the repeats   wall ms/MB   share of langid   kept/scored docs');
  const langidMs = stepMs('b', 'langid.detect');
  console.log(`${'(langid.detect in run a)'.padEnd(28)} ${perMb(stepMs('a', 'langid.detect'))}`);
  let filtersMs = 0;
  for (const [definition] of chain) {
    const ms = stepMs('b', definition.name);
    if (definition !== detectStep) filtersMs += ms;
    const docsIn = withFilters.stats.get(`${definition.name}.docs_in`);
    const kept = withFilters.stats.get(`${definition.name}.docs_out`);
    const share = definition === detectStep ? '' : `${((100 * ms) / langidMs).toFixed(1)}%`;
    console.log(`${definition.name.padEnd(28)} ${perMb(ms)}   ${share.padStart(15)}   ${`${kept}/${docsIn}`.padStart(16)}`);
  }
  console.log(`${'all filters'.padEnd(28)} ${perMb(filtersMs)}   ${`${((100 * filtersMs) / langidMs).toFixed(1)}%`.padStart(15)}`);
  console.log('(step times are the mapStep transforms; the rest of b − a is garbage collection, langid.detect running slower between filters and passing documents between steps: docs/BENCHMARKS.md)');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

#!/usr/bin/env node
/**
 * What the paper's filters cost on top of LangID (issue 4's goal: the whole chain at most 30% over LangID
 * alone), measured in one run on the same documents:
 *   (a) langid.detect alone;
 *   (b) langid.detect followed by every filter step (`filterSteps`, in the crawl-to-corpus order).
 * Both are driven through the Step API exactly as a pipeline runs them (parseOptions, one StepContext, steps
 * chained over an async iterable), alternating (a) and (b) `--repeat` times; each is reported by its repeat
 * with the least process CPU time (the machine is shared: CPU time, which counts the main thread and V8's
 * helper threads, moves less with other load than wall time), in CPU and wall ms per MB of UTF-8 text, with
 * the overhead b/a − 1 and each step's own time (its mapStep transform, from that run's step timings) per MB.
 *
 *   npx tsc -b && node bench/filter/chain.js [--flores DIR] [--model DIR] [--per-doc 10] [--repeat 3]
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
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { composeSteps, createLogger, parseOptions, Stats } from '../../packages/core/dist/index.js';
import { computeTfIif, filterSteps, loadWordlists, saveWordlists, buildWordlists, writeTfIifTable } from '../../packages/filter/dist/index.js';
import { detectStep, loadFloresSib, loadUdhr, modelClustersFile } from '../../packages/langid/dist/index.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const root = new URL('../..', import.meta.url).pathname;
const floresDir = option('--flores', join(root, '../shared/data/flores200-sib'));
const modelDir = option('--model', join(root, 'models/langid-udhr'));
const perDoc = Number(option('--per-doc', '10'));
const repeat = Number(option('--repeat', '3'));

/** Documents of one language each: FLORES dev sentences grouped, or UDHR paragraphs. */
async function documents() {
  let groups;
  let name;
  if (existsSync(floresDir)) {
    const byTag = new Map();
    for (const { tag, text } of await loadFloresSib(floresDir, { splits: ['dev'] })) {
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push(text);
    }
    groups = [...byTag].flatMap(([, sentences]) => Array.from({ length: Math.ceil(sentences.length / perDoc) }, (_, i) => sentences.slice(i * perDoc, (i + 1) * perDoc)));
    name = `FLORES-SIB dev, ${byTag.size} varieties, ${perDoc} sentences a document`;
  } else {
    groups = (await loadUdhr({ unit: 'paragraph' })).map(({ text }) => [text]);
    name = `UDHR paragraphs (no ${floresDir})`;
  }
  const docs = groups.map((sentences, i) => {
    const segments = [];
    let at = 0;
    for (const sentence of sentences) {
      segments.push({ start: at, end: at + sentence.length });
      at += sentence.length + 1;
    }
    return { id: `doc-${i}`, text: sentences.join('\n'), source: { path: 'bench', record: i }, meta: {}, segments };
  });
  return { name, docs };
}

function context() {
  const stats = new Stats();
  const log = createLogger({ level: 'error', write: () => undefined });
  return { rank: 0, worldSize: 1, stats, signal: new AbortController().signal, log, inputs: [], outputDir: tmpdir(), progress: () => undefined };
}

/** Runs the steps over `docs` as a pipeline would; wall and CPU milliseconds, the output and the stats. */
async function runSteps(definitions, docs) {
  const ctx = context();
  const steps = definitions.map(([definition, options]) => definition.create(parseOptions(definition.options, options)));
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

const { name, docs } = await documents();
const mb = docs.reduce((sum, doc) => sum + Buffer.byteLength(doc.text), 0) / 1e6;
const scratch = mkdtempSync(join(tmpdir(), 'ntl-bench-filter-'));
try {
  const wordlistDir = join(scratch, 'wordlists');
  saveWordlists(wordlistDir, buildWordlists(await loadUdhr()));
  const langid = [detectStep, { model: modelDir }];
  // Load the model once (it is shared by later runs) and warm up, outside the timings.
  const labelled = (await runSteps([langid], docs)).out;

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
  await runSteps(chain, docs.slice(0, 200)); // warm-up

  let alone;
  let withFilters;
  for (let i = 0; i < repeat; i++) {
    const a = await runSteps([langid], docs);
    const b = await runSteps(chain, docs);
    if (!alone || a.cpu < alone.cpu) alone = a;
    if (!withFilters || b.cpu < withFilters.cpu) withFilters = b;
  }

  const perMb = (ms) => (ms / mb).toFixed(0).padStart(8);
  const cores = availableParallelism();
  console.log(`input: ${name}: ${docs.length} documents, ${mb.toFixed(2)} MB UTF-8; model ${modelDir}`);
  console.log(`machine: ${cores} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} at the end; node ${process.version}; least CPU of ${repeat} repeats`);
  console.log(`Tf-IIf first pass (computeTfIif over the labelled documents, before the runs): ${tfIifMs.toFixed(0)} ms, ${perMb(tfIifMs).trim()} ms/MB`);
  console.log('');
  console.log('run                           CPU ms/MB  wall ms/MB   docs/s CPU');
  const row = (label, run) => console.log(`${label.padEnd(28)} ${perMb(run.cpu)}    ${perMb(run.wall)}   ${(docs.length / (run.cpu / 1000)).toFixed(0).padStart(12)}`);
  row('(a) langid.detect', alone);
  row('(b) langid + all filters', withFilters);
  console.log(`overhead b/a − 1: CPU ${(100 * (withFilters.cpu / alone.cpu - 1)).toFixed(1)}%, wall ${(100 * (withFilters.wall / alone.wall - 1)).toFixed(1)}% (goal: ≤ 30%)`);
  console.log('');
  console.log('step (in run b)          wall ms/MB   share of langid   kept/scored docs');
  const langidMs = withFilters.stats.timings['langid.detect']?.ms ?? 0;
  for (const [definition] of chain) {
    const ms = withFilters.stats.timings[definition.name]?.ms ?? 0;
    const docsIn = withFilters.stats.get(`${definition.name}.docs_in`);
    const kept = withFilters.stats.get(`${definition.name}.docs_out`);
    const share = definition === detectStep ? '' : `${((100 * ms) / langidMs).toFixed(1)}%`;
    console.log(`${definition.name.padEnd(28)} ${perMb(ms)}   ${share.padStart(15)}   ${`${kept}/${docsIn}`.padStart(16)}`);
  }
  const filtersMs = chain.slice(1).reduce((sum, [definition]) => sum + (withFilters.stats.timings[definition.name]?.ms ?? 0), 0);
  console.log(`${'all filters'.padEnd(28)} ${perMb(filtersMs)}   ${`${((100 * filtersMs) / langidMs).toFixed(1)}%`.padStart(15)}`);
  console.log('(step times are the mapStep transforms; the rest of b − a is langid.detect running slower between filters, garbage collection and passing documents between steps: docs/BENCHMARKS.md)');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

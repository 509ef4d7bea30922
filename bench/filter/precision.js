#!/usr/bin/env node
/**
 * Measured precision and recall of the crawl-to-corpus filters (issue 4's goal: median per-language precision
 * ≥ 0.97 with median recall ≥ 0.90 on a synthetic crawl of ≥ 50 languages, every filter's contribution visible
 * in the ablation), the way Caswell et al. 2020 report 5.5% → 71.2% median precision.
 *
 *   npx tsc -b && node bench/filter/precision.js [--seed 1] [--languages 50] [--pages 20] [--workers 2] [--keep DIR]
 *       [--model DIR] [--wordlists DIR] [--thresholds FILE] [--set step.option=value …]
 *
 * --model/--wordlists/--thresholds replace the shipped models (e.g. a `full` model trained with --no-refit, so
 * FLORES dev stays unseen, and wordlists built from FLORES train); --set overrides one option of one step
 * (`--set filter.consistency.maxDisagreement=0.5`), for trying settings before changing a default.
 *
 * 1. `synthCrawl`: the default synthetic crawl (50 languages × 20 pages), from FLORES-200 dev when
 *    ../shared/data/flores200-sib exists, else from held-out UDHR.
 * 2. pipelines/filter-ablation.json (every filter in annotate mode, corpus.write keepSegments) with the shipped
 *    models pinned: LangID models/langid-udhr and its clusters, wordlists models/wordlists-udhr, thresholds
 *    models/filter-thresholds-udhr.json. models/langid-udhr is trained on UDHR only, so FLORES dev sentences
 *    are unseen by it (with the UDHR fallback they are not: the shipped model is refit on all of UDHR,
 *    docs/synth-crawl.md). A first run gives the LangID-labelled documents for the crawl's Tf-IIf table
 *    (computeTfIif with the wordlists); a second run, with the table, is evaluated (`evaluateRun`): the
 *    per-language table for all filters, the medians and the ablation.
 * 3. The same pipeline with every filter really filtering, evaluated as written, to check the ablation's
 *    "all filters" row (recomputed, with the consistency approximation of docs/filters.md) and to show what
 *    each filter dropped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeTfIif, loadWordlists, synthCrawl, writeTfIifTable } from '../../packages/filter/dist/index.js';
import { evaluateRun, formatDrops, formatEvaluation, partFiles, readGzipJsonl } from '../../packages/filter/dist/evaluation/index.js';
import { args, option } from '../options.js';

const root = new URL('../..', import.meta.url).pathname;
const seed = Number(option('--seed', '1'));
const languages = Number(option('--languages', '50'));
const pages = Number(option('--pages', '20'));
const workers = option('--workers', '2');
const keep = option('--keep', undefined);
const sharedDataDir = join(root, '../shared/data');
const shipped = (name) => join(root, 'models', name);
const modelDir = option('--model', shipped('langid-udhr'));
const wordlistDir = option('--wordlists', shipped('wordlists-udhr'));
const thresholdsFile = option('--thresholds', shipped('filter-thresholds-udhr.json'));
/** `--set step.option=value`, repeatable: { step: { option: value } }, numbers and booleans parsed. */
const overrides = {};
args.forEach((arg, i) => {
  if (arg !== '--set') return;
  const match = /^([a-z]+\.[a-z]+)\.(\w+)=(.*)$/.exec(args[i + 1] ?? '');
  if (!match) throw new Error(`--set expects step.option=value, got ${args[i + 1]}`);
  const [, step, name, raw] = match;
  (overrides[step] ??= {})[name] = raw === 'true' ? true : raw === 'false' ? false : Number.isNaN(Number(raw)) ? raw : Number(raw);
});

const work = keep ?? mkdtempSync(join(tmpdir(), 'ntl-bench-precision-'));
if (keep) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
}
const crawlDir = join(work, 'crawl');

/** filter-ablation.json with the shipped models pinned; `annotate: false` lets every filter really filter. */
function pipeline(name, { annotate, table }) {
  const file = JSON.parse(readFileSync(join(root, 'pipelines/filter-ablation.json'), 'utf8'));
  const pins = {
    'langid.detect': { model: modelDir },
    'filter.consistency': { clusters: join(modelDir, 'clusters.json') },
    'filter.wordlist': { wordlists: wordlistDir },
    'filter.tfiif': table ? { table } : {},
  };
  for (const step of file.steps) {
    const filter = step.use.startsWith('filter.');
    const { mode: _annotate, ...options } = step.with ?? {};
    step.with = { ...options, ...(filter ? { thresholds: thresholdsFile } : {}), ...pins[step.use], ...overrides[step.use], ...(filter && annotate ? { mode: 'annotate' } : {}) };
  }
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify(file, null, 2));
  return path;
}

function run(pipelinePath, output) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(root, 'apps/cli/bin/ntl.js'), 'run', pipelinePath, '--input', join(crawlDir, '*.warc.gz'), '--output', output, '--workers', workers, '--log-level', 'error'], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`ntl run ${pipelinePath} failed (${result.status}): ${result.stderr}`);
  return (performance.now() - started) / 1000;
}

async function* corpusDocs(runDir) {
  for (const part of partFiles(join(runDir, 'corpus'))) for await (const { value } of readGzipJsonl(part.path)) yield value;
}

const floresPresent = existsSync(join(sharedDataDir, 'flores200-sib'));
const crawl = await synthCrawl({ outDir: crawlDir, seed, languages, pages, source: floresPresent ? 'flores' : 'udhr', sharedDataDir });
console.log(`crawl: seed ${seed}, ${crawl.pages} pages claiming ${crawl.languages.length} languages; ${crawl.sourceDescription}`);
console.log(`LangID: ${modelDir}; wordlists: ${wordlistDir}; thresholds: ${thresholdsFile}; overrides: ${JSON.stringify(overrides)}`);
if (modelDir === shipped('langid-udhr')) {
  console.log(`  (UDHR only${crawl.source === 'flores' ? ': the FLORES dev text is unseen by it' : ': it has seen this held-out UDHR text, which flatters LangID'})`);
}

const labelled = join(work, 'labelled');
const firstSeconds = run(pipeline('labelled', { annotate: true }), labelled);
const table = await computeTfIif(corpusDocs(labelled), { wordlists: loadWordlists(wordlistDir) });
const tablePath = join(work, 'tfiif.json');
writeTfIifTable(tablePath, table);

const ablationRun = join(work, 'ablation');
const ablationSeconds = run(pipeline('ablation', { annotate: true, table: tablePath }), ablationRun);
const ablation = await evaluateRun({ runDir: ablationRun, truthPath: crawl.truth });
console.log(`runs: labelling ${firstSeconds.toFixed(1)} s, annotate-mode ablation run ${ablationSeconds.toFixed(1)} s (--workers ${workers})\n`);
process.stdout.write(formatEvaluation(ablation));

const filteredRun = join(work, 'filtered');
const filteredSeconds = run(pipeline('filtered', { annotate: false, table: tablePath }), filteredRun);
const filtered = await evaluateRun({ runDir: filteredRun, truthPath: crawl.truth });
console.log(`\nthe real chain (every filter filtering, ${filteredSeconds.toFixed(1)} s), evaluated as written:`);
console.log(
  `median precision ${filtered.medianPrecision?.toFixed(3)} (chars ${filtered.medianCharPrecision?.toFixed(3)}) over ${filtered.languagesKept} languages that kept text, median recall ${filtered.medianRecall?.toFixed(3)} over ${filtered.languagesInMedian}; kept sentences ${filtered.perLanguage.reduce((sum, r) => sum + r.keptSentences, 0)}`,
);
process.stdout.write(`${formatDrops(filtered.drops).join('\n')}\n`);
if (!keep) rmSync(work, { recursive: true, force: true });

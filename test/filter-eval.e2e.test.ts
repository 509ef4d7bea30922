/**
 * `ntl filter eval` end to end: a synthetic crawl (held-out UDHR, no shared data), the annotate-mode ablation
 * pipeline, and the evaluation; the ablation's single-filter rows are checked against real runs of that filter.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ntl, repoRoot } from './support/cli.js';

interface Evaluation {
  configuration: string;
  medianPrecision: number | null;
  medianCharPrecision: number | null;
  medianRecall: number | null;
  languagesInMedian: number;
  languagesKept: number;
  perLanguage: Array<{ tag: string; keptSentences: number; precision: number | null; recall: number | null; truthSentences: number; inMedian: boolean }>;
  ablation: Array<{ configuration: string; medianPrecision: number | null; medianRecall: number | null; keptSentences: number }>;
}

const work = mkdtempSync(join(tmpdir(), 'ntl-filter-eval-'));
const crawl = join(work, 'crawl');
const truth = join(crawl, 'truth.jsonl');
const ablationPipeline = join(repoRoot, 'pipelines/filter-ablation.json');
const FILTERS = ['heuristics', 'repetition', 'blocklist', 'script', 'consistency', 'wordlist', 'tfiif'];

function run(pipeline: string, output: string): void {
  const result = ntl(['run', pipeline, '--input', join(crawl, '*.warc.gz'), '--output', output, '--workers', '1']);
  expect(result.stderr).not.toMatch(/"level":"error"/);
  expect(result.status).toBe(0);
}

function evaluate(runDir: string): Evaluation {
  const result = ntl(['filter', 'eval', '--corpus', runDir, '--truth', truth, '--json']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Evaluation;
}

/** filter-ablation.json with one filter really filtering and the others left out. */
function onlyFilter(name: string): string {
  const pipeline = JSON.parse(readFileSync(ablationPipeline, 'utf8')) as { steps: Array<{ use: string; with?: Record<string, unknown> }> };
  pipeline.steps = pipeline.steps.filter((step) => !step.use.startsWith('filter.') || step.use === `filter.${name}`).map((step) => (step.use === `filter.${name}` ? { use: step.use } : step));
  const path = join(work, `only-${name}.json`);
  writeFileSync(path, JSON.stringify(pipeline));
  return path;
}

const ablationRun = join(work, 'ablation');
let ablation: Evaluation;

beforeAll(() => {
  const synth = ntl(['synth-crawl', '--seed', '3', '--out', crawl, '--source', 'udhr', '--languages', '6', '--pages', '10']);
  expect(synth.status).toBe(0);
  run(ablationPipeline, ablationRun);
  ablation = evaluate(ablationRun);
});

test('the JSON report: medians, a per-language table and every ablation configuration', () => {
  expect(ablation.configuration).toBe('all filters');
  expect(ablation.ablation.map((a) => a.configuration)).toEqual(['LangID only', ...FILTERS.map((f) => `+ ${f}`), 'all filters', ...FILTERS.map((f) => `all but ${f}`)]);
  const all = ablation.ablation.find((a) => a.configuration === 'all filters');
  expect(all).toMatchObject({ medianPrecision: ablation.medianPrecision, medianRecall: ablation.medianRecall });
  expect(ablation.languagesInMedian).toBeGreaterThanOrEqual(6);
  for (const row of ablation.perLanguage) {
    if (row.precision !== null) expect(row.precision).toBeGreaterThanOrEqual(0);
    if (row.precision !== null) expect(row.precision).toBeLessThanOrEqual(1);
    expect(row.inMedian).toBe(row.truthSentences >= 10);
  }
});

test('LangID only keeps every sentence of the annotate-mode corpus; filters only remove, so recall only falls', () => {
  let segments = 0;
  const corpus = join(ablationRun, 'corpus');
  for (const tag of readdirSync(corpus)) {
    for (const part of readdirSync(join(corpus, tag))) {
      for (const line of gunzipSync(readFileSync(join(corpus, tag, part))).toString('utf8').split('\n')) {
        if (line) segments += (JSON.parse(line) as { segments: unknown[] }).segments.length;
      }
    }
  }
  const langIdOnly = ablation.ablation[0] as Evaluation['ablation'][number];
  expect(langIdOnly.keptSentences).toBe(segments);
  for (const row of ablation.ablation) {
    expect(row.keptSentences).toBeLessThanOrEqual(segments);
    expect(row.medianRecall as number).toBeLessThanOrEqual(langIdOnly.medianRecall as number);
  }
  // The filters earn their keep on this crawl: all of them together beat LangID alone.
  expect(ablation.medianPrecision as number).toBeGreaterThan(langIdOnly.medianPrecision as number);
});

test.each(['wordlist', 'consistency'])('the "+ %s" row equals a real run of that filter', (name) => {
  const out = join(work, `run-${name}`);
  run(onlyFilter(name), out);
  const real = evaluate(out);
  expect(real.configuration).toBe('corpus as written');
  expect(real.ablation).toEqual([]);
  const row = ablation.ablation.find((a) => a.configuration === `+ ${name}`);
  expect(row).toEqual({
    configuration: `+ ${name}`,
    filters: [name],
    medianPrecision: real.medianPrecision,
    medianCharPrecision: real.medianCharPrecision,
    medianRecall: real.medianRecall,
    languagesKept: real.languagesKept,
    keptSentences: real.perLanguage.reduce((sum, r) => sum + r.keptSentences, 0),
  });
});

test('the text report prints the tables', () => {
  const result = ntl(['filter', 'eval', '--corpus', ablationRun, '--truth', truth]);
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^tag\s+kept\s+precision\s+chars\s+recall\s+truth\s+median$/m);
  expect(result.stdout).toMatch(/^LangID only\s+\d+\s+\d+\s+\d\.\d{3}/m);
  expect(result.stdout).toMatch(/^median precision \d\.\d{3} \(chars \d\.\d{3}\) over the \d+ of them that kept text; median recall \d\.\d{3} over \d+ languages with >= 10 truth sentences$/m);
});

test('errors name the path and exit 2', () => {
  const missing = join(work, 'no-such-run');
  const noRun = ntl(['filter', 'eval', '--corpus', missing, '--truth', truth]);
  expect(noRun.status).toBe(2);
  expect(noRun.stderr).toContain(`${missing}: no such run output folder`);
  const noTruth = ntl(['filter', 'eval', '--corpus', ablationRun, '--truth', join(work, 'none.jsonl')]);
  expect(noTruth.status).toBe(2);
  expect(noTruth.stderr).toContain(`${join(work, 'none.jsonl')}: no such truth file`);
  const filtered = join(work, 'run-wordlist');
  const noAblation = ntl(['filter', 'eval', '--corpus', filtered, '--truth', truth, '--ablation']);
  expect(noAblation.status).toBe(2);
  expect(noAblation.stderr).toContain(`${join(filtered, 'corpus')}: no ablation possible`);
  const badCount = ntl(['filter', 'eval', '--corpus', ablationRun, '--truth', truth, '--min-sentences', '0']);
  expect(badCount.status).toBe(2);
});

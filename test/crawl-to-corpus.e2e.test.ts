import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pinnedCrawlPipeline } from './support/pinned-pipeline.js';
import { ntl, ntlAsync, repoRoot } from './support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'ntl-e2e-'));
const pipeline = pinnedCrawlPipeline(work);
const samples = join(repoRoot, 'samples/crawl');
const warcioFixtures = join(repoRoot, 'packages/crawl/test/fixtures/warcio');

interface Manifest {
  counts: {
    corpus: Record<string, { docs: number }>;
    droppedDocs: Record<string, number>;
    droppedSentences: Record<string, number>;
    droppedByLanguage: Record<string, Record<'docs' | 'sentences', Record<string, Record<string, number>>>>;
    damagedInputs: number;
  };
  inputs: Array<{ path: string; size: number; sha256: string | null }>;
  outputs: Array<{ path: string; bytes: number; sha256: string }>;
}

function manifestOf(out: string): Manifest {
  return JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
}

function countersOf(out: string): Record<string, number> {
  return (JSON.parse(readFileSync(join(out, 'stats.json'), 'utf8')) as { counters: Record<string, number> }).counters;
}

/** Every corpus and audit file, path → bytes, to compare runs byte for byte. */
function outputFiles(out: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const top of ['corpus', 'dropped']) {
    for (const entry of readdirSync(join(out, top), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.set(relative(out, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
    }
  }
  return files;
}

/** url → the corpus folder (language tag) its record was written to. */
function corpusLanguagesByUrl(out: string): Map<string, string> {
  const byUrl = new Map<string, string>();
  for (const tag of readdirSync(join(out, 'corpus'))) {
    for (const file of readdirSync(join(out, 'corpus', tag))) {
      for (const line of gunzipSync(readFileSync(join(out, 'corpus', tag, file))).toString('utf8').split('\n').filter(Boolean)) {
        byUrl.set((JSON.parse(line) as { url: string }).url, tag);
      }
    }
  }
  return byUrl;
}

test('the sample crawl becomes a corpus with stats, manifest and report', () => {
  const out = join(work, 'sample');
  const result = ntl(['run', pipeline, '--input', samples, '--output', out, '--workers', '2']);
  expect(result.stderr).not.toMatch(/"level":"error"/);
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^125 documents in 68 language\(s\) written to /);
  const manifest = manifestOf(out);
  // 142 responses + 1 WARC page + 1 WET page; minus 2 non-200, 2 non-HTML, 2 empty after extraction,
  // 4 exact copies + 5 near copies whose main text is identical, 3 edited near copies (samples/README.md).
  const corpus = manifest.counts.corpus as Record<string, { docs: number }>;
  expect(Object.values(corpus).reduce((sum, { docs }) => sum + docs, 0)).toBe(125);
  expect(corpus['und_Zyyy']).toBeUndefined();
  // Every monolingual UDHR page lands in its true language's corpus (samples/udhr-pages.truth.jsonl).
  const detected = corpusLanguagesByUrl(out);
  const truth = readFileSync(join(samples, '..', 'udhr-pages.truth.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { url: string; lang: string | null });
  const judged = truth.filter((page) => page.lang !== null && detected.has(page.url));
  // Every monolingual page that survives extraction and dedup also survives the filters.
  expect(judged.length).toBe(123);
  expect(judged.filter((page) => detected.get(page.url) !== page.lang)).toEqual([]);
  // The filters drop two documents: the WET copy of the Wikipedia page (its navigation lines are short lines)
  // and a 33-word bilingual page (Gopher's minimum is 50 words); sentences: U+FFFD from the sample's encoding
  // faults (blocklist), headings LangID places elsewhere (consistency), headings and rare words (wordlist).
  expect(manifest.counts.droppedDocs).toEqual({ 'crawl.dedup': 12, 'crawl.extract': 1, 'filter.heuristics': 2 });
  expect(manifest.counts.droppedSentences).toEqual({ 'filter.blocklist': 16, 'filter.consistency': 25, 'filter.wordlist': 219 });
  // The same drops per language, by filter and reason, add up to those totals; dedup ran before LangID.
  const byLanguage = Object.values(manifest.counts.droppedByLanguage);
  const total = (unit: 'docs' | 'sentences', filter: string): number =>
    byLanguage.reduce((sum, language) => sum + Object.values(language[unit][filter] ?? {}).reduce((a, b) => a + b, 0), 0);
  for (const [filter, count] of Object.entries(manifest.counts.droppedDocs)) expect(total('docs', filter)).toBe(count);
  for (const [filter, count] of Object.entries(manifest.counts.droppedSentences)) expect(total('sentences', filter)).toBe(count);
  expect(manifest.counts.droppedByLanguage['und_Zyyy']?.docs['crawl.dedup']).toEqual({ exact_duplicate: 9, near_duplicate: 3 });
  // `ntl filter dropped` reads the same drops back from dropped/ for review, per language ("am" = amh_Ethi).
  const review = ntl(['filter', 'dropped', out, '--lang', 'am', '--limit', '2', '--json']);
  expect(review.status).toBe(0);
  const amharic = JSON.parse(review.stdout) as { groups: Array<{ step: string; reason: string; documents: number; sentences: number; samples: Array<{ lang: string }> }> };
  const expected = manifest.counts.droppedByLanguage['amh_Ethi'];
  expect(amharic.groups.length).toBeGreaterThan(0);
  for (const group of amharic.groups) {
    expect([group.documents, group.sentences]).toEqual([expected?.docs[group.step]?.[group.reason] ?? 0, expected?.sentences[group.step]?.[group.reason] ?? 0]);
    expect(group.samples.length).toBe(Math.min(2, group.documents + group.sentences));
    expect(group.samples.every((sample) => sample.lang === 'amh_Ethi')).toBe(true);
  }
  expect(manifest.counts.damagedInputs).toBe(0);
  const counters = countersOf(out);
  expect(counters['crawl.read.records.response']).toBe(143);
  expect(counters['crawl.dedup.dropped.exact_duplicate']).toBe(9);
  expect(counters['crawl.dedup.dropped.near_duplicate']).toBe(3);
  expect(manifest.inputs.map((input) => relative(repoRoot, input.path))).toEqual([
    'samples/crawl/udhr-pages.warc.gz',
    'samples/crawl/whirlwind.warc.gz',
    'samples/crawl/whirlwind.warc.wet.gz',
  ]);
  expect(manifest.outputs.every((file) => /^[0-9a-f]{64}$/.test(file.sha256))).toBe(true);
  // The shipped UDHR-only model has no Aragonese (UDHR has no Aragonese declaration): its closest language wins.
  const aragonese = gunzipSync(readFileSync(join(out, 'corpus/spa_Latn/part-00001.jsonl.gz'))).toString('utf8');
  expect(aragonese).toContain('Escopete ye un municipio');
  const report = readFileSync(join(out, 'report.html'), 'utf8');
  expect(report).toContain('<td>crawl.dedup</td><td>exact_duplicate</td><td class="num">9</td>');
  expect(report).toContain('<td>corpus.write</td><td class="num">125</td><td class="num">125</td><td class="num">100.0%</td>');
  expect(report).toContain('<td>filter.heuristics</td><td>short_lines</td><td class="num">1</td>');
  // Score histograms: one section per filter, each chart with its language's thresholds drawn.
  expect(report).toContain('<h2>Score histograms</h2>');
  expect(report).toMatch(/<summary>filter\.wordlist — 1 measure\(s\)<\/summary>\n<h3>share \(sentences\)<\/h3>/);
  expect(report).toMatch(/<title>amh_Ethi · share \(sentences\): \d+ scored; minShare ≥ [\d.]+<\/title>/);
  expect(report).toMatch(/<line [^>]*><title>minWords ≥ 50<\/title><\/line>/);
});

test('damaged, missing and empty inputs are counted with file and offset, and the run still succeeds', () => {
  const out = join(work, 'damaged');
  const empty = join(work, 'empty.warc.gz');
  writeFileSync(empty, '');
  const args = ['run', pipeline, '--input', warcioFixtures, join(work, 'missing.warc.gz'), empty, '--output', out];
  const result = ntl(args);
  expect(result.status).toBe(0);
  const manifest = manifestOf(out);
  const counters = countersOf(out);
  expect(counters['damaged.missing']).toBe(1);
  expect(counters['damaged.bad_header']).toBe(3);
  expect(counters['crawl.read.empty_files']).toBe(1);
  expect(manifest.counts.damagedInputs).toBe(Object.entries(counters).filter(([key]) => key.startsWith('damaged.')).reduce((sum, [, n]) => sum + n, 0));
  expect(manifest.counts.damagedInputs).toBeGreaterThanOrEqual(6);
  const warnings = result.stderr.split('\n').filter((line) => line.includes('"level":"warn"'));
  expect(warnings.some((line) => line.includes('bad.arc') && line.includes('"offset":134'))).toBe(true);
  const report = readFileSync(join(out, 'report.html'), 'utf8');
  expect(report).toContain('missing.warc.gz');
  // The same run with --fail-on-damage finishes but says so in its exit code.
  expect(ntl([...args.slice(0, -1), join(work, 'damaged-strict'), '--fail-on-damage']).status).toBe(3);
});

test('a run killed with SIGKILL and resumed gives byte-identical output', async () => {
  const full = join(work, 'full');
  const killed = join(work, 'killed');
  // Eight shards of real crawl data, so the kill lands mid-run.
  for (let i = 0; i < 8; i++) copyFileSync(join(samples, 'udhr-pages.warc.gz'), join(work, `copy-${i}.warc.gz`));
  const args = (out: string) => ['run', pipeline, '--input', join(work, 'copy-*.warc.gz'), '--output', out, '--workers', '2'];
  expect(ntl(args(full)).status).toBe(0);

  const child = ntlAsync(args(killed));
  const completions = join(killed, 'completions');
  const killedAt = await new Promise<number>((resolve, reject) => {
    const poll = setInterval(() => {
      const done = existsSync(completions) ? readdirSync(completions).length : 0;
      if (done >= 2) {
        clearInterval(poll);
        child.kill('SIGKILL');
        resolve(done);
      }
    }, 10);
    child.on('exit', () => {
      clearInterval(poll);
      reject(new Error('the run finished before it could be killed'));
    });
  });
  await new Promise((resolve) => child.on('exit', resolve));
  await new Promise((resolve) => setTimeout(resolve, 300)); // let orphaned workers notice and exit
  expect(killedAt).toBeLessThan(8);
  expect(existsSync(join(killed, 'manifest.json'))).toBe(false);

  const resumed = ntl([...args(killed), '--resume']);
  expect(resumed.status).toBe(0);
  expect(resumed.stderr).toContain('resuming: skipping completed tasks');
  expect(outputFiles(killed)).toEqual(outputFiles(full));
  expect(countersOf(killed)).toEqual(countersOf(full));
  expect(manifestOf(killed).outputs).toEqual(manifestOf(full).outputs);

  // The eight shards hold the same pages: crawl.dedup works within a shard, and the pipeline's acrossShards pass
  // (run by ntl run after the last task, and finished by --resume) drops the copies in the other seven.
  const manifest = manifestOf(full);
  const kept = Object.values(manifest.counts.corpus).reduce((sum, { docs }) => sum + docs, 0);
  expect(kept).toBeGreaterThan(20);
  expect(manifest.counts.droppedDocs['corpus.dedup']).toBe(kept * 7);
  expect(countersOf(full)['corpus.dedup.docs_in']).toBe(kept * 8);
  expect(readdirSync(join(full, 'corpus', 'hau_Latn'))).toEqual(['part-00000.jsonl.gz']);
  expect(readFileSync(join(full, 'report.html'), 'utf8')).toContain(`<td>corpus.dedup</td><td>exact_duplicate</td><td class="num">${kept * 7}</td>`);
  expect(ntl(['dedup', full]).stdout).toMatch(/^already done: /);
  expect(ntl(['dedup', work]).status).toBe(2);
});

/** The pinned pipeline without the pass across shards (crawl.dedup's `acrossShards` false), for `ntl dedup` to run. */
function perShardPipeline(): string {
  const perShard = join(work, 'per-shard.json');
  const config = JSON.parse(readFileSync(pipeline, 'utf8')) as { steps: Array<{ use: string; with?: Record<string, unknown> }> };
  for (const step of config.steps) if (step.use === 'crawl.dedup') step.with = { ...step.with, acrossShards: false };
  writeFileSync(perShard, JSON.stringify(config));
  return perShard;
}

test('ntl dedup drops duplicates across the shards of a run made without the acrossShards pass', () => {
  for (let i = 0; i < 2; i++) copyFileSync(join(samples, 'udhr-pages.warc.gz'), join(work, `twin-${i}.warc.gz`));
  const out = join(work, 'per-shard');
  expect(ntl(['run', perShardPipeline(), '--input', join(work, 'twin-*.warc.gz'), '--output', out, '--workers', '2']).status).toBe(0);
  const written = Object.values(manifestOf(out).counts.corpus).reduce((sum, { docs }) => sum + docs, 0);
  expect(existsSync(join(out, 'corpus-dedup'))).toBe(false);

  // Too little memory: the pass stops before writing anything, and says how to go on.
  const starved = ntl(['dedup', out, '--dedup-memory', '0.001']);
  expect(starved.status).toBe(1);
  expect(starved.stderr).toMatch(/stopped at [a-z]{3}_[A-Z][a-z]{3} after \d+ of its documents: .* reached its budget of 0\.00 GB/);
  expect(existsSync(join(out, 'corpus-dedup'))).toBe(false);

  const dedup = ntl(['dedup', out]);
  expect(dedup.status).toBe(0);
  expect(dedup.stdout).toMatch(new RegExp(`^${written / 2} duplicate\\(s\\) dropped across shards \\(${written / 2} exact, 0 near\\) of ${written} documents; ${written / 2} documents`));
  const deduplicated = manifestOf(out);
  expect(deduplicated.counts.droppedDocs['corpus.dedup']).toBe(written / 2);
  expect(Object.values(deduplicated.counts.corpus).reduce((sum, { docs }) => sum + docs, 0)).toBe(written / 2);
});

test('ntl dedup over worker processes leaves the same run as in one process', () => {
  // Five shards: a corpus of ~1.4 MB in 68 languages, over the 1 MiB at which the pass starts workers.
  for (let i = 0; i < 5; i++) copyFileSync(join(samples, 'udhr-pages.warc.gz'), join(work, `octet-${i}.warc.gz`));
  const out = join(work, 'octet');
  expect(ntl(['run', perShardPipeline(), '--input', join(work, 'octet-*.warc.gz'), '--output', out, '--workers', '2']).status).toBe(0);
  const [alone, shared, starved] = [join(work, 'octet-alone'), join(work, 'octet-shared'), join(work, 'octet-starved')];
  for (const copy of [alone, shared, starved]) cpSync(out, copy, { recursive: true });
  // Out of memory in the workers, then in one process with the whole budget: exit 1, the run as it was.
  const outOfMemory = ntl(['dedup', starved, '--workers', '2', '--dedup-memory', '0.001']);
  expect(outOfMemory.status).toBe(1);
  expect(outOfMemory.stderr).toContain("a language outgrew its worker's share of the memory budget: deciding again in one process");
  expect(outOfMemory.stderr).toMatch(/stopped at [a-z]{3}_[A-Z][a-z]{3} after \d+ of its documents/);
  expect(existsSync(join(starved, 'corpus-dedup'))).toBe(false);
  expect(outputFiles(starved)).toEqual(outputFiles(out));

  const one = ntl(['dedup', alone, '--workers', '1']);
  const two = ntl(['dedup', shared, '--workers', '2']);
  expect([one.status, two.status]).toEqual([0, 0]);
  expect(one.stderr).not.toContain('worker processes');
  expect(two.stderr).toMatch(/"68 languages over 2 worker processes"/);
  expect(two.stdout).toBe(one.stdout.replaceAll(alone, shared));
  expect(outputFiles(shared)).toEqual(outputFiles(alone));
  const decisions = (run: string) => ({ ...JSON.parse(readFileSync(join(run, 'corpus-dedup/decisions.json'), 'utf8')), ms: 0 }) as Record<string, unknown>;
  expect(decisions(shared)).toEqual(decisions(alone));
  expect(manifestOf(shared).counts).toEqual(manifestOf(alone).counts);
  expect(manifestOf(alone).counts.droppedDocs['corpus.dedup']).toBeGreaterThan(0);
});

test('ntl run finishes the run without the pass across shards when the pass would outgrow --dedup-memory, and exits 1', () => {
  for (let i = 0; i < 2; i++) copyFileSync(join(samples, 'udhr-pages.warc.gz'), join(work, `starved-${i}.warc.gz`));
  const out = join(work, 'starved');
  const run = ntl(['run', pipeline, '--input', join(work, 'starved-*.warc.gz'), '--output', out, '--workers', '2', '--dedup-memory', '0.001']);
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('The run is finished without the pass.');
  const manifest = manifestOf(out);
  const written = Object.values(manifest.counts.corpus).reduce((sum, { docs }) => sum + docs, 0);
  expect(manifest.counts.droppedDocs['corpus.dedup']).toBeUndefined();
  expect(ntl(['dedup', out]).stdout).toMatch(new RegExp(`^${written / 2} duplicate\\(s\\) dropped across shards`));
});

test('usage errors exit 2 with a message naming the problem', () => {
  const bad = join(work, 'bad-pipeline.json');
  writeFileSync(bad, '{ "name": "x", "steps": [ { "use": "crawl.read", "with": { "maxRecordBytes": "big" } } ] }');
  const badOption = ntl(['run', bad, '--input', samples, '--output', join(work, 'never')]);
  expect(badOption.status).toBe(2);
  expect(badOption.stderr).toContain(`${bad}: step 1 ("crawl.read") field "with.maxRecordBytes": expected a number, got string`);

  writeFileSync(bad, '{ "name": "x", "steps": [ { "use": "crawl.read" } ');
  const malformed = ntl(['run', bad, '--input', samples, '--output', join(work, 'never')]);
  expect(malformed.status).toBe(2);
  expect(malformed.stderr).toMatch(/not valid JSON at line 1, column \d+/);

  const out = join(work, 'twice');
  expect(ntl(['run', pipeline, '--input', join(samples, 'whirlwind.warc.gz'), '--output', out]).status).toBe(0);
  const again = ntl(['run', pipeline, '--input', join(samples, 'whirlwind.warc.gz'), '--output', out]);
  expect(again.status).toBe(2);
  expect(again.stderr).toContain('already holds a run; pass --resume');
  expect(ntl(['run', pipeline, '--output', out]).status).toBe(2);
});

test('ntl inspect summarises a crawl file and flags damage in its exit code', () => {
  const clean = ntl(['inspect', join(samples, 'whirlwind.warc.gz'), join(samples, 'whirlwind.warc.wet.gz'), '--json']);
  expect(clean.status).toBe(0);
  type Summary = { format: string; records: Record<string, number>; languages: Array<[string, number]> };
  const [warc, wet] = clean.stdout.trim().split('\n').map((line) => JSON.parse(line) as Summary);
  expect(warc?.format).toBe('warc');
  expect(warc?.records).toEqual({ warcinfo: 1, request: 1, response: 1, metadata: 1 });
  // The page says it is Aragonese (HTTP Content-Language, <html lang>); Common Crawl's WET header says Spanish.
  expect(warc?.languages).toEqual([['an', 1]]);
  expect(wet?.languages).toEqual([['spa', 1]]);
  const damaged = ntl(['inspect', join(warcioFixtures, 'bad.arc')]);
  expect(damaged.status).toBe(3);
  expect(damaged.stdout).toContain('@134 bad_header');
  expect(ntl(['inspect', join(work, 'nope.warc')]).status).toBe(1);
});

test('--help works for every command', () => {
  for (const args of [['--help'], ['run', '--help'], ['inspect', '--help'], ['steps']]) {
    const result = ntl(args);
    expect(result.status).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(50);
  }
});

#!/usr/bin/env node
/**
 * Memory of the whole crawl-to-corpus pipeline against the size of its input (issue 4: memory stays bounded
 * on a crawl larger than RAM). One synthetic crawl of unique pages (`ntl synth-crawl`: pages built from
 * FLORES-200 dev sentences, so every page is a new document for crawl.dedup's index, as on a real crawl,
 * besides the crawl's own near-duplicate pages) is written once; runs over its first k WARC files, for growing
 * k, record the peak resident set of the process that runs the pipeline (`--workers 1` runs every task in the
 * CLI process itself; `/usr/bin/time`'s maximum resident set size), the largest V8 heap left after a full
 * collection (`--trace-gc`'s Mark-Compact lines: what the process really holds, where the peak resident set
 * also counts garbage V8 let accumulate before collecting), its time, and what the run read and kept.
 * The last run reads the whole crawl with the V8 heap capped below the crawl's uncompressed size
 * (`NODE_OPTIONS=--max-old-space-size`, which forked workers inherit with the environment): it must complete.
 *
 *   npx tsc -b && node bench/filter/memory.js [--languages 100] [--pages 100] [--sizes 5,10,20] [--cap-mb 72] [--seed 7] [--keep DIR]
 *
 * --languages × --pages pages are written, 250 to a WARC file; --sizes lists the numbers of files read by the
 * uncapped runs; the capped run reads them all. --keep DIR keeps the crawl and the runs' outputs there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { option } from '../options.js';

const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'apps/cli/bin/ntl.js');
const languages = Number(option('--languages', '100'));
const pagesPerLanguage = Number(option('--pages', '100'));
const sizes = option('--sizes', '5,10,20').split(',').map(Number);
const capMb = Number(option('--cap-mb', '72'));
const seed = option('--seed', '7');
const kept = option('--keep');
if (!existsSync('/usr/bin/time')) throw new Error('bench/filter/memory.js needs /usr/bin/time (GNU time) for the peak resident set size');

const work = kept ?? mkdtempSync(join(tmpdir(), 'ntl-bench-memory-'));
mkdirSync(work, { recursive: true });

/**
 * Runs `node --trace-gc <args>` under /usr/bin/time: exit status, peak resident set (MB), the largest heap left
 * by a full collection (MB) and how many there were, wall and CPU seconds.
 */
function timed(nodeArgs, env = {}) {
  const report = join(work, 'time.txt');
  const result = spawnSync('/usr/bin/time', ['-f', '%M %e %U %S', '-o', report, process.execPath, '--trace-gc', ...nodeArgs], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const [maxKb, wall, user, system] = readFileSync(report, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  // "Mark-Compact 122.7 (156.1) -> 38.5 (122.3) MB": the heap before and after, in MB.
  const live = [...result.stdout.matchAll(/Mark-Compact [\d.]+ \([\d.]+\) -> ([\d.]+) \(/g)].map((match) => Number(match[1]));
  return { status: result.status, signal: result.signal, stderr: result.stderr, peakMb: maxKb / 1024, liveMb: Math.max(0, ...live), fullGcs: live.length, wall, cpu: user + system };
}

const crawl = join(work, 'crawl');
if (!existsSync(join(crawl, 'synth-crawl.json'))) {
  const made = timed([cli, 'synth-crawl', '--seed', seed, '--out', crawl, '--languages', String(languages), '--pages', String(pagesPerLanguage)]);
  if (made.status !== 0) throw new Error(`synth-crawl failed:\n${made.stderr}`);
}
const files = readdirSync(crawl)
  .filter((name) => name.endsWith('.warc.gz'))
  .sort()
  .map((name) => join(crawl, name));
for (const size of sizes) if (size > files.length) throw new Error(`--sizes ${size}: the crawl has ${files.length} files`);
const uncompressed = files.map((file) => gunzipSync(readFileSync(file)).length);

function run(count, env = {}) {
  const output = join(work, `run-${count}${env.NODE_OPTIONS ? '-capped' : ''}`);
  rmSync(output, { recursive: true, force: true });
  const input = files.slice(0, count);
  const result = timed([cli, 'run', 'pipelines/crawl-to-corpus.json', '--input', ...input, '--output', output, '--workers', '1', '--log-level', 'error'], env);
  if (result.status !== 0) return { count, ...result };
  const counters = JSON.parse(readFileSync(join(output, 'stats.json'), 'utf8')).counters;
  // corpus.write.docs.<tag>: the documents written to each language's corpus.
  const written = Object.entries(counters)
    .filter(([key]) => /^corpus\.write\.docs\.[^.]+$/.test(key))
    .reduce((sum, [, value]) => sum + value, 0);
  if (!kept) rmSync(output, { recursive: true, force: true });
  return {
    count,
    ...result,
    pages: counters['crawl.read.docs'],
    rawMb: uncompressed.slice(0, count).reduce((sum, bytes) => sum + bytes, 0) / 1e6,
    gzMb: (counters['crawl.read.bytes'] ?? 0) / 1e6,
    duplicates: (counters['crawl.dedup.dropped.exact_duplicate'] ?? 0) + (counters['crawl.dedup.dropped.near_duplicate'] ?? 0),
    textMb: (counters['crawl.extract.text_chars'] ?? 0) / 1e6,
    written,
  };
}

console.log(`crawl: ${files.length} WARC files, ${languages} × ${pagesPerLanguage} pages (seed ${seed}) in ${crawl}`);
console.log(`machine: ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}`);
console.log('');
console.log('files  pages  WARC MB (gz)  uncompressed MB  text M chars  duplicates  heap cap  peak RSS MB  heap after full GC, MB (GCs)  wall s   CPU s');
const row = (r, cap) =>
  console.log(
    `${String(r.count).padStart(5)}  ${String(r.pages).padStart(5)}  ${r.gzMb.toFixed(1).padStart(12)}  ${r.rawMb.toFixed(1).padStart(15)}  ${r.textMb.toFixed(2).padStart(12)}  ${String(r.duplicates).padStart(10)}  ${cap.padStart(8)}  ${r.peakMb.toFixed(0).padStart(11)}  ${`${r.liveMb.toFixed(1)} (${r.fullGcs})`.padStart(28)}  ${r.wall.toFixed(1).padStart(6)}  ${r.cpu.toFixed(1).padStart(6)}`,
  );
try {
  for (const size of sizes) {
    const result = run(size);
    if (result.status !== 0) throw new Error(`the run over ${size} files failed (${result.status ?? result.signal}):\n${result.stderr}`);
    row(result, 'none');
  }
  const capped = run(files.length, { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${capMb}`.trim() });
  if (capped.status !== 0) throw new Error(`the capped run failed (${capped.status ?? capped.signal}):\n${capped.stderr.slice(-2000)}`);
  row(capped, `${capMb} MB`);
  const rawMb = uncompressed.reduce((sum, bytes) => sum + bytes, 0) / 1e6;
  console.log('');
  console.log(`capped run: V8 old space at most ${capMb} MB for ${rawMb.toFixed(1)} MB of uncompressed input (${(rawMb / capMb).toFixed(2)}×): completed, ${capped.written} documents written`);
  console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
} finally {
  if (!kept) rmSync(work, { recursive: true, force: true });
}
